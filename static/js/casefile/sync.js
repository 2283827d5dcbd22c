/**
 * Sync between this device's store and the server (DESIGN.md, "Sync protocol"). It moves
 * ciphertext only, so it never needs the keys.
 *
 * Push sends queued edits with the version each was made on. "saved" moves an edit into
 * the confirmed records; "conflict" means someone changed the record first: the server's
 * copy becomes the confirmed one and this device's copy is kept in `conflicts` until the
 * user chooses. Nothing is dropped, except in a link group a write the server refuses as not
 * this member's to make (another member's entry): it could never be saved, and would hold up the rest. The rules are the ones tests/casefile/test_sync_random.py
 * proves against the real API.
 */
import { ApiError, get, post } from "./api.js";
import { all, allIn, forgetCollection, get as getOne, put, remove, transact } from "./store.js";

const BATCH = 200;
const PULL_LIMIT = 200;

/**
 * Make sure the server has every case file this device made, and this device has every case file
 * and link group the account has. A link group's key can change (someone left); one this account
 * is no longer in is dropped from this device.
 */
export async function refreshCollections({ idTaken = null } = {}) {
  const local = await transact(["collections"], "readonly", ({ collections }) => all(collections));
  for (const collection of local.filter((c) => !c.onServer)) {
    try {
      await post("collections/", { id: collection.id, wrapped_key: collection.wrappedKey });
    } catch (error) {
      // 404: the id is someone else's. The case file moves to a new id (idTaken), which the next round creates.
      if (!(error instanceof ApiError && error.status === 404 && idTaken)) throw error;
      await idTaken(collection.id);
      continue;
    }
    await transact(["collections"], "readwrite", ({ collections }) => put(collections, { ...collection, onServer: true }));
  }
  const { collections: remote } = await get("collections/");
  const known = new Map(local.map((c) => [c.id, c]));
  await transact(["collections"], "readwrite", async ({ collections }) => {
    for (const c of remote.filter((each) => each.wrapped_key)) {
      const mine = known.get(c.id);
      // A link group's keyring is only offered here: links.js takes it on once it opens and keeps every key held before.
      const group = { kind: c.kind, role: c.role, keyVersion: c.key_version, groupKeyVersion: c.group_key_version, rotationNeeded: c.rotation_needed, offeredKey: c.wrapped_key };
      if (!mine || mine.removed) await put(collections, { id: c.id, cursor: "", onServer: true, wrappedKey: c.wrapped_key, authorsKept: true, ...group });
      else if (c.kind === "linkgroup" && !mine.authorsKept) await put(collections, { ...mine, ...group, cursor: "", authorsKept: true }); // pulled again: records now say who wrote them
      else if (c.kind === "linkgroup" && Object.entries(group).some(([name, value]) => mine[name] !== value)) await put(collections, { ...mine, ...group });
    }
  });
  const onServer = new Set(remote.map((c) => c.id));
  const gone = local.filter((c) => c.kind === "linkgroup" && c.onServer && !c.removed && !onServer.has(c.id));
  for (const group of gone) await forgetCollection(group.id, { id: group.id, kind: group.kind, removed: true, onServer: true });
  return { ids: remote.filter((c) => c.wrapped_key).map((c) => c.id), dropped: gone.map((c) => c.id) };
}

/** The server's copy is an earlier edit of this device (its answer was lost), which the queued edit was made on. */
const isOwnEarlierEdit = (queued, server) => Boolean(server && !server.deleted && (queued.earlier || []).includes(server.ciphertext));

async function push(collectionId) {
  const queued = await transact(["outbox"], "readonly", ({ outbox }) => allIn(outbox, collectionId));
  let changed = false;
  let rebased = false;
  for (let start = 0; start < queued.length; start += BATCH) {
    const batch = queued.slice(start, start + BATCH);
    let results;
    try {
      ({ results } = await post(`collections/${collectionId}/records/push/`, {
        writes: batch.map((w) => ({ id: w.id, base_version: w.baseVersion, ciphertext: w.ciphertext, deleted: w.deleted })),
      }));
    } catch (error) {
      if (!(await droppedRefused(collectionId, batch, error))) throw error;
      await push(collectionId); // the rest goes again
      return true;
    }
    const sent = new Map(batch.map((w) => [w.id, w]));
    await transact(["records", "outbox", "conflicts"], "readwrite", async ({ records, outbox, conflicts }) => {
      for (const result of results) {
        const write = sent.get(result.id);
        const key = [collectionId, result.id];
        const current = await getOne(outbox, key);
        if (!current || current.ciphertext !== write.ciphertext || current.deleted !== write.deleted) continue; // edited again meanwhile
        if (result.status === "conflict" && isOwnEarlierEdit(current, result.server)) {
          const server = result.server;
          await put(records, { collectionId, id: server.id, version: server.version, ciphertext: server.ciphertext, deleted: server.deleted, author: server.author });
          await put(outbox, { ...current, baseVersion: server.version, earlier: [] });
          rebased = true;
          continue;
        }
        await remove(outbox, key);
        if (result.status === "saved") {
          await put(records, { collectionId, id: result.id, version: result.version, ciphertext: write.ciphertext, deleted: write.deleted, author: result.author });
        } else {
          await put(conflicts, { collectionId, id: result.id, ciphertext: write.ciphertext, deleted: write.deleted });
          if (result.server) {
            const server = result.server;
            await put(records, { collectionId, id: server.id, version: server.version, ciphertext: server.ciphertext, deleted: server.deleted, author: server.author });
          }
        }
      }
    });
    changed = true;
  }
  if (rebased) await push(collectionId); // once more: nothing is left to rebase, so this ends
  return changed;
}

const REFUSED = new Set(["not_your_record", "starter_only"]);

/** A link group refused writes that are not this member's to make: drop them, so the rest can go. True if it did. */
async function droppedRefused(collectionId, batch, error) {
  if (!(error instanceof ApiError && error.status === 403 && REFUSED.has(error.body.code) && Array.isArray(error.body.records))) return false;
  const refused = batch.filter((write) => error.body.records.includes(write.id)).map((write) => write.id);
  if (!refused.length) return false; // nothing to drop: going again would meet the same answer
  await transact(["outbox"], "readwrite", async ({ outbox }) => {
    for (const id of refused) await remove(outbox, [collectionId, id]);
  });
  return true;
}

async function pull(collectionId) {
  let changed = false;
  for (;;) {
    const collection = await transact(["collections"], "readonly", ({ collections }) => getOne(collections, collectionId));
    let page;
    try {
      page = await get(`collections/${collectionId}/records/?since=${encodeURIComponent(collection.cursor)}&limit=${PULL_LIMIT}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) {
        // The server's history was reset (a restore): start again from the beginning. Queued edits stay queued.
        await transact(["collections"], "readwrite", ({ collections }) => put(collections, { ...collection, cursor: "" }));
        continue;
      }
      throw error;
    }
    await transact(["collections", "records"], "readwrite", async ({ collections, records }) => {
      for (const r of page.records) {
        await put(records, { collectionId, id: r.id, version: r.version, ciphertext: r.ciphertext, deleted: r.deleted, author: r.author });
      }
      await put(collections, { ...collection, cursor: page.cursor });
    });
    changed ||= page.records.length > 0;
    if (!page.more) return changed;
  }
}

/**
 * One full round: case files and link groups, then push and pull each. Resolves to the ids of those that
 * changed, or that this account is no longer in.
 * Throws ApiError (status 0 when offline); queued edits stay queued for the next round.
 */
/** @param {{idTaken?: (id: string) => Promise<void>}} [options] idTaken moves a case file whose id is someone else's */
export async function syncOnce(options = {}) {
  const { ids, dropped } = await refreshCollections(options);
  const changed = new Set(dropped);
  for (const id of ids) {
    if (await syncCollection(id)) changed.add(id);
  }
  return changed;
}

/** Push then pull one case file or link group. True if anything changed. */
export async function syncCollection(id) {
  const pushed = await push(id);
  return (await pull(id)) || pushed;
}

/** The next retry after `failures` failed rounds: 2 s, 4 s … up to 5 minutes, with jitter. */
export function backoff(failures) {
  const base = Math.min(2000 * 2 ** failures, 300000);
  return base / 2 + Math.random() * (base / 2);
}
