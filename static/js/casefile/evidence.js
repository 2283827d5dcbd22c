/** The evidence log: items with their files, each file's fingerprint, receipt and upload state. */
import { dateProblem, details, entryActions, entryForm, formValues, formatDate, h, pendingNote, safeLink, showErrors, todayInUk } from "./dom.js";
import { KIND, ofKind } from "./kinds.js";
import { FileProblem, addFile, discardFile, formatBytes } from "./files.js";
import { format, gettext } from "../i18n.js";

const EMPTY = { id: "", description: "", url: "", platform: "", captured: "", happened: "" };

/** When an item belongs in time order: when it happened if known, else when it was captured. */
export const evidenceDate = (item) => item.happened || item.captured || "";

/** "25 November 2026, 10:31:02 UTC" for a receipt's ISO time. */
export function formatReceiptTime(iso) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso || "");
  return match ? `${formatDate(match[1])}, ${match[2]} UTC` : "";
}

export function receiptText(file) {
  return file.receipt
    ? format(gettext("Timestamp receipt: %(time)s"), { time: formatReceiptTime(file.receipt.time) })
    : gettext("Timestamp receipt: will be requested when this device is online");
}

/**
 * Where a file's upload stands, in words; "" when this device has no record of it.
 * @param {number|undefined} fraction how much the server has, 0 to 1
 * @param {boolean} sending whether a chunk of it is on its way right now
 */
export function uploadText(fraction, sending = false) {
  if (fraction === undefined) return "";
  if (fraction >= 1) return gettext("Uploaded (encrypted)");
  return fraction > 0 || sending
    ? format(gettext("Uploading: %(percent)s%"), { percent: Math.floor(fraction * 100) })
    : gettext("Waiting to upload (kept on this device)");
}

function readForm(form) {
  const values = formValues(form);
  const errors = {};
  if (!values.description) errors.description = gettext("Say what the evidence shows.");
  if (values.url && !/^https?:\/\/\S+$/i.test(values.url)) errors.url = gettext("Enter a web address starting with https://");
  for (const name of ["captured", "happened"]) {
    const problem = dateProblem(form.elements[name]);
    if (problem) errors[name] = problem;
  }
  const diaryIds = [...form.querySelectorAll("[name=diary]:checked")].map((box) => box.value);
  return [evidenceRecord({ ...values, diaryIds }), errors];
}

/**
 * An evidence record, the one shape every form that adds evidence saves (the evidence form, quick log).
 * `captured` defaults to today: the day the file was put in the log.
 */
export function evidenceRecord({ description, url = "", platform = "", captured = "", happened = "", diaryIds = [], files = [] }) {
  return { kind: KIND.evidence, description, url, platform, captured: captured || todayInUk(), happened, diaryIds, files };
}

/** Files whose timestamp receipt has not come yet (added offline, or the request failed). */
export const receiptsPending = (entries) => ofKind(entries, KIND.evidence).flatMap((item) => item.files || []).filter((meta) => !meta.receipt).length;

/**
 * The evidence log's two views: the list ("evidence") and the form ("evidence-form").
 * @param {HTMLElement} root the case-file app
 * @param {object} caseFile see ui.js: entries(), save(id, value), removeEvidence(item), collectionId(), openFile(meta), saveFile(meta), maxBytes
 */
export function initEvidence(root, caseFile) {
  const form = root.querySelector('[data-form="evidence"]');
  const list = root.querySelector("[data-evidence-list]");
  const empty = root.querySelector('[data-view="evidence"] [data-empty-list]');
  const mode = entryForm(form, EMPTY);
  const progress = form.querySelector("[data-evidence-progress]");
  let editing = null;

  function reset() {
    editing = null;
    form.reset();
    progress.textContent = "";
    return mode.reset();
  }

  /** The form, empty or filled with the item `id`. */
  function showForm(id) {
    const item = id && ofKind(caseFile.entries(), KIND.evidence).find((each) => each.id === id);
    if (id && !item) return caseFile.go(caseFile.path("evidence"));
    const heading = reset();
    if (item) editing = item;
    renderDiaryChoices(item?.diaryIds || []);
    caseFile.showView("evidence-form", item ? mode.edit(item) : heading);
  }

  function renderDiaryChoices(chosen = []) {
    const entries = ofKind(caseFile.entries(), KIND.diary).sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`));
    form.querySelector("[data-diary-links]").hidden = entries.length === 0;
    form.querySelector("[data-diary-choices]").replaceChildren(
      ...entries.map((entry) => {
        const id = `evidence-diary-${entry.id}`;
        const label = `${formatDate(entry.date)}${entry.platform ? ` – ${entry.platform}` : ""}: ${entry.what.slice(0, 60)}`;
        return h(
          "div",
          { class: "fo-checkbox" },
          h("input", { class: "fo-checkbox__input", type: "checkbox", name: "diary", value: entry.id, id, checked: chosen.includes(entry.id) }),
          h("label", { class: "fo-checkbox__label", for: id, text: label }),
        );
      }),
    );
  }

  function fileItem(file, uploads) {
    const open = h("button", { type: "button", class: "fo-button fo-button--secondary", text: format(gettext("Show %(name)s"), { name: file.name }) });
    const save = h("button", { type: "button", class: "fo-button fo-button--secondary", text: format(gettext("Save a copy of %(name)s"), { name: file.name }) });
    const preview = h("div", { class: "fo-evidence__preview" });
    open.addEventListener("click", () => caseFile.openFile(file, preview));
    save.addEventListener("click", () => caseFile.saveFile(file));
    return h(
      "li",
      { class: "fo-evidence__file" },
      h("p", { class: "fo-evidence__name", text: `${file.name} (${file.type}, ${formatBytes(file.size)})` }),
      h("p", {}, gettext("Fingerprint (SHA-256): "), h("code", { class: "fo-hash", text: file.sha256 })),
      h("p", { class: "fo-hint", text: receiptText(file) }),
      h("p", { class: "fo-hint", "data-upload": file.id, text: uploadText(uploads.get(file.id)) }),
      h("div", { class: "fo-entry__actions" }, open, save),
      preview,
    );
  }

  function render(uploads = new Map()) {
    const diary = new Map(ofKind(caseFile.entries(), KIND.diary).map((e) => [e.id, e]));
    const items = ofKind(caseFile.entries(), KIND.evidence).sort((a, b) => evidenceDate(a).localeCompare(evidenceDate(b)));
    empty.hidden = items.length > 0;
    list.replaceChildren(
      ...items.map((item) => {
        const heading = `${formatDate(evidenceDate(item))}${item.platform ? ` – ${item.platform}` : ""}`;
        const about = (item.diaryIds || []).map((id) => diary.get(id)).filter(Boolean).map((e) => formatDate(e.date)).join(", ");
        return h(
          "li",
          { class: "fo-entry", "data-entry": item.id },
          h("h3", { class: "fo-heading-s", text: heading }),
          details([
            [gettext("What it shows"), item.description],
            [gettext("Web address"), item.url ? safeLink(item.url) : ""],
            [gettext("Captured"), formatDate(item.captured)],
            [gettext("Diary entries"), about],
          ]),
          h("ul", { class: "fo-evidence__files" }, ...(item.files || []).map((file) => fileItem(file, uploads))),
          pendingNote(item),
          entryActions({ change: format(gettext("Change the evidence of %(heading)s"), { heading }), remove: format(gettext("Delete the evidence of %(heading)s"), { heading }) }, {
            onChange: () => caseFile.go(caseFile.path("evidence", item.id)),
            onDelete: () => caseFile.removeEvidence(item),
            question: gettext("Delete this evidence and its files? It will be deleted on all your devices."),
          }),
        );
      }),
    );
    if (!editing) renderDiaryChoices([...form.querySelectorAll("[name=diary]:checked")].map((box) => box.value));
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [item, errors] = readForm(form);
    const chosen = [...form.elements.files.files, ...form.elements.photo.files];
    if (!editing && chosen.length === 0) errors.files = gettext("Choose at least one file.");
    if (Object.keys(errors).length) return showErrors(form, errors);
    showErrors(form, {});
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    const added = [];
    try {
      for (const [index, file] of chosen.entries()) {
        progress.textContent = format(gettext("Encrypting %(name)s (%(position)s of %(total)s)…"), { name: file.name, position: index + 1, total: chosen.length });
        added.push(await addFile(caseFile.collectionId(), file, caseFile.maxBytes));
      }
      const id = editing?.id || null;
      const saved = await caseFile.save(id, { ...item, files: [...(editing?.files || []), ...added] });
      reset();
      await caseFile.saved(id ? gettext("The evidence was changed.") : gettext("The evidence was saved on this device."), caseFile.path("evidence"), saved);
    } catch (error) {
      for (const file of added) await discardFile(file.id); // all of the item's files, or none
      if (!(error instanceof FileProblem)) throw error;
      showErrors(form, { files: error.message });
      progress.textContent = "";
    } finally {
      button.disabled = false;
    }
  });
  return { render, showList: () => caseFile.showView("evidence"), showForm };
}
