/** The chain of custody on the Exports view: the log, and a note to add to one of its lines. */
import { gettext } from "../i18n.js";
import { h } from "./dom.js";
import { policePack } from "./export.js";
import { custodyLine, custodyLog, custodyNote, custodyRecord, noteLine } from "./custody.js";

/** The log as a list: each line with its notes under it. */
export function custodyList(log, exhibitRef) {
  return log.map((line) =>
    h(
      "li",
      { class: "fo-custody__line", "data-custody": line.id },
      custodyLine(line, exhibitRef),
      line.notes.length ? h("ul", { class: "fo-custody__notes" }, ...line.notes.map((note) => h("li", { text: noteLine(note) }))) : null,
    ),
  );
}

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: caseFile(), save(id, value), saved(text, hash), path(...)
 */
export function initCustody(root, app) {
  const list = root.querySelector("[data-custody-list]");
  const form = root.querySelector('[data-form="custody-note"]');
  const choice = form.elements.about;

  function render() {
    const file = app.caseFile();
    const log = custodyLog(file.items);
    const { exhibitRef } = policePack(file);
    list.replaceChildren(...custodyList(log, exhibitRef));
    root.querySelector("[data-custody-empty]").hidden = log.length > 0;
    form.hidden = log.length === 0;
    choice.replaceChildren(h("option", { value: "", text: gettext("Choose a line") }), ...log.map((line) => h("option", { value: line.id, text: custodyLine(line, exhibitRef) })));
  }

  /** A line of the log for what just left the app, carrying every file of the case file. */
  function entry(what, format) {
    return custodyRecord(what, format, policePack(app.caseFile()).files.map(({ meta }) => meta.id));
  }

  const handlers = {
    "custody-note": async ({ about, note }) => {
      const errors = {};
      if (!about) errors.about = gettext("Choose the line the note is about.");
      if (!note) errors.note = gettext("Write the note, for example who you gave it to.");
      if (Object.keys(errors).length) return errors;
      await app.save(null, custodyNote(about, note));
      await app.saved(gettext("The note was added to the chain of custody."), app.path("exports"));
    },
  };

  return { render, entry, record: (what, format) => app.save(null, entry(what, format)), handlers };
}
