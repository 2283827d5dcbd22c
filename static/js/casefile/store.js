/**
 * This device's copy of the case files, in IndexedDB. Ciphertext only: plaintext lives
 * in memory while unlocked. Stores:
 *   meta         account details needed to unlock offline (salt, wrapped vault key)
 *   collections  case files: wrapped key, pull cursor, whether the server has it yet
 *   records      the last version the server confirmed, per record (in a link group, with its author)
 *   outbox       edits made here and not yet confirmed: survive reload and restart
 *   conflicts    this device's copy of a record someone else changed first: kept until the user chooses
 *   files        each attachment's upload state: how much of it the server has, or that it is to be deleted
 *   fileData     attachments' ciphertext, kept apart so listing upload states never loads the files
 */

import { gettext } from "../i18n.js";

const DB_NAME = "falseos-casefile";
/** localStorage: the account name, only if the person chose "Remember my name on this device". */
export const REMEMBERED_NAME_KEY = "falseos-remembered-name";
const DB_VERSION = 2;
const RECORD_KEY = ["collectionId", "id"];

let opening = null;

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error || new Error("IndexedDB transaction aborted"));
    transaction.onerror = () => reject(transaction.error);
  });
}

export function openStore() {
  opening ||= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 1) {
        db.createObjectStore("meta");
        db.createObjectStore("collections", { keyPath: "id" });
        for (const name of ["records", "outbox", "conflicts"]) {
          db.createObjectStore(name, { keyPath: RECORD_KEY }).createIndex("collectionId", "collectionId");
        }
      }
      if (event.oldVersion < 2) {
        db.createObjectStore("files", { keyPath: "id" }).createIndex("uploaded", "uploaded");
        db.createObjectStore("fileData");
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(gettext("The case file is open in an older tab. Close it and try again.")));
  });
  return opening;
}

/**
 * Run work in one transaction over the named stores; resolves once it has committed.
 * @template T
 * @param {string[]} names
 * @param {"readonly"|"readwrite"} mode
 * @param {(stores: Record<string, IDBObjectStore>) => Promise<T>|T} work
 * @returns {Promise<T>}
 */
export async function transact(names, mode, work) {
  const db = await openStore();
  const transaction = db.transaction(names, mode);
  const stores = Object.fromEntries(names.map((name) => [name, transaction.objectStore(name)]));
  const done = finished(transaction);
  const result = await work(stores);
  await done;
  return result;
}

export const get = (store, key) => promised(store.get(key));
export const put = (store, value, key) => promised(key === undefined ? store.put(value) : store.put(value, key));
export const remove = (store, key) => promised(store.delete(key));
export const all = (store) => promised(store.getAll());
export const allIn = (store, collectionId) => promised(store.index("collectionId").getAll(collectionId));
export const allWhere = (store, index, value) => promised(store.index(index).getAll(value));

export function readMeta(key) {
  return transact(["meta"], "readonly", ({ meta }) => get(meta, key));
}

export function writeMeta(key, value) {
  return transact(["meta"], "readwrite", ({ meta }) => put(meta, value, key));
}

/** Everything this device holds for one case file. */
export function readCollection(collectionId) {
  return transact(["records", "outbox", "conflicts"], "readonly", async ({ records, outbox, conflicts }) => ({
    records: await allIn(records, collectionId),
    outbox: await allIn(outbox, collectionId),
    conflicts: await allIn(conflicts, collectionId),
  }));
}

/**
 * Drop one collection and everything held for it (a link group this account is no longer in),
 * leaving `tombstone` in its place if given, so the case file can say what happened.
 */
export function forgetCollection(collectionId, tombstone = null) {
  return transact(["collections", "records", "outbox", "conflicts"], "readwrite", async (stores) => {
    await remove(stores.collections, collectionId);
    if (tombstone) await put(stores.collections, tombstone);
    for (const name of ["records", "outbox", "conflicts"]) {
      for (const each of await allIn(stores[name], collectionId)) await remove(stores[name], [collectionId, each.id]);
    }
  });
}

export function listCollections() {
  return transact(["collections"], "readonly", ({ collections }) => all(collections));
}

/**
 * Queue an edit. It replaces any queued edit of the same record but keeps that one's base
 * version: the server must still see which version the edit was made on.
 */
/** How many replaced edits of one record to remember (see `earlier` below); more only risks a needless conflict. */
export const EARLIER_KEPT = 20;

/**
 * Queue an edit. If it replaces a queued edit, that one's ciphertext goes into `earlier`: it may have
 * reached the server with its answer lost, and sync.js then builds on it instead of calling it a conflict.
 */
export function queueWrite({ collectionId, id, ciphertext, deleted }) {
  return transact(["records", "outbox"], "readwrite", async ({ records, outbox }) => {
    const queued = await get(outbox, [collectionId, id]);
    const confirmed = await get(records, [collectionId, id]);
    await put(outbox, queuedEdit({ collectionId, id, ciphertext, deleted }, queued, confirmed));
  });
}

/**
 * The outbox entry for an edit: made on the version the server last confirmed (0 for a new record),
 * or, replacing a queued edit, on that one's base version, with its ciphertext added to `earlier`.
 * @param {{collectionId: string, id: string, ciphertext: string, deleted: boolean}} edit
 * @param {object|undefined} queued the edit of this record already in the outbox
 * @param {object|undefined} confirmed the record as the server last confirmed it
 */
export function queuedEdit({ collectionId, id, ciphertext, deleted }, queued, confirmed, now = Date.now()) {
  const baseVersion = queued ? queued.baseVersion : confirmed ? confirmed.version : 0;
  const earlier = queued ? [...(queued.earlier || []), ...(queued.deleted ? [] : [queued.ciphertext])].slice(-EARLIER_KEPT) : [];
  return { collectionId, id, baseVersion, ciphertext, deleted, earlier, queuedAt: now };
}

export async function outboxSize() {
  return transact(["outbox"], "readonly", ({ outbox }) => promised(outbox.count()));
}

export async function conflictCount() {
  return transact(["conflicts"], "readonly", ({ conflicts }) => promised(conflicts.count()));
}

/** Ask the browser not to evict this site's data. True if granted (installed apps usually are). */
export async function askForPersistentStorage() {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

/** Remove everything this device holds for the case file (signing out of this device, or account deleted). */
export async function wipe() {
  localStorage.removeItem(REMEMBERED_NAME_KEY);
  const db = await openStore();
  db.close();
  opening = null;
  await promised(indexedDB.deleteDatabase(DB_NAME));
}
