/**
 * Half-written entries survive the lock. While someone types in a form marked data-draft, what
 * they typed is sealed with the vault key and kept in this device's store, and the form gets it
 * back when it is opened again after unlocking (the idle lock must never destroy a half-written
 * entry). Drafts stay on this device: they never sync, so a half-written entry is not sent to
 * the server or to other devices, and cannot conflict with anything.
 *
 * Saving after every pause, not at lock time, because locking must forget the keys at once and
 * cannot wait for an encryption to finish.
 */
import * as account from "./account.js";
import { open, seal } from "./crypto.js";
import { formatMoment, h } from "./dom.js";
import { readMeta, writeMeta } from "./store.js";
import { onLock } from "./session.js";
import { format, gettext } from "../i18n.js";

const META_KEY = "drafts";
const LABEL = new TextEncoder().encode("falseos drafts v1");
/** How long after the last key press the draft is sealed: short, so a sudden lock loses almost nothing. */
export const PAUSE_MS = 600;

const kept = (element) => element.name && !["file", "hidden", "submit", "button"].includes(element.type);

/**
 * A form's values, for its draft: a radio group's choice, the ticked values of a checkbox group,
 * each other field's text. Files cannot be kept; hidden fields (an id) come from the route.
 */
export function draftValues(form) {
  const values = {};
  for (const element of [...form.elements].filter(kept)) {
    if (element.type === "checkbox") values[element.name] = [...(values[element.name] || []), ...(element.checked ? [element.value] : [])];
    else if (element.type !== "radio") values[element.name] = element.value;
    else if (element.checked) values[element.name] = element.value;
  }
  return values;
}

/** Put a draft's values back into the form. */
export function fillDraft(form, values) {
  for (const element of [...form.elements].filter((each) => kept(each) && each.name in values)) {
    const value = values[element.name];
    if (element.type === "checkbox") element.checked = Array.isArray(value) && value.includes(element.value);
    else if (element.type === "radio") element.checked = element.value === value;
    else element.value = typeof value === "string" ? value : "";
  }
}

/** True if the person typed or chose something since the form opened. */
export const changedFrom = (baseline, values) => JSON.stringify(baseline) !== JSON.stringify(values);

async function readDrafts() {
  const key = account.current()?.vaultKey;
  const box = await readMeta(META_KEY);
  if (!key || !box) return {};
  try {
    return JSON.parse(new TextDecoder().decode(await open(key, box, LABEL)));
  } catch {
    return {}; // sealed with a key this account no longer has: nothing to offer
  }
}

async function writeDrafts(drafts) {
  const key = account.current()?.vaultKey;
  if (!key) return;
  await writeMeta(META_KEY, Object.keys(drafts).length ? await seal(key, new TextEncoder().encode(JSON.stringify(drafts)), LABEL) : null);
}

/** Drafts are read, changed and written one at a time, so two quick saves cannot undo each other. */
let queue = Promise.resolve();
function changeDrafts(change) {
  queue = queue.then(async () => writeDrafts(change(await readDrafts()))).catch(() => {});
  return queue;
}

/**
 * @param {HTMLElement} root the case-file app
 */
export function initDrafts(root) {
  const forms = [...root.querySelectorAll("form[data-draft]")];
  /** Per form: what it held when opened, and the route it was opened at. */
  const opened = new Map();
  const timers = new Map();

  function note(form, savedAt) {
    form.querySelector("[data-draft-note]")?.remove();
    if (!savedAt) return;
    const again = h("button", { type: "button", class: "fo-button fo-button--secondary", text: gettext("Delete it and start again") });
    again.addEventListener("click", async () => {
      await discard(form);
      restore(form, opened.get(form).baseline);
      form.querySelector("[data-draft-note]")?.remove();
    });
    const text = format(gettext("This is what you were writing before the case file locked (kept, encrypted, on this device at %(moment)s)."), {
      moment: formatMoment(savedAt),
    });
    form.prepend(h("div", { class: "fo-inset", "data-draft-note": "" }, h("p", { text }), again));
  }

  /**
   * Put values back in the form. The change events it sends for the form's own listeners would seal the
   * same draft again, with a new time on it: that save is called off.
   */
  function restore(form, values) {
    fillDraft(form, values);
    announceChange(form);
    clearTimeout(timers.get(form));
  }

  function keep(form) {
    clearTimeout(timers.get(form));
    timers.set(
      form,
      setTimeout(() => {
        const state = opened.get(form);
        if (!state || !account.current()) return;
        const values = draftValues(form);
        const name = form.dataset.draft;
        changeDrafts((drafts) => {
          if (changedFrom(state.baseline, values)) drafts[name] = { route: state.route, values, savedAt: new Date().toISOString() };
          else delete drafts[name];
          return drafts;
        });
      }, PAUSE_MS),
    );
  }

  function discard(form) {
    clearTimeout(timers.get(form));
    const name = form.dataset.draft;
    return changeDrafts((drafts) => {
      delete drafts[name];
      return drafts;
    });
  }

  for (const form of forms) {
    form.addEventListener("input", () => keep(form));
    form.addEventListener("change", () => keep(form));
    for (const cancel of form.querySelectorAll("[data-discard-draft]")) cancel.addEventListener("click", () => discard(form));
  }
  onLock(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    opened.clear();
  });

  return {
    /** A view was shown: remember how its form started, and give back what was being written there. */
    async shown(viewName) {
      const form = forms.find((each) => each.closest("[data-view]")?.dataset.view === viewName);
      if (!form) return;
      const route = location.hash;
      opened.set(form, { baseline: draftValues(form), route });
      note(form, null);
      const draft = (await readDrafts())[form.dataset.draft];
      if (!draft || draft.route !== route || opened.get(form)?.route !== location.hash) return;
      restore(form, draft.values);
      note(form, draft.savedAt);
    },
    /** The form on screen was saved: its draft is done with. */
    saved() {
      const form = forms.find((each) => !each.closest("[data-view]")?.hidden);
      return form ? discard(form) : Promise.resolve();
    },
  };
}

/** Let the form's own listeners (fields shown only for some choices) see the restored values, and open what holds them. */
function announceChange(form) {
  for (const select of form.querySelectorAll("select")) select.dispatchEvent(new Event("change"));
  for (const section of form.querySelectorAll("details")) {
    if ([...section.querySelectorAll("textarea, input:not([type=radio]):not([type=checkbox])")].some((field) => field.value)) section.open = true;
  }
}
