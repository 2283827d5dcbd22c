/** The incident diary: entries in the order things happened, searched and filtered on this device. */
import { dateProblem, details, entryActions, entryForm, formValues, formatDate, h, onValidSubmit, pendingNote, safeLink } from "./dom.js";
import { KIND, ofKind } from "./kinds.js";
import { format, gettext, ngettext } from "../i18n.js";

const EMPTY = { id: "", date: "", time: "", platform: "", handle: "", what: "", witnesses: "", impact: "", response: "", links: "", reported: "no", reference: "" };
/** The guided prompts' answers: optional, what police ask about when recording a course of conduct. */
const PROMPTED = ["witnesses", "impact", "response"];

/** The prompts' answers as [label, text] rows, for the diary and every export of it. */
export const promptedDetails = (entry) => [
  [gettext("Who else saw it"), entry.witnesses],
  [gettext("How it affected you"), entry.impact],
  [gettext("What you did about it"), entry.response],
];

/** Validate a diary form; returns [entry, errors]. */
export function readDiaryForm(form) {
  const values = formValues(form);
  const errors = {};
  const date = dateProblem(form.elements.date, { required: gettext("Enter the date it happened.") });
  if (date) errors.happened = date;
  if (!values.what) errors.what = gettext("Describe what happened.");
  const links = values.links.split("\n").map((line) => line.trim()).filter(Boolean);
  if (links.some((link) => !/^https?:\/\/\S+$/i.test(link))) errors.links = gettext("Each link should start with https:// and go on its own line.");
  const entry = {
    kind: KIND.diary,
    date: values.date,
    time: values.time,
    platform: values.platform,
    handle: values.handle,
    what: values.what,
    ...Object.fromEntries(PROMPTED.map((name) => [name, values[name] || ""])),
    links,
    reported: values.reported === "yes",
    reference: values.reference,
  };
  return [entry, errors];
}

const whenOf = (entry) => `${entry.date}T${entry.time || "00:00"}`;

/** Entries oldest first, then those matching the filters. */
export function filterDiary(entries, { text = "", platform = "", reported = "" }) {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries
    .filter((entry) => entry.kind === KIND.diary)
    .sort((a, b) => whenOf(a).localeCompare(whenOf(b)))
    .filter((entry) => !platform || entry.platform === platform)
    .filter((entry) => !reported || entry.reported === (reported === "yes"))
    .filter((entry) => {
      const haystack = [entry.platform, entry.handle, entry.what, ...PROMPTED.map((name) => entry[name] || ""), entry.reference, ...entry.links].join(" ").toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
}

function reportedText(entry) {
  if (!entry.reported) return gettext("Not yet");
  return entry.reference ? format(gettext("Yes, reference %(reference)s"), { reference: entry.reference }) : gettext("Yes");
}

function entryItem(entry, actions) {
  const when = `${formatDate(entry.date)}${entry.time ? `, ${entry.time}` : ""}`;
  const links = entry.links.length ? h("ul", { class: "fo-list" }, ...entry.links.map((link) => h("li", {}, safeLink(link)))) : "";
  return h(
    "li",
    { class: "fo-entry", "data-entry": entry.id },
    h("h3", { class: "fo-heading-s", text: entry.platform ? `${when} – ${entry.platform}` : when }),
    entry.toComplete ? h("p", { class: "fo-tag", text: gettext("To complete") }) : null,
    details([
      [gettext("Account or handle"), entry.handle],
      [gettext("What happened"), entry.what],
      ...promptedDetails(entry),
      [gettext("Links"), links],
      [gettext("Reported"), reportedText(entry)],
    ]),
    pendingNote(entry),
    entryActions(
      { change: format(gettext("Change the entry of %(when)s"), { when }), remove: format(gettext("Delete the entry of %(when)s"), { when }) },
      actions,
    ),
  );
}

/** Diary entries newest first, for the overview. */
export const latestDiary = (entries, count) => filterDiary(entries, {}).reverse().slice(0, count);

/**
 * The diary's two views: the list ("diary") and the form ("diary-form"), for a new entry or one to change.
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js
 */
export function initDiary(root, app) {
  const form = root.querySelector('[data-form="diary"]');
  const list = root.querySelector("[data-diary-list]");
  const count = root.querySelector("[data-diary-count]");
  const filters = [...root.querySelectorAll("[data-diary-filter]")];
  const platformFilter = root.querySelector('[data-diary-filter="platform"]');
  const mode = entryForm(form, EMPTY);
  const prompts = form.querySelector("[data-diary-prompts]");

  function render() {
    const all = ofKind(app.entries(), KIND.diary);
    const chosen = platformFilter.value;
    const platforms = [...new Set(all.map((entry) => entry.platform).filter(Boolean))].sort();
    platformFilter.replaceChildren(platformFilter.options[0], ...platforms.map((p) => h("option", { value: p, text: p })));
    platformFilter.value = platforms.includes(chosen) ? chosen : "";
    const values = Object.fromEntries(filters.map((input) => [input.dataset.diaryFilter, input.value]));
    const shown = filterDiary(all, values);
    list.replaceChildren(
      ...shown.map((entry) =>
        entryItem(entry, {
          onChange: () => app.go(app.path("diary", entry.id)),
          onDelete: () => app.remove(entry.id, gettext("The diary entry was deleted.")),
          question: gettext("Delete this diary entry? It will be deleted on all your devices."),
        }),
      ),
    );
    count.textContent =
      shown.length === all.length
        ? format(ngettext("%(count)s entry", "%(count)s entries", all.length), { count: all.length })
        : format(ngettext("Showing %(shown)s of %(count)s entry", "Showing %(shown)s of %(count)s entries", all.length), { shown: shown.length, count: all.length });
  }

  /**
   * The form, empty or filled with the entry `id`; `carried` fills a new entry from the guide.
   * @param {string} [id]
   * @param {{text?: string, offences?: string[]}} [carried]
   */
  function showForm(id, carried = null) {
    const entry = id && ofKind(app.entries(), KIND.diary).find((each) => each.id === id);
    if (id && !entry) return app.go(app.path("diary"));
    const heading = entry ? mode.edit({ ...entry, links: (entry.links || []).join("\n"), reported: entry.reported ? "yes" : "no" }) : mode.reset();
    prompts.open = Boolean(entry && PROMPTED.some((name) => entry[name]));
    if (carried) fillCarried(carried);
    app.showView("diary-form", heading);
  }

  /** Only text from the carried value, whatever its shape: it came through the tab, and is drawn as text. */
  function fillCarried({ text = "", offences = [] }) {
    const named = (Array.isArray(offences) ? offences : [])
      .map((each) => (typeof each === "string" ? each : typeof each?.title === "string" ? each.title : ""))
      .filter(Boolean);
    const noted = named.length ? `\n\n${format(gettext("Offences this may be: %(offences)s."), { offences: named.join("; ") })}` : "";
    form.elements.what.value = `${typeof text === "string" ? text : ""}${noted}`.trim();
  }

  onValidSubmit(form, readDiaryForm, async (id, entry) => {
    const saved = await app.save(id, entry);
    await app.saved(id ? gettext("The diary entry was changed.") : gettext("The diary entry was saved."), app.path("diary"), saved);
  });
  for (const input of filters) input.addEventListener("input", render);

  return {
    render,
    showList: () => app.showView("diary"),
    showForm,
  };
}
