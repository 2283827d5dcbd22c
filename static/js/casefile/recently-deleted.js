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

const clip = (text = "", length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** A few words a person recognises the item by. */
export function describeDeleted(item) {
  switch (item.kind) {
    case KIND.diary:
      return `Diary entry, ${formatDate(item.date)}: ${clip(item.what)}`;
    case KIND.evidence: {
      const files = (item.files || []).length;
      return `Evidence: ${clip(item.description)} (${files} ${files === 1 ? "file" : "files"})`;
    }
    case KIND.reference:
      return `Reference number: ${clip(item.reference || item.agencyName || item.agency || "")}`;
    case KIND.details:
      return `Title and notes: ${clip(item.title)}`;
    case KIND.rung:
      return "A step in the escalation tracker";
    default:
      return "An item of this case file";
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
      await load(chosen.length === 1 ? `Restored: ${describeDeleted(chosen[0])}. It is back in the case file.` : `Restored ${chosen.length} items. They are back in the case file.`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      say(error.isOffline ? "Connect to the internet to restore what was deleted." : error.message);
    }
  }

  async function load(done = "") {
    list.replaceChildren();
    restoreAll.hidden = true;
    say("Looking for what was deleted…");
    try {
      const found = await recentlyDeleted(caseFile.collectionId());
      items = found.items;
      list.replaceChildren(
        ...items.map((item) => {
          const what = describeDeleted(item);
          const button = h("button", { type: "button", class: "fo-button fo-button--secondary", text: "Restore", "aria-label": `Restore ${what}` });
          button.addEventListener("click", () => restore([item]));
          return h("li", { class: "fo-entry" }, h("p", { text: what }), h("p", { class: "fo-hint", text: `Deleted ${formatDate(ukDate(new Date(item.deletedAt)))}` }), button);
        }),
      );
      restoreAll.hidden = items.length < 2;
      const unreadable = found.unreadable ? ` ${found.unreadable} deleted items could not be read on this device.` : "";
      const empty = done ? "" : `Nothing was deleted from this case file in the last ${found.keepDays} days.`;
      say(`${done} ${items.length ? "" : empty}${unreadable}`.trim());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      say(error.isOffline ? "Connect to the internet to see what was deleted." : error.message);
    }
  }

  restoreAll.addEventListener("click", () => restore(items));
  return { load, forget: () => list.replaceChildren() };
}
