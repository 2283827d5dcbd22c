/**
 * Case files as the person sees them: decrypted in memory while unlocked, written back
 * encrypted to this device's outbox. Sync (sync.js) takes it from there.
 */
import { current } from "./account.js";
import { get as apiGet } from "./api.js";
import {
  decryptRecord,
  encryptRecord,
  fromBase64,
  namedRecordId,
  newCollectionKey,
  toBase64,
  unwrapCollectionKey,
} from "./crypto.js";
import { KIND } from "./kinds.js";
import { onLock } from "./session.js";
import { all, forgetCollection, get, listCollections, put, queueWrite, readCollection, remove, transact } from "./store.js";
import { gettext } from "../i18n.js";

/** @type {Map<string, CryptoKey>} */
const keys = new Map();

export function forgetKeys() {
  keys.clear();
}
onLock(forgetKeys);

async function keyFor(collection) {
  if (!keys.has(collection.id)) {
    keys.set(collection.id, await unwrapCollectionKey(current().vaultKey, collection.id, fromBase64(collection.wrappedKey)));
  }
  return keys.get(collection.id);
}

async function collectionKey(collectionId) {
  if (keys.has(collectionId)) return keys.get(collectionId);
  const collection = await transact(["collections"], "readonly", ({ collections }) => get(collections, collectionId));
  if (!collection) throw new Error("No such case file on this device");
  return keyFor(collection);
}

export const detailsId = (collectionId) => namedRecordId(collectionId, KIND.details);
export const rungId = (collectionId, number) => namedRecordId(collectionId, `rung-${number}`);
export const exhibitsId = (collectionId) => namedRecordId(collectionId, KIND.exhibits);

async function decrypt(collectionId, id, ciphertext) {
  return decryptRecord(await collectionKey(collectionId), collectionId, id, fromBase64(ciphertext));
}

/** Records as this device has them: a queued edit wins over the last confirmed version. */
export function latest({ records, outbox }) {
  const byId = new Map(records.map((r) => [r.id, { ...r, pending: false }]));
  for (const edit of outbox) byId.set(edit.id, { ...edit, pending: true });
  return [...byId.values()];
}

/**
 * Decrypt each record into an item, `about(record)` first; records that do not open are counted
 * in `unreadable`, never silently dropped.
 */
async function decryptEach(collectionId, records, about) {
  const items = [];
  let unreadable = 0;
  for (const record of records) {
    try {
      items.push({ ...about(record), ...(await decrypt(collectionId, record.id, record.ciphertext)) });
    } catch {
      unreadable += 1;
    }
  }
  return { items, unreadable };
}

/**
 * One case file, decrypted: its details, items (diary entries, references, rungs) and conflicts.
 * Records this device cannot decrypt are counted, not shown: they are never silently dropped.
 */
export async function openCaseFile(collectionId) {
  const stored = await readCollection(collectionId);
  const live = latest(stored).filter((r) => !r.deleted);
  const { items, unreadable } = await decryptEach(collectionId, live, (record) => ({ id: record.id, pending: record.pending }));
  const confirmed = new Map(stored.records.map((r) => [r.id, r]));
  const conflicts = [];
  for (const conflict of stored.conflicts) {
    const theirs = confirmed.get(conflict.id);
    conflicts.push({
      id: conflict.id,
      mine: conflict.deleted ? null : await decrypt(collectionId, conflict.id, conflict.ciphertext),
      theirs: !theirs || theirs.deleted ? null : await decrypt(collectionId, conflict.id, theirs.ciphertext),
    });
  }
  const details = items.find((item) => item.kind === KIND.details) || { title: gettext("Untitled case file"), notes: "" };
  return { id: collectionId, details, items, conflicts, unreadable, pending: stored.outbox.length };
}

/** Every case file on this device, with its title. */
export async function listCaseFiles() {
  const collections = (await listCollections()).filter((c) => !c.kind || c.kind === "casefile");
  const files = [];
  for (const collection of collections) {
    const file = await openCaseFile(collection.id);
    files.push({ id: collection.id, title: file.details.title, entries: file.items.filter((i) => i.kind === KIND.diary).length, conflicts: file.conflicts.length });
  }
  return files.sort((a, b) => a.title.localeCompare(b.title));
}

export async function saveItem(collectionId, id, value) {
  const ciphertext = toBase64(await encryptRecord(await collectionKey(collectionId), collectionId, id, value));
  await queueWrite({ collectionId, id, ciphertext, deleted: false });
}

export async function deleteItem(collectionId, id) {
  await queueWrite({ collectionId, id, ciphertext: "", deleted: true });
}

/**
 * What was deleted from this case file in the last DELETED_KEEP_DAYS: the server keeps each
 * deleted record's ciphertext, and it is decrypted only here. Needs a connection.
 */
export async function recentlyDeleted(collectionId) {
  const answer = await apiGet(`collections/${collectionId}/deleted/`);
  // Restored here already, or edited again since: not deleted any more, whatever the server has heard yet.
  const live = new Set(latest(await readCollection(collectionId)).filter((r) => !r.deleted).map((r) => r.id));
  const stillDeleted = answer.records.filter((each) => !live.has(each.id));
  const { items, unreadable } = await decryptEach(collectionId, stillDeleted, (copy) => ({ id: copy.id, deletedAt: copy.deleted_at, ciphertext: copy.ciphertext }));
  return { items, unreadable, keepDays: answer.keep_days };
}

/** Bring a deleted item back: its old ciphertext becomes the record's next version, on every device. */
export async function restoreItem(collectionId, item) {
  await queueWrite({ collectionId, id: item.id, ciphertext: item.ciphertext, deleted: false });
}

/** A new case file, made on this device (online or not); the server learns of it on the next sync. */
export async function createCaseFile({ title, notes }) {
  const id = crypto.randomUUID();
  const { key, wrapped } = await newCollectionKey(current().vaultKey, id);
  await transact(["collections"], "readwrite", ({ collections }) =>
    put(collections, { id, kind: "casefile", wrappedKey: toBase64(wrapped), cursor: "", onServer: false }),
  );
  keys.set(id, key);
  await saveItem(id, await detailsId(id), { kind: KIND.details, title, notes });
  return id;
}

/**
 * Save items into a case file under ids of its own: named records (details, rungs, links, exhibits) by
 * its id, the rest new. Evidence keeps the files `filesFor` gives, and its links to diary entries.
 * @param {(item: object) => Promise<object[]>} filesFor
 */
export async function copyItems(targetId, items, filesFor = async (item) => item.files || []) {
  const newIds = new Map();
  for (const item of items) {
    if (item.kind === KIND.details) newIds.set(item.id, await detailsId(targetId));
    else if (item.kind === KIND.rung) newIds.set(item.id, await rungId(targetId, item.number));
    else if (item.kind === KIND.exhibits) newIds.set(item.id, await exhibitsId(targetId));
    else if (item.kind === KIND.link) newIds.set(item.id, await namedRecordId(targetId, `link-${item.groupId}`));
    else newIds.set(item.id, crypto.randomUUID());
  }
  for (const { id: oldId, ...item } of items.filter((entry) => entry.kind !== KIND.details)) {
    if (item.kind === KIND.evidence) {
      item.files = await filesFor(item);
      item.diaryIds = (item.diaryIds || []).map((diaryId) => newIds.get(diaryId)).filter(Boolean);
    }
    if (item.kind === KIND.custody && item.about) item.about = newIds.get(item.about); // a note stays on its line
    await saveItem(targetId, newIds.get(oldId), item);
  }
}

/**
 * The server says this case file's id is not ours: someone else has it, so it leaked before the
 * case file first synced. Copy everything into a case file with a new id and new keys, then drop
 * the old one here. Evidence files keep their own ids and keys. Returns the new id.
 */
export async function moveToNewId(oldId) {
  const file = await openCaseFile(oldId);
  const newId = await createCaseFile({ title: file.details.title, notes: file.details.notes });
  await copyItems(newId, file.items.map(({ pending, ...item }) => item));
  await transact(["files"], "readwrite", async ({ files }) => {
    for (const stored of await all(files)) if (stored.collectionId === oldId) await put(files, { ...stored, collectionId: newId });
  });
  await forgetCollection(oldId);
  keys.delete(oldId);
  return newId;
}

/**
 * Settle a conflict. "theirs" keeps the other device's version; "mine" puts this device's
 * version on top of it; "both" keeps the other version and saves this one as a new entry.
 */
export async function resolveConflict(collectionId, id, choice) {
  const conflict = await transact(["conflicts"], "readonly", ({ conflicts }) => get(conflicts, [collectionId, id]));
  if (!conflict) return;
  if (choice === "mine") {
    await queueWrite({ collectionId, id, ciphertext: conflict.ciphertext, deleted: conflict.deleted });
  } else if (choice === "both" && !conflict.deleted) {
    await saveItem(collectionId, crypto.randomUUID(), await decrypt(collectionId, id, conflict.ciphertext));
  }
  await transact(["conflicts"], "readwrite", ({ conflicts }) => remove(conflicts, [collectionId, id]));
}
