/**
 * "Recently deleted": what was deleted from a case file in the last DELETED_KEEP_DAYS, from
 * any device. The server keeps only ciphertext; each item is decrypted here to be recognised,
 * and restoring puts it back on every device, with its evidence files.
 */
import { ApiError } from "./api.js";
import { recentlyDeleted, restoreItem } from "./casefiles.js";
import { formatDate, h, ukDate } from "./dom.js";
import { restoreFile } from "./files.js";
import { KIND } from "./kinds.js";
import { format, gettext, ngettext } from "../i18n.js";

const clip = (text = "", length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** A few words a person recognises the item by. */
export function describeDeleted(item) {
  switch (item.kind) {
    case KIND.diary:
      return format(gettext("Diary entry, %(date)s: %(what)s"), { date: formatDate(item.date), what: clip(item.what) });
    case KIND.evidence: {
      const files = (item.files || []).length;
      return format(ngettext("Evidence: %(description)s (%(count)s file)", "Evidence: %(description)s (%(count)s files)", files), { description: clip(item.description), count: files });
    }
    case KIND.reference:
      return format(gettext("Reference number: %(reference)s"), { reference: clip(item.reference || item.agencyName || item.agency || "") });
    case KIND.details:
      return format(gettext("Title and notes: %(title)s"), { title: clip(item.title) });
    case KIND.rung:
      return gettext("A step in the escalation tracker");
    default:
      return gettext("An item of this case file");
  }
}

/**
 * @param {HTMLElement} view the [data-view="recently-deleted"] section
 * @param {{collectionId: () => string, restored: () => Promise<void>}} caseFile
 */
export function initRecentlyDeleted(view, caseFile) {
  const list = view.querySelector("[data-deleted-list]");
  const status = view.querySelector("[data-deleted-status]");
  const restoreAll = view.querySelector('[data-action="restore-all"]');
  let items = [];
  const say = (text) => {
    status.textContent = text;
    status.hidden = !text;
  };

  async function restore(chosen) {
    try {
      for (const item of chosen) {
        for (const file of item.files || []) await restoreFile(file.id);
        await restoreItem(caseFile.collectionId(), item);
      }
      await caseFile.restored();
      await load(
        chosen.length === 1
          ? format(gettext("Restored: %(what)s. It is back in the case file."), { what: describeDeleted(chosen[0]) })
          : format(ngettext("Restored %(count)s item. It is back in the case file.", "Restored %(count)s items. They are back in the case file.", chosen.length), { count: chosen.length }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      say(error.isOffline ? gettext("Connect to the internet to restore what was deleted.") : error.message);
    }
  }

  async function load(done = "") {
    list.replaceChildren();
    restoreAll.hidden = true;
    say(gettext("Looking for what was deleted…"));
    try {
      const found = await recentlyDeleted(caseFile.collectionId());
      items = found.items;
      list.replaceChildren(
        ...items.map((item) => {
          const what = describeDeleted(item);
          const button = h("button", { type: "button", class: "fo-button fo-button--secondary", text: gettext("Restore"), "aria-label": format(gettext("Restore %(what)s"), { what }) });
          button.addEventListener("click", () => restore([item]));
          return h("li", { class: "fo-entry" }, h("p", { text: what }), h("p", { class: "fo-hint", text: format(gettext("Deleted %(date)s"), { date: formatDate(ukDate(new Date(item.deletedAt))) }) }), button);
        }),
      );
      restoreAll.hidden = items.length < 2;
      const unreadable = found.unreadable
        ? ` ${format(ngettext("%(count)s deleted item could not be read on this device.", "%(count)s deleted items could not be read on this device.", found.unreadable), { count: found.unreadable })}`
        : "";
      const empty = done ? "" : format(ngettext("Nothing was deleted from this case file in the last %(count)s day.", "Nothing was deleted from this case file in the last %(count)s days.", found.keepDays), { count: found.keepDays });
      say(`${done} ${items.length ? "" : empty}${unreadable}`.trim());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      say(error.isOffline ? gettext("Connect to the internet to see what was deleted.") : error.message);
    }
  }

  restoreAll.addEventListener("click", () => restore(items));
  return { load, forget: () => list.replaceChildren() };
}
