/** "Your case files": every case file on this device, and starting a new one. */
import { createCaseFile, listCaseFiles } from "./casefiles.js";
import { h } from "./dom.js";
import { casePath, replace } from "./router.js";
import { format, gettext, ngettext } from "../i18n.js";

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: showView(name), go(hash), savedLocally(), carrying(), carriedRoute(id)
 */
export function initList(root, app) {
  const $ = (selector) => root.querySelector(selector);

  /** Open a case file: where something carried from the guide is waiting, straight to its form. */
  const routeTo = (id) => app.carriedRoute(id) || casePath(id);
  const open = (id) => app.go(routeTo(id));
  /** After creating one: in place of the form, so Back goes to the list, not to a form already sent. */
  const openInsteadOfForm = (id) => {
    replace(routeTo(id));
    open(id);
  };

  async function show() {
    const files = await listCaseFiles();
    const carrying = app.carrying();
    $("[data-carry-question]").hidden = !carrying || files.length < 2;
    $("[data-carry-first]").hidden = !carrying || files.length > 0;
    $("[data-empty]").hidden = files.length > 0;
    $("[data-casefile-list]").replaceChildren(
      ...files.map((each) => {
        const button = h("button", { type: "button", class: "fo-card__link fo-link-button", text: each.title });
        button.addEventListener("click", () => open(each.id));
        const entries = format(ngettext("%(count)s diary entry", "%(count)s diary entries", each.entries), { count: each.entries });
        const summary = each.conflicts ? format(gettext("%(entries)s · needs attention"), { entries }) : entries;
        return h("li", { class: "fo-card" }, h("h2", { class: "fo-heading-s" }, button), h("p", { class: "fo-hint", text: summary }));
      }),
    );
    app.showView("list");
    return files;
  }

  const handlers = {
    "new-casefile": async ({ title, notes }) => {
      if (!title) return { title: gettext("Give the case file a title.") };
      const id = await createCaseFile({ title, notes });
      root.querySelector('[data-form="new-casefile"]').reset();
      await app.savedLocally();
      openInsteadOfForm(id);
    },
  };
  return { show, handlers };
}
