/** A case file's own settings: its title and notes, and what was deleted from it recently. */
import { detailsId, saveItem } from "./casefiles.js";
import { fillForm } from "./dom.js";
import { KIND } from "./kinds.js";
import { initRecentlyDeleted } from "./recently-deleted.js";
import { gettext } from "../i18n.js";

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: caseFile(), collectionId(), showView(name), saved(text, hash), savedLocally(), path(...)
 */
export function initCaseFileSettings(root, app) {
  const details = root.querySelector('[data-form="details"]');
  const deleted = initRecentlyDeleted(root.querySelector('[data-view="recently-deleted"]'), {
    collectionId: app.collectionId,
    restored: app.savedLocally,
  });

  const handlers = {
    details: async ({ title, notes }) => {
      if (!title) return { title: gettext("Give the case file a title.") };
      await saveItem(app.collectionId(), await detailsId(app.collectionId()), { kind: KIND.details, title, notes });
      await app.saved(gettext("The title and notes were saved."), app.path("settings"));
    },
  };

  return {
    handlers,
    show() {
      fillForm(details, app.caseFile().details);
      app.showView("casefile-settings");
    },
    showDeleted() {
      app.showView("recently-deleted");
      deleted.load();
    },
    forget: deleted.forget,
  };
}
