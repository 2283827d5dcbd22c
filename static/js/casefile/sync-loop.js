/**
 * The sync loop: push and pull every collection, upload files, collect receipts, and say where
 * things stand in the bar. It runs while unlocked, soon after every change and every 30 seconds.
 */
import { ApiError } from "./api.js";
import { moveToNewId, openCaseFile, saveItem } from "./casefiles.js";
import { uploadText } from "./evidence.js";
import { FileIdTaken, filesAddedHere, renameFile, requestReceipt, syncFiles } from "./files.js";
import { KIND, ofKind } from "./kinds.js";
import { rotateWhereNeeded } from "./links.js";
import { current } from "./account.js";
import { onLock } from "./session.js";
import { conflictCount, outboxSize } from "./store.js";
import { backoff, syncOnce } from "./sync.js";
import { format, gettext } from "../i18n.js";

const PERIODIC_SYNC_MS = 30000;
const isUnlocked = () => Boolean(current());
const OFFLINE_RETRY_MS = 5000;

export const SYNC_TEXT = {
  local: gettext("Saved on this device"),
  offline: gettext("Saved on this device. It will sync when you are back online."),
  syncing: gettext("Syncing…"),
  synced: gettext("Synced"),
  conflict: gettext("Needs attention: something was changed on two devices."),
  signedOut: gettext("Needs attention: this device was signed out. Lock and unlock with your passphrase to sync again."),
  error: gettext("Needs attention: could not sync. Your changes are safe on this device; it will try again."),
};

/**
 * @param {HTMLElement} syncState the bar's status line
 * @param {object} app see ui.js: collectionId(), caseFile(), refresh(), afterSync(), caseFileMoved(oldId, newId)
 */
export function initSyncLoop(syncState, app) {
  let timer = null;
  let syncing = null;
  let again = false;
  let failures = 0;

  function setState(key, detail = "") {
    syncState.textContent = detail ? format(gettext("Needs attention: %(detail)s"), { detail }) : SYNC_TEXT[key];
    syncState.dataset.state = key;
  }

  function schedule(delay) {
    clearTimeout(timer);
    if (isUnlocked()) timer = setTimeout(run, delay);
  }

  function showUploads(id, fraction) {
    const line = document.querySelector(`[data-upload="${id}"]`);
    if (line) line.textContent = uploadText(fraction, true);
  }

  /** Receipts for files added on this device that do not have one yet (added offline, or the request failed). */
  async function collectReceipts() {
    const file = app.caseFile();
    if (!file) return false;
    const mine = await filesAddedHere();
    let changed = false;
    for (const item of ofKind(file.items, KIND.evidence)) {
      if (!(item.files || []).some((meta) => !meta.receipt && mine.has(meta.id))) continue;
      const files = [];
      for (const meta of item.files) files.push(!meta.receipt && mine.has(meta.id) ? { ...meta, receipt: await requestReceipt(meta.sha256) } : meta);
      const { id, pending, ...content } = item;
      await saveItem(file.id, id, { ...content, files });
      changed = true;
    }
    return changed;
  }

  /** Upload files; one whose id is someone else's on the server is sealed again under a new id, and its evidence says so. */
  async function syncFilesRenamingTaken() {
    for (;;) {
      try {
        return await syncFiles(showUploads);
      } catch (error) {
        if (!(error instanceof FileIdTaken)) throw error;
        const { stored } = error;
        const owner = await openCaseFile(stored.collectionId);
        const item = owner.items.find((each) => each.kind === KIND.evidence && (each.files || []).some((meta) => meta.id === stored.id));
        if (!item) throw error;
        const files = await Promise.all(item.files.map((meta) => (meta.id === stored.id ? renameFile(stored, meta) : meta)));
        const { id, pending, ...value } = item;
        await saveItem(stored.collectionId, id, { ...value, files });
        await app.refresh();
      }
    }
  }

  /** A case file whose id turned out to be someone else's gets a new one; if it is open, it stays open. */
  async function moveCaseFile(oldId) {
    const newId = await moveToNewId(oldId);
    app.caseFileMoved(oldId, newId);
    again = true;
  }

  async function run() {
    if (!isUnlocked()) return;
    if (syncing) {
      again = true;
      return syncing;
    }
    setState("syncing");
    syncing = (async () => {
      try {
        const changed = await syncOnce({ idTaken: moveCaseFile });
        await rotateWhereNeeded();
        await syncFilesRenamingTaken();
        if (await collectReceipts()) changed.add(app.collectionId());
        failures = 0;
        if (changed.size) await app.refresh();
        await app.afterSync();
        const [waiting, conflicts] = await Promise.all([outboxSize(), conflictCount()]);
        setState(conflicts ? "conflict" : waiting ? "local" : "synced");
        schedule(waiting ? 0 : PERIODIC_SYNC_MS);
      } catch (error) {
        handleError(error);
      } finally {
        syncing = null;
      }
    })();
    await syncing;
    if (again) {
      again = false;
      await run();
    }
  }

  function handleError(error) {
    if (!(error instanceof ApiError)) {
      console.error("Sync failed", error.name); // never the record contents
      setState("error");
    } else if (error.isOffline) {
      // No signal (or the server is down): keep trying often, as coming back online is not always announced.
      setState("offline");
      return schedule(OFFLINE_RETRY_MS);
    } else if (error.isSignedOut) {
      // Signed out on the server (from another device, a passphrase change, or expiry). Never sign in again
      // silently with the key in memory: that would undo "Sign out this device". The passphrase is needed.
      setState("signedOut");
    } else if (error.status === 413) {
      setState("error", error.message); // a file over the size limit or the storage quota: say which
    } else {
      setState("error");
    }
    failures += 1;
    schedule(backoff(failures));
  }

  onLock(() => clearTimeout(timer));
  window.addEventListener("online", () => {
    failures = 0;
    schedule(0);
  });
  setState("local");
  return {
    run,
    schedule,
    setState,
    /** Something changed here: it is on this device now, and goes to the server shortly. */
    changedHere() {
      setState("local");
      schedule(300);
    },
  };
}
