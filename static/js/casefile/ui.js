/**
 * The case-file app: the views, the route to each, saving, and locking.
 * Started by main.js on the element with data-module="casefile".
 *
 * Each view has its own module; this one wires them to the router and to the one session.
 */
import * as account from "./account.js";
import { ApiError, SIGNED_OUT_EVENT } from "./api.js";
import { initAccountSettings, IDLE_KEY } from "./account-settings.js";
import { initCaseFileSettings } from "./casefile-settings.js";
import { deleteItem, openCaseFile, resolveConflict, rungId, saveItem } from "./casefiles.js";
import { carriedRoute, isCarrying, takeCarriedFor } from "./carried.js";
import { renderConflicts } from "./conflicts.js";
import { initDiary } from "./diary.js";
import { initDrafts } from "./drafts.js";
import { clearErrors, formValues, h, showErrors } from "./dom.js";
import { initEvidence } from "./evidence.js";
import { initExports } from "./exports-view.js";
import { discardFile, uploadState } from "./files.js";
import { saveCopy, showFile } from "./file-viewer.js";
import { KIND } from "./kinds.js";
import { initLinkedCases, inviteFromAddress } from "./linked-ui.js";
import { referenceChanged } from "./links.js";
import { initList } from "./list.js";
import { initOverview } from "./overview.js";
import { initQuickLog } from "./quick-log.js";
import { initReferences } from "./references.js";
import { casePath, currentRoute, go, onRoute, parseRoute, replace } from "./router.js";
import { lock, onLock } from "./session.js";
import { initStart } from "./start.js";
import { askForPersistentStorage } from "./store.js";
import { initSyncLoop } from "./sync-loop.js";
import { initTracker } from "./tracker.js";
import { QUICK_EXIT_EVENT } from "../quick-exit.js";
import { gettext } from "../i18n.js";


const ACTIVITY_EVENTS = ["pointerdown", "keydown", "input", "scroll", "touchstart"];
// Views that belong to one open case file: they show its title above their heading, and its conflicts.
const CASE_VIEWS = new Set(["overview", "diary", "diary-form", "quick-log", "evidence", "evidence-form", "references", "reference-form", "escalation", "rung-form", "linked", "group-form", "group", "exports", "casefile-settings", "recently-deleted"]);
// Views where Quick log would only be in the way: forms (the keyboard is up) and pages made for printing.
const NO_QUICK_LOG = new Set(["casefile-settings", "diary-form", "quick-log", "evidence-form", "reference-form", "rung-form", "group-form", "print", "chronology", "exhibits", "group-print"]);

const isUnlocked = () => Boolean(account.current());

export function initCasefile(root) {
  onLock(account.lock); // first: the vault key and the server session
  const $ = (selector) => root.querySelector(selector);
  const pageTitle = $("[data-page-title]");
  const banner = $("[data-banner]");
  let openId = null;
  let file = null;
  let idleTimer = null;
  let flash = null; // the confirmation the next view shows: {text, itemId}
  let savedMark = null; // the confirmation on a saved item, while its view is shown: {text, itemId}
  let pendingInvite = inviteFromAddress();

  const app = {
    root,
    caseFile: () => file,
    collectionId: () => openId,
    entries: () => (file ? file.items : []),
    pendingInvite: () => pendingInvite,
    carrying: isCarrying,
    carriedRoute,
    go,
    /** The route to a view of the open case file: path("diary", "new") -> "#/f/<id>/diary/new". */
    path: (...parts) => casePath(openId, ...parts),
    showView,
    lock: lockNow,
    afterUnlock,
    showAccountSettings: () => accountSettings.show(),
    resetIdleTimer,
    refresh,
    async savedLocally() {
      syncLoop.changedHere();
      await refresh();
    },
    /** Save an item of the open case file; returns its id. */
    async save(id, value) {
      const itemId = id || crypto.randomUUID();
      await saveItem(openId, itemId, value);
      if (id && value.kind === KIND.reference) await referenceChanged(file, id, value);
      await app.savedLocally();
      return itemId;
    },
    async saveRung(number, value) {
      await saveItem(openId, await rungId(openId, number), value);
      await app.savedLocally();
    },
    async remove(id, done) {
      const kind = file.items.find((item) => item.id === id)?.kind;
      await deleteItem(openId, id);
      if (kind === KIND.reference) await referenceChanged(file, id);
      await app.saved(`${done} ${gettext("You can bring it back from Recently deleted, in this case file's settings.")}`, location.hash);
    },
    async removeEvidence(item) {
      await deleteItem(openId, item.id);
      for (const meta of item.files || []) await discardFile(meta.id);
      await app.saved(gettext("The evidence was deleted. You can bring it back from Recently deleted, in this case file's settings."), location.hash);
    },
    /**
     * After a save: a confirmation where the person is looking, on the list that now shows the item.
     * The form's route is replaced, so Back does not reopen a form that was already sent.
     */
    async saved(text, hash, itemId = "") {
      await drafts.saved();
      await app.savedLocally();
      flash = { text, itemId };
      replace(hash);
      await show(parseRoute(hash));
    },
    get maxBytes() {
      return Number(root.dataset.fileMaxBytes);
    },
    openFile: (meta, container) => showFile(openId, meta, container),
    saveFile: (meta) => saveCopy(openId, meta, showMessage),
    restored() {
      syncLoop.changedHere();
    },
    /** The account is gone: the start screen, saying so, as someone may want to start again. */
    async accountDeleted() {
      lock();
      flash = { text: gettext("Your account and every case file in it were deleted, from our server and from this device.") };
      await start.show();
    },
    async afterSync() {
      $("[data-older-copy]").hidden = true; // synced: what is shown is the newest copy
      await linked.refresh();
    },
    caseFileMoved(oldId, newId) {
      if (openId !== oldId) return;
      openId = newId;
      replace(location.hash.replace(oldId, newId));
      setCaseLinks();
    },
  };

  const syncLoop = initSyncLoop($("[data-sync-state]"), app);
  const start = initStart(root, app);
  const list = initList(root, app);
  const overview = initOverview(root, app);
  const diary = initDiary(root, app);
  const quickLog = initQuickLog(root, app);
  const drafts = initDrafts(root);
  const evidence = initEvidence(root, app);
  const references = initReferences(root, app);
  const tracker = initTracker(root, app);
  const linked = initLinkedCases(root, app);
  const exports = initExports(root, app);
  const caseSettings = initCaseFileSettings(root, app);
  const accountSettings = initAccountSettings(root, app);

  /** Each route's view. A case file's views find it open: `show` opens it first. */
  const views = {
    list: () => list.show(),
    "new-casefile": () => showView("new-casefile"),
    "open-invite": () => showView("open-invite"),
    settings: () => accountSettings.show(),
    overview: () => overview.show(file),
    diary: () => diary.showList(),
    "diary-form": ({ itemId }) => diary.showForm(itemId, itemId ? null : takeCarriedFor(KIND.diary)),
    "quick-log": () => quickLog.show(),
    evidence: () => evidence.showList(),
    "evidence-form": ({ itemId }) => evidence.showForm(itemId),
    references: () => references.showList(),
    "reference-form": ({ itemId }) => references.showForm(itemId, itemId ? "" : takeCarriedFor(KIND.reference)?.agency),
    escalation: () => tracker.showList(),
    "rung-form": ({ itemId }) => tracker.showForm(itemId),
    linked: () => linked.showList(),
    "group-form": () => linked.showForm(),
    group: ({ itemId }) => linked.showGroup(itemId),
    "group-print": ({ itemId }) => linked.showSummary(itemId),
    exports: () => exports.showList(),
    print: () => exports.showPrintView("log"),
    chronology: () => exports.showPrintView("chronology"),
    exhibits: () => exports.showPrintView("exhibits"),
    "casefile-settings": () => caseSettings.show(),
    "recently-deleted": () => caseSettings.showDeleted(),
  };

  /** Show the view a route names. Locked, every route waits behind the unlock screen. */
  async function show(route) {
    if (!isUnlocked()) return;
    if (route.caseFileId && route.caseFileId !== openId) {
      if (!(await openFile(route.caseFileId))) {
        replace("#/");
        return show(parseRoute("#/"));
      }
    } else if (!route.caseFileId) {
      openId = null;
      file = null;
    }
    await views[route.name](route);
  }

  /** Open a case file on this device; false if there is none with this id (deleted, or another account's). */
  async function openFile(id) {
    try {
      openId = id;
      file = null;
      await refresh();
    } catch {
      openId = null;
      return false;
    }
    setCaseLinks();
    return true;
  }

  function setCaseLinks() {
    for (const link of root.querySelectorAll("[data-case-link]")) link.href = casePath(openId, ...link.dataset.caseLink.split("/").filter(Boolean));
  }

  /**
   * Show one view; its heading becomes the page's only h1. After a save, the confirmation banner
   * takes focus instead, so it is read out, and the saved item is scrolled into view; otherwise the
   * h1 takes focus, so screen readers announce the new view.
   * The tab title gets the view's generic name only: tabs, the recent-apps view and the browser's
   * history keep it, so nothing the person typed (a case file's title, a group's name) ever goes there.
   */
  function showView(name, heading = "") {
    for (const view of root.querySelectorAll("[data-view]")) view.hidden = view.dataset.view !== name;
    for (const element of root.querySelectorAll("[data-unlocked-only]")) element.hidden = !account.current();
    const inCase = Boolean(file) && CASE_VIEWS.has(name);
    const caption = $("[data-case-caption]");
    caption.hidden = !inCase || name === "overview";
    caption.textContent = inCase ? file.details.title : "";
    $("[data-conflicts]").hidden = !inCase || !file.conflicts.length;
    $("[data-quick-log]").hidden = !inCase || NO_QUICK_LOG.has(name);
    drafts.shown(name);
    const generic = $(`[data-view="${name}"]`).dataset.title;
    pageTitle.textContent = heading || generic;
    document.title = document.title.replace(/^[^–]*–/, `${generic} –`);
    showMessage("", false);
    savedMark = null;
    const shown = flash;
    flash = null;
    banner.hidden = !shown;
    $("[data-banner-text]").textContent = shown ? shown.text : "";
    if (!shown) return pageTitle.focus();
    banner.focus(); // scrolled clear of the sticky bars by its scroll-margin
    if (shown.itemId) showSaved(shown.itemId, shown.text);
  }

  /**
   * The saved item in view, and the confirmation that has focus never under the sticky bars
   * (WCAG 2.4.11). When the item is too far down the list to see both (a new diary entry at the
   * end of a long diary), the confirmation goes on the item, which takes the focus.
   */
  function showSaved(itemId, text) {
    const item = markSaved({ itemId });
    if (!item) return;
    const room = banner.getBoundingClientRect().top - $(".fo-casefile__bar").getBoundingClientRect().bottom;
    const below = item.getBoundingClientRect().bottom - window.innerHeight;
    if (below <= room) return below > 0 && window.scrollBy(0, below);
    savedMark = { itemId, text };
    markSaved(savedMark).focus();
  }

  /** Mark the saved item in the view shown; again after a sync redraws the list, keeping the focus on it. */
  function markSaved({ itemId, text }) {
    const item = root.querySelector(`[data-view]:not([hidden]) [data-entry="${itemId}"]`);
    if (!item) return null;
    item.classList.add("fo-entry--new");
    if (text && !item.querySelector(".fo-entry__saved")) {
      item.prepend(h("p", { class: "fo-entry__saved", text }));
      item.tabIndex = -1;
    }
    return item;
  }

  function showMessage(text, focus = true) {
    const box = $("[data-message]");
    $("[data-message-text]").textContent = text;
    box.hidden = !text;
    if (text && focus) box.focus();
  }

  async function refresh() {
    if (!isUnlocked()) return;
    if (!openId) {
      if (!$('[data-view="list"]').hidden) await list.show();
      return;
    }
    file = await openCaseFile(openId);
    renderConflicts($("[data-conflicts]"), file.conflicts, async (id, choice) => {
      await resolveConflict(openId, id, choice);
      await app.savedLocally();
    });
    const current = [...root.querySelectorAll("[data-view]")].find((view) => !view.hidden)?.dataset.view;
    $("[data-conflicts]").hidden = !CASE_VIEWS.has(current) || !file.conflicts.length;
    // The title may have changed on another device.
    if (current === "overview") pageTitle.textContent = file.details.title;
    $("[data-case-caption]").textContent = file.details.title;
    overview.render(file);
    diary.render();
    evidence.render(await uploadState());
    references.render();
    tracker.render();
    await linked.renderSection(file);
    const focusWasOnIt = document.activeElement === document.body; // its element was just redrawn
    const item = savedMark && markSaved(savedMark);
    if (item && focusWasOnIt) item.focus({ preventScroll: true });
  }

  // Locking ------------------------------------------------------------------
  function resetIdleTimer() {
    clearTimeout(idleTimer);
    if (!isUnlocked()) return;
    const seconds = Number(localStorage.getItem(IDLE_KEY) || root.dataset.idleLockSeconds);
    idleTimer = setTimeout(() => lockNow(), seconds * 1000);
  }

  /** What the views hold in the page: drawn lists, filled forms, the open case file. */
  function forgetScreen() {
    file = null;
    openId = null;
    flash = null;
    savedMark = null;
    clearTimeout(idleTimer);
    for (const list of root.querySelectorAll("[data-diary-list], [data-evidence-list], [data-reference-list], [data-casefile-list], [data-conflict-list], [data-report], [data-diary-choices], [data-latest], [data-attention-list], [data-custody-list], #custody-about")) list.replaceChildren();
    for (const element of root.querySelectorAll("[data-casefile-notes], [data-recovery-code], [data-rung-summary], [data-case-caption], [data-banner-text], [data-task-status]")) element.textContent = "";
    for (const each of root.querySelectorAll("form")) {
      each.reset();
      clearErrors(each);
    }
  }
  onLock(forgetScreen);
  onLock(() => ($("[data-older-copy]").hidden = true));
  onLock(linked.forget);
  onLock(caseSettings.forget);
  onLock(accountSettings.forget);

  function lockNow() {
    lock();
    start.show();
  }

  /** Deleted on another device: nothing could open this copy again, and the person chose to delete it. */
  async function deletedElsewhere() {
    await account.removeFromDevice();
    lock();
    flash = { text: gettext("Your account was deleted on another device, so its case files were removed from this device too.") };
    await start.show();
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
    } else if (isCarrying()) {
      const files = await list.show();
      if (files.length === 1) go(carriedRoute(files[0].id));
    } else {
      await show(currentRoute());
    }
    syncLoop.run();
  }

  // Forms and buttons ----------------------------------------------------------
  const handlers = { ...start.handlers, ...list.handlers, ...caseSettings.handlers, ...accountSettings.handlers, ...exports.handlers };

  /** Run a form's handler: it returns {field: message} for every problem, or throws one AccountError/ApiError. */
  async function submitting(formElement, handler) {
    const button = formElement.querySelector("[type=submit]");
    button.disabled = true;
    try {
      const errors = await handler(formValues(formElement));
      if (errors && Object.keys(errors).length) showErrors(formElement, errors);
    } catch (error) {
      if (error instanceof account.AccountError) showErrors(formElement, { [error.field]: error.message });
      else if (error instanceof ApiError) showErrors(formElement, { form: error.message });
      else throw error;
    } finally {
      button.disabled = false;
    }
  }

  for (const [name, handler] of Object.entries(handlers)) {
    const element = $(`[data-form="${name}"]`);
    element.addEventListener("submit", (event) => {
      event.preventDefault();
      clearErrors(element);
      submitting(element, handler);
    });
  }

  const actions = {
    ...start.actions,
    ...exports.actions,
    lock: lockNow,
    sync: () => {
      syncLoop.setState("syncing");
      syncLoop.schedule(0);
    },
  };
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button && actions[button.dataset.action]) return actions[button.dataset.action]();
    // A link to the route already shown would not fire hashchange: show it again all the same.
    const link = event.target.closest('a[href^="#/"]');
    if (link && !event.defaultPrevented && link.getAttribute("href") === location.hash) {
      event.preventDefault();
      show(currentRoute());
    }
  });

  onRoute(show);
  for (const name of ACTIVITY_EVENTS) document.addEventListener(name, resetIdleTimer, { passive: true });
  window.addEventListener(QUICK_EXIT_EVENT, lockNow);
  // Any call, not only sync, can find the session ended: say so at once (the passphrase signs in again).
  window.addEventListener(SIGNED_OUT_EVENT, async (event) => {
    if (event.detail?.code === account.ACCOUNT_DELETED) return deletedElsewhere();
    if (event.detail?.code !== account.PASSPHRASE_CHANGED) return isUnlocked() && syncLoop.setState("signedOut");
    await account.forgetOldPassphrase(); // the old passphrase no longer opens this device's copy, even offline
    if (isUnlocked()) lockNow();
  });
  document.addEventListener("visibilitychange", () => {
    // The recent-apps view shows a picture of the page as it was left: an unlocked case file must not be in it.
    const hidden = document.visibilityState === "hidden";
    document.documentElement.classList.toggle("fo-covered", hidden && isUnlocked());
    if (!hidden) syncLoop.schedule(0);
  });
  account.lock(); // the page always opens locked: end any session a closed tab left on the server
  start.show();
}
