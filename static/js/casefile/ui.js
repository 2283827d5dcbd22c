/**
 * The case-file app: unlocking, the views, saving and the sync loop.
 * Started by main.js on the element with data-module="casefile".
 */
import * as account from "./account.js";
import { ApiError, SIGNED_OUT_EVENT } from "./api.js";
import { createCaseFile, deleteItem, detailsId, forgetKeys, listCaseFiles, moveToNewId, openCaseFile, resolveConflict, rungId, saveItem } from "./casefiles.js";
import { renderConflicts } from "./conflicts.js";
import { BackupProblem, createBackup, restoreBackup } from "./backup.js";
import { initDevices } from "./devices.js";
import { initDiary } from "./diary.js";
import { initEvidence, uploadText } from "./evidence.js";
import { buildReport, buildZip, zipContents } from "./export.js";
import { FileIdTaken, FileProblem, discardFile, filesAddedHere, readFile, renameFile, requestReceipt, syncFiles, uploadState } from "./files.js";
import { clearErrors, confirmed, fillForm, formValues, h, showErrors, todayInUk } from "./dom.js";
import { initRecentlyDeleted } from "./recently-deleted.js";
import { showRecoveryCode } from "./recovery-code.js";
import { initLinkedCases, inviteFromAddress } from "./linked-ui.js";
import { referenceChanged, rotateWhereNeeded } from "./links.js";
import { initReferences } from "./references.js";
import { askForPersistentStorage, conflictCount, outboxSize } from "./store.js";
import { backoff, syncOnce } from "./sync.js";
import { limit } from "./limits.js";
import { initTracker } from "./tracker.js";
import { QUICK_EXIT_EVENT } from "../quick-exit.js";

const IDLE_KEY = "falseos-idle-lock-seconds";
const PERIODIC_SYNC_MS = 30000;
const OFFLINE_RETRY_MS = 5000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "input", "scroll", "touchstart"];

export const SYNC_TEXT = {
  local: "Saved on this device",
  offline: "Saved on this device. It will sync when you are back online.",
  syncing: "Syncing…",
  synced: "Synced",
  conflict: "Needs attention: something was changed on two devices.",
  signedOut: "Needs attention: this device was signed out. Lock and unlock with your passphrase to sync again.",
  error: "Needs attention: could not sync. Your changes are safe on this device; it will try again.",
};

export function initCasefile(root) {
  const $ = (selector) => root.querySelector(selector);
  const form = (name) => $(`[data-form="${name}"]`);
  const syncState = $("[data-sync-state]");
  const pageTitle = $("[data-page-title]");
  let openId = null;
  let file = null;
  let syncTimer = null;
  let idleTimer = null;
  let syncing = null;
  let syncAgain = false;
  let failures = 0;
  let pendingInvite = inviteFromAddress();

  /** Every change made here: it is on this device now, and goes to the server shortly. */
  async function savedLocally() {
    setSyncState("local");
    await refresh();
    scheduleSync(300);
  }

  const caseFile = {
    entries: () => (file ? file.items : []),
    save: async (id, value) => {
      await saveItem(openId, id || crypto.randomUUID(), value);
      if (id && value.kind === "reference") await referenceChanged(file, id, value);
      await savedLocally();
    },
    saveRung: async (number, value) => {
      await saveItem(openId, await rungId(openId, number), value);
      await savedLocally();
    },
    remove: async (id) => {
      await deleteItem(openId, id);
      if (file.items.find((item) => item.id === id)?.kind === "reference") await referenceChanged(file, id);
      await savedLocally();
    },
    collectionId: () => openId,
    get maxBytes() {
      return Number(root.dataset.fileMaxBytes);
    },
    openFile: (meta, container) => showFile(meta, container),
    saveFile: (meta) => saveCopy(meta),
    removeEvidence: async (item) => {
      await deleteItem(openId, item.id);
      for (const meta of item.files || []) await discardFile(meta.id);
      await savedLocally();
    },
  };
  const diary = initDiary($('[data-view="casefile"]'), caseFile);
  const references = initReferences($('[data-view="casefile"]'), caseFile);
  const tracker = initTracker($('[data-view="casefile"]'), caseFile);
  const evidence = initEvidence($('[data-view="casefile"]'), caseFile);
  const signedInDevices = initDevices($("[data-devices]"));
  const deletedItems = initRecentlyDeleted($('[data-view="recently-deleted"]'), {
    collectionId: () => openId,
    restored: savedLocally,
  });
  const linked = initLinkedCases(root, {
    caseFile: () => file,
    showView,
    showCaseFile: (id) => showCaseFile(id),
    savedLocally,
  });
  const objectUrls = [];

  function objectUrl(blob) {
    const url = URL.createObjectURL(blob);
    objectUrls.push(url);
    return url;
  }

  function forgetObjectUrls() {
    for (const url of objectUrls.splice(0)) URL.revokeObjectURL(url);
  }

  async function decrypted(meta) {
    try {
      return await readFile(openId, meta);
    } catch (error) {
      if (error instanceof ApiError && error.isOffline) throw new FileProblem(`“${meta.name}” is not on this device yet. Connect to the internet to download it.`);
      throw error;
    }
  }

  async function showFile(meta, container) {
    try {
      const url = objectUrl(await decrypted(meta));
      const kind = meta.type.split("/")[0];
      const shown =
        kind === "image" ? h("img", { src: url, alt: meta.name, class: "fo-evidence__image" })
        : kind === "audio" ? h("audio", { src: url, controls: true, "aria-label": meta.name })
        : kind === "video" ? h("video", { src: url, controls: true, "aria-label": meta.name, class: "fo-evidence__image" })
        : h("a", { href: url, download: meta.name, text: `Open ${meta.name}` });
      container.replaceChildren(shown);
    } catch (error) {
      if (!(error instanceof FileProblem || error instanceof ApiError)) throw error;
      container.replaceChildren(h("p", { class: "fo-error-message", role: "alert", text: error.message }));
    }
  }

  function download(blob, name) {
    const link = h("a", { href: objectUrl(blob), download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
  }

  async function saveCopy(meta) {
    try {
      download(await decrypted(meta), meta.name);
    } catch (error) {
      if (!(error instanceof FileProblem || error instanceof ApiError)) throw error;
      showMessage(error.message);
    }
  }

  function showUploads(uploads) {
    for (const [id, fraction] of uploads) {
      const line = root.querySelector(`[data-upload="${id}"]`);
      if (line) line.textContent = uploadText(fraction, true);
    }
  }

  /** Receipts for files added on this device that do not have one yet (added offline, or the request failed). */
  async function collectReceipts() {
    if (!file || !openId) return false;
    const mine = await filesAddedHere();
    let changed = false;
    for (const item of file.items.filter((entry) => entry.kind === "evidence")) {
      if (!(item.files || []).some((meta) => !meta.receipt && mine.has(meta.id))) continue;
      const files = [];
      for (const meta of item.files) files.push(!meta.receipt && mine.has(meta.id) ? { ...meta, receipt: await requestReceipt(meta.sha256) } : meta);
      const { id, pending, ...content } = item;
      await saveItem(openId, id, { ...content, files });
      changed = true;
    }
    return changed;
  }

  async function showPrintView() {
    forgetObjectUrls();
    const thumbnails = new Map();
    for (const item of file.items.filter((entry) => entry.kind === "evidence")) {
      for (const meta of (item.files || []).filter((m) => m.type.startsWith("image/"))) {
        try {
          thumbnails.set(meta.id, objectUrl(await readFile(openId, meta)));
        } catch {
          /* not on this device and offline: listed without a picture */
        }
      }
    }
    $("[data-report]").replaceChildren(...buildReport(file, thumbnails, todayInUk()));
    $("[data-report-title]").textContent = file.details.title;
    showView("print");
    pageTitle.textContent = `Evidence log: ${file.details.title}`;
  }

  async function exportZip() {
    const status = $("[data-export-status]");
    status.textContent = "Putting the ZIP file together…";
    try {
      const publicKey = await fetch("/.well-known/falseos-receipt-key.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
      const contents = await zipContents(file, async (meta) => new Uint8Array(await (await decrypted(meta)).arrayBuffer()), publicKey);
      // A generic name: the browser lists every download, and its history keeps the name.
      download(new Blob([await buildZip(contents)], { type: "application/zip" }), `Evidence log ${todayInUk()}.zip`);
      status.textContent = "The ZIP file is ready. Check your downloads.";
    } catch (error) {
      if (!(error instanceof FileProblem || error instanceof ApiError)) throw error;
      status.textContent = error.message;
    }
  }

  /**
   * Show one view; its title becomes the page's only h1, which takes focus so screen readers announce it.
   * The tab title gets the view's generic name only: tabs, the recent-apps view and the browser's history
   * keep it, so nothing the person typed (a case file's title, a group's name) ever goes there.
   */
  function showView(name, heading = "") {
    for (const view of root.querySelectorAll("[data-view]")) view.hidden = view.dataset.view !== name;
    for (const element of root.querySelectorAll("[data-unlocked-only]")) element.hidden = !account.current();
    const generic = $(`[data-view="${name}"]`).dataset.title;
    pageTitle.textContent = heading || (name === "casefile" ? file.details.title : generic);
    document.title = document.title.replace(/^[^–]*–/, `${generic} –`);
    pageTitle.focus();
  }

  function showMessage(text) {
    const box = $("[data-message]");
    $("[data-message-text]").textContent = text;
    box.hidden = !text;
    if (text) box.focus();
  }

  function setSyncState(key, detail = "") {
    syncState.textContent = detail ? `Needs attention: ${detail}` : SYNC_TEXT[key];
    syncState.dataset.state = key;
  }

  // Sync --------------------------------------------------------------------
  function scheduleSync(delay) {
    clearTimeout(syncTimer);
    if (account.current()) syncTimer = setTimeout(runSync, delay);
  }

  /** Upload files; one whose id is someone else's on the server is sealed again under a new id, and its evidence says so. */
  async function syncFilesRenamingTaken() {
    for (;;) {
      try {
        return await syncFiles((id, fraction) => showUploads(new Map([[id, fraction]])));
      } catch (error) {
        if (!(error instanceof FileIdTaken)) throw error;
        const { stored } = error;
        const owner = await openCaseFile(stored.collectionId);
        const item = owner.items.find((each) => each.kind === "evidence" && (each.files || []).some((meta) => meta.id === stored.id));
        if (!item) throw error;
        const files = await Promise.all(item.files.map((meta) => (meta.id === stored.id ? renameFile(stored, meta) : meta)));
        const { id, pending, ...value } = item;
        await saveItem(stored.collectionId, id, { ...value, files });
        await refresh();
      }
    }
  }

  /** A case file whose id turned out to be someone else's gets a new one; if it is open, it stays open. */
  async function moveCaseFile(oldId) {
    const newId = await moveToNewId(oldId);
    if (openId === oldId) openId = newId;
    syncAgain = true;
  }

  async function runSync() {
    if (!account.current()) return;
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    setSyncState("syncing");
    syncing = (async () => {
      try {
        const changed = await syncOnce({ idTaken: moveCaseFile });
        await rotateWhereNeeded();
        await syncFilesRenamingTaken();
        if (await collectReceipts()) changed.add(openId);
        failures = 0;
        $("[data-older-copy]").hidden = true;
        if (changed.size) await refresh();
        await linked.refresh();
        const [waiting, conflicts] = await Promise.all([outboxSize(), conflictCount()]);
        setSyncState(conflicts ? "conflict" : waiting ? "local" : "synced");
        scheduleSync(waiting ? 0 : PERIODIC_SYNC_MS);
      } catch (error) {
        await handleSyncError(error);
      } finally {
        syncing = null;
      }
    })();
    await syncing;
    if (syncAgain) {
      syncAgain = false;
      await runSync();
    }
  }

  async function handleSyncError(error) {
    if (!(error instanceof ApiError)) {
      console.error("Sync failed", error.name); // never the record contents
      setSyncState("error");
    } else if (error.isOffline) {
      // No signal (or the server is down): keep trying often, as coming back online is not always announced.
      setSyncState("offline");
      return scheduleSync(OFFLINE_RETRY_MS);
    } else if (error.isSignedOut) {
      // Signed out on the server (from another device, a passphrase change, or expiry). Never sign in again
      // silently with the key in memory: that would undo "Sign out this device". The passphrase is needed.
      setSyncState("signedOut");
    } else if (error.status === 413) {
      setSyncState("error", error.message); // a file over the size limit or the storage quota: say which
    } else {
      setSyncState("error");
    }
    failures += 1;
    scheduleSync(backoff(failures));
  }

  // Locking ------------------------------------------------------------------
  function resetIdleTimer() {
    clearTimeout(idleTimer);
    if (!account.current()) return;
    const seconds = Number(localStorage.getItem(IDLE_KEY) || root.dataset.idleLockSeconds);
    idleTimer = setTimeout(() => lockNow(), seconds * 1000);
  }

  function forgetScreen() {
    file = null;
    openId = null;
    for (const list of root.querySelectorAll("[data-diary-list], [data-evidence-list], [data-reference-list], [data-casefile-list], [data-conflict-list], [data-report], [data-diary-choices]")) list.replaceChildren();
    for (const element of root.querySelectorAll("[data-casefile-notes], [data-recovery-code], [data-rung-summary], [data-report-title]")) element.textContent = "";
    for (const each of root.querySelectorAll("form")) {
      each.reset();
      clearErrors(each);
    }
  }

  function lockNow() {
    account.lock();
    forgetKeys();
    signedInDevices.forget();
    deletedItems.forget();
    linked.forget();
    forgetObjectUrls();
    clearTimeout(syncTimer);
    clearTimeout(idleTimer);
    forgetScreen();
    $("[data-older-copy]").hidden = true;
    showStart();
  }

  // Views --------------------------------------------------------------------
  async function showStart() {
    const saved = await account.savedAccount();
    form("recover").hidden = true;
    for (const element of root.querySelectorAll("[data-new-only]")) element.hidden = Boolean(saved);
    for (const element of root.querySelectorAll("[data-saved-only]")) element.hidden = !saved;
    // The name appears only if the person chose to remember it here: the lock screen may be seen by anyone.
    const name = saved ? await account.rememberedName() : "";
    $("[data-passphrase-changed]").hidden = !saved?.passphraseChanged;
    const hint = $("[data-saved-account]");
    hint.hidden = !name;
    hint.textContent = name ? `This device holds the case files of “${name}”.` : "";
    form("unlock").elements.username.value = name;
    form("unlock").elements["remember-name"].checked = Boolean(name);
    $("[data-join-pending]").hidden = !pendingInvite;
    showView("start");
  }

  async function showList() {
    openId = null;
    file = null;
    const files = await listCaseFiles();
    $("[data-empty]").hidden = files.length > 0;
    $("[data-casefile-list]").replaceChildren(
      ...files.map((each) => {
        const button = h("button", { type: "button", class: "fo-card__link fo-link-button", text: each.title });
        button.addEventListener("click", () => showCaseFile(each.id));
        const summary = `${each.entries} diary ${each.entries === 1 ? "entry" : "entries"}${each.conflicts ? " · needs attention" : ""}`;
        return h("li", { class: "fo-card" }, h("h2", { class: "fo-heading-s" }, button), h("p", { class: "fo-hint", text: summary }));
      }),
    );
    showView("list");
  }

  async function refresh() {
    if (!account.current()) return;
    if (!openId) {
      if (!$('[data-view="list"]').hidden) await showList();
      return;
    }
    file = await openCaseFile(openId);
    if (!$('[data-view="casefile"]').hidden) pageTitle.textContent = file.details.title;
    $("[data-casefile-notes]").textContent = file.details.notes;
    const unreadable = $("[data-unreadable]");
    unreadable.hidden = !file.unreadable;
    unreadable.textContent = file.unreadable ? `${file.unreadable} entries could not be opened on this device. They are kept; try again after updating the app.` : "";
    if (!form("details").contains(document.activeElement)) fillForm(form("details"), file.details);
    renderConflicts($("[data-conflicts]"), file.conflicts, async (id, choice) => {
      await resolveConflict(openId, id, choice);
      await savedLocally();
    });
    diary.render();
    evidence.render(await uploadState());
    references.render();
    tracker.render();
    await linked.renderSection(file);
  }

  async function showCaseFile(id) {
    openId = id;
    diary.reset();
    evidence.reset();
    references.reset();
    await refresh();
    showView("casefile");
  }

  async function afterUnlock() {
    showMessage("");
    const persisted = await askForPersistentStorage();
    $("[data-persistence-hint]").hidden = persisted;
    $("[data-older-copy]").hidden = !account.current()?.signInPending; // opened offline: say it may be out of date
    resetIdleTimer();
    if (pendingInvite) {
      const invite = pendingInvite;
      pendingInvite = null;
      $("[data-join-pending]").hidden = true;
      await linked.showJoin(invite);
    } else {
      await showList();
    }
    runSync();
  }

  // Forms --------------------------------------------------------------------
  async function submitting(formElement, work) {
    const button = formElement.querySelector("[type=submit]");
    button.disabled = true;
    try {
      await work(formValues(formElement));
    } catch (error) {
      if (error instanceof account.AccountError) showErrors(formElement, { [error.field]: error.message });
      else if (error instanceof ApiError) showErrors(formElement, { form: error.message });
      else throw error;
    } finally {
      button.disabled = false;
    }
  }

  const handlers = {
    unlock: ({ username, passphrase, "remember-name": remember }) => {
      if (!username || !passphrase) throw new account.AccountError(username ? "passphrase" : "username", username ? "Enter your passphrase." : "Enter your name.");
      return account.unlock(username, passphrase, { rememberName: Boolean(remember) }).then(afterUnlock);
    },
    register: async ({ username, passphrase, confirm, "remember-name": remember }) => {
      if (!new RegExp(limit("usernamePattern")).test(username)) throw new account.AccountError("username", "Use 3 to 40 letters, numbers, dots, dashes or underscores.");
      if (passphrase !== confirm) throw new account.AccountError("confirm", "The two passphrases are different. Type them again.");
      const code = await account.register(username, passphrase, { rememberName: Boolean(remember) });
      showRecoveryCode($('[data-view="recovery-code"]'), code);
      showView("recovery-code");
    },
    "recovery-saved": async ({ saved }) => {
      if (!saved) throw new account.AccountError("saved", "Tick the box once you have saved your recovery code.");
      $("[data-recovery-code]").textContent = "";
      if (!$("[data-recovery-code-replaced]").hidden) return actions["show-settings"]();
      await afterUnlock();
    },
    recover: ({ username, code, passphrase, confirm }) => {
      if (passphrase !== confirm) throw new account.AccountError("confirm", "The two passphrases are different. Type them again.");
      return account.recover(username, code, passphrase).then(afterUnlock);
    },
    "new-casefile": async ({ title, notes }) => {
      if (!title) throw new account.AccountError("title", "Give the case file a title.");
      const id = await createCaseFile({ title, notes });
      await showCaseFile(id);
      await savedLocally();
    },
    details: async ({ title, notes }) => {
      if (!title) throw new account.AccountError("title", "Give the case file a title.");
      await saveItem(openId, await detailsId(openId), { kind: "details", title, notes });
      await savedLocally();
    },
    idle: async ({ seconds }) => {
      localStorage.setItem(IDLE_KEY, seconds);
      resetIdleTimer();
      showMessage("");
    },
    passphrase: async ({ current, passphrase, confirm, "sign-out-others": signOutOthers }) => {
      if (passphrase !== confirm) throw new account.AccountError("confirm-new-passphrase", "The two passphrases are different. Type them again.");
      await account.changePassphrase(current, passphrase, { signOutOthers: Boolean(signOutOthers) });
      form("passphrase").reset();
      await showList();
    },
    "new-recovery-code": async ({ passphrase }) => {
      const code = await account.replaceRecoveryCode(passphrase);
      form("new-recovery-code").reset();
      showRecoveryCode($('[data-view="recovery-code"]'), code, { replaced: true });
      showView("recovery-code");
    },
    backup: async ({ passphrase }) => {
      const problem = await account.passphraseProblem(passphrase);
      if (problem) throw new account.AccountError("backup-passphrase", problem);
      const status = $("[data-backup-status]");
      status.textContent = "Making the backup…";
      try {
        const bytes = await createBackup(passphrase);
        download(new Blob([bytes], { type: "application/octet-stream" }), `FalseOS backup ${new Date().toISOString().slice(0, 10)}.falseos-backup`);
      } catch (error) {
        status.textContent = "";
        if (error instanceof FileProblem) throw new account.AccountError("form", error.message);
        throw error;
      }
      form("backup").reset();
      status.textContent = "Your backup is ready. Check your downloads.";
    },
    restore: async ({ file: chosen, passphrase }) => {
      if (!chosen || !chosen.size) throw new account.AccountError("restore-file", "Choose the backup file.");
      if (!passphrase) throw new account.AccountError("restore-passphrase", "Enter the backup file's passphrase.");
      const status = $("[data-restore-status]");
      status.textContent = "Restoring…";
      try {
        const count = await restoreBackup(new Uint8Array(await chosen.arrayBuffer()), passphrase);
        status.textContent = `Restored ${count} case ${count === 1 ? "file" : "files"}.`;
        form("restore").reset();
        setSyncState("local");
        scheduleSync(0);
      } catch (error) {
        status.textContent = "";
        if (error instanceof BackupProblem) throw new account.AccountError("restore-file", error.message);
        throw error;
      }
    },
    "delete-account": async ({ passphrase }) => {
      if (!confirmed("Delete your account and every case file in it? This cannot be undone.")) return;
      await account.deleteAccount(passphrase);
      lockNow();
    },
  };

  for (const [name, handler] of Object.entries(handlers)) {
    const element = form(name);
    element.addEventListener("submit", (event) => {
      event.preventDefault();
      clearErrors(element);
      submitting(element, handler);
    });
  }

  const actions = {
    lock: lockNow,
    "show-print": showPrintView,
    print: () => window.print(),
    "back-to-casefile": () => showCaseFile(openId),
    "show-deleted": () => {
      showView("recently-deleted");
      deletedItems.load();
    },
    "export-zip": exportZip,
    sync: () => {
      setSyncState("syncing");
      scheduleSync(0);
    },
    "show-list": showList,
    "show-settings": () => {
      form("idle").elements.seconds.value = localStorage.getItem(IDLE_KEY) || root.dataset.idleLockSeconds;
      showView("settings");
      signedInDevices.load();
    },
    "show-recover": () => {
      form("recover").hidden = false;
      form("recover").querySelector("h2").focus();
    },
    "remove-device": async () => {
      const waiting = await outboxSize();
      const warning = waiting ? ` ${waiting} changes have not reached the server yet and will be lost.` : "";
      if (!confirmed(`Remove this account and its case files from this device? They stay on the server.${warning}`)) return;
      await account.removeFromDevice();
      lockNow();
    },
  };
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });

  for (const name of ACTIVITY_EVENTS) document.addEventListener(name, resetIdleTimer, { passive: true });
  window.addEventListener(QUICK_EXIT_EVENT, lockNow);
  // Any call, not only sync, can find the session ended: say so at once (the passphrase signs in again).
  window.addEventListener(SIGNED_OUT_EVENT, async (event) => {
    if (event.detail?.code !== account.PASSPHRASE_CHANGED) return account.current() && setSyncState("signedOut");
    await account.forgetOldPassphrase(); // the old passphrase no longer opens this device's copy, even offline
    if (account.current()) lockNow();
  });
  window.addEventListener("online", () => {
    failures = 0;
    scheduleSync(0);
  });
  document.addEventListener("visibilitychange", () => {
    // The recent-apps view shows a picture of the page as it was left: an unlocked case file must not be in it.
    const hidden = document.visibilityState === "hidden";
    document.documentElement.classList.toggle("fo-covered", hidden && Boolean(account.current()));
    if (!hidden) scheduleSync(0);
  });
  setSyncState("local");
  account.lock(); // the page always opens locked: end any session a closed tab left on the server
  showStart();
}
