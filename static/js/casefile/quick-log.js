/**
 * Quick log: one tap from anywhere in a case file, a diary entry in a few words, with now as its
 * time and a photo if there is one. It is marked "to complete" until the full form is saved, and
 * the overview says how many are waiting.
 */
import { dateProblem, formValues, showErrors, todayInUk, ukTime } from "./dom.js";
import { evidenceRecord } from "./evidence.js";
import { FileProblem, addFile, discardFile } from "./files.js";
import { KIND } from "./kinds.js";
import { format, gettext } from "../i18n.js";

/** Validate a quick log; returns [entry, errors]. */
export function readQuickLog(form) {
  const values = formValues(form);
  const errors = {};
  if (!values.what) errors.what = gettext("Write a few words about what happened.");
  const date = dateProblem(form.elements.date, { required: gettext("Enter the date it happened.") });
  if (date) errors.happened = date;
  const entry = { kind: KIND.diary, date: values.date, time: values.time, platform: "", handle: "", what: values.what, links: [], reported: false, reference: "", toComplete: true };
  return [entry, errors];
}

/** Diary entries saved by quick log and not completed since. */
export const toComplete = (items) => items.filter((item) => item.kind === KIND.diary && item.toComplete);

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: save, saved, path, showView, collectionId, maxBytes
 */
export function initQuickLog(root, app) {
  const form = root.querySelector('[data-form="quick-log"]');
  const progress = form.querySelector("[data-quick-progress]");

  function show() {
    showErrors(form, {});
    form.reset();
    progress.textContent = "";
    form.elements.date.value = todayInUk();
    form.elements.time.value = ukTime();
    app.showView("quick-log");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [entry, errors] = readQuickLog(form);
    if (Object.keys(errors).length) return showErrors(form, errors);
    showErrors(form, {});
    const [photo] = form.elements.photo.files;
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    let added = null;
    try {
      if (photo) {
        progress.textContent = format(gettext("Encrypting %(name)s…"), { name: photo.name });
        added = await addFile(app.collectionId(), photo, app.maxBytes);
      }
      const entryId = await app.save(null, entry);
      if (added) {
        const evidence = evidenceRecord({ description: gettext("Photo added with a quick log"), happened: entry.date, diaryIds: [entryId], files: [added] });
        await app.save(null, evidence);
      }
      await app.saved(gettext("Saved to your diary. It is marked “to complete”: add the details when you can."), app.path("diary"), entryId);
    } catch (error) {
      if (added) await discardFile(added.id);
      if (!(error instanceof FileProblem)) throw error;
      showErrors(form, { photo: error.message });
      progress.textContent = "";
    } finally {
      button.disabled = false;
    }
  });

  return { show };
}
