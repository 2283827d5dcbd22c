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
import { adoptServerLimit, limit } from "./limits.js";
import { all, allIn, forgetCollection, get as getOne, put, remove, transact } from "./store.js";

/**
 * How a case file or link group the server lists changes this device's copy of it: the record to
 * keep, or null to leave it be. A link group's keyring is only offered here: links.js takes it on
 * once it opens and keeps every key held before.
 * @param {object|undefined} mine this device's copy, if any
 * @param {object} remote the server's entry (collections/)
 */
export function mergedCollection(mine, remote) {
  const group = { kind: remote.kind, role: remote.role, keyVersion: remote.key_version, groupKeyVersion: remote.group_key_version, rotationNeeded: remote.rotation_needed, offeredKey: remote.wrapped_key };
  if (!mine || mine.removed) return { id: remote.id, cursor: "", onServer: true, wrappedKey: remote.wrapped_key, authorsKept: true, ...group };
  if (remote.kind === "linkgroup" && !mine.authorsKept) return { ...mine, ...group, cursor: "", authorsKept: true }; // pulled again: records now say who wrote them
  if (remote.kind === "linkgroup" && Object.entries(group).some(([name, value]) => mine[name] !== value)) return { ...mine, ...group };
  return null;
}

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
      const merged = mergedCollection(known.get(c.id), c);
      if (merged) await put(collections, merged);
    }
  });
  const onServer = new Set(remote.map((c) => c.id));
  const gone = local.filter((c) => c.kind === "linkgroup" && c.onServer && !c.removed && !onServer.has(c.id));
  for (const group of gone) await forgetCollection(group.id, { id: group.id, kind: group.kind, removed: true, onServer: true });
  return { ids: remote.filter((c) => c.wrapped_key).map((c) => c.id), dropped: gone.map((c) => c.id) };
}

/** The server's copy is an earlier edit of this device (its answer was lost), which the queued edit was made on. */
export const isOwnEarlierEdit = (queued, server) => Boolean(server && !server.deleted && (queued.earlier || []).includes(server.ciphertext));

/**
 * What one push result means for the edit that was sent:
 * "stale"    it was edited again meanwhile: the newer edit stays queued, to go next time;
 * "rebase"   the server's copy is this device's own earlier edit: build on it and send again;
 * "saved"    confirmed; "conflict" someone else changed it first: keep both.
 * @param {object|undefined} current the queued edit now   @param {object} sent the edit as sent   @param {object} result
 */
export function pushOutcome(current, sent, result) {
  if (!current || current.ciphertext !== sent.ciphertext || current.deleted !== sent.deleted) return "stale";
  if (result.status === "conflict" && isOwnEarlierEdit(current, result.server)) return "rebase";
  return result.status === "saved" ? "saved" : "conflict";
}

/** The server refused the number of writes (more than its SYNC_MAX_BATCH: this page may be older than its settings). */
export const batchRefused = (error) =>
  error instanceof ApiError && error.status === 400 && Array.isArray(error.body.writes) && error.body.writes.every((message) => typeof message === "string");

/**
 * The batch size to try after the server refused a push of `size` writes, or null if a smaller one
 * would meet the same answer. Too many writes, or a request too large (413: the body, or the quota,
 * which smaller batches fill as far as it goes), goes again in halves down to one write, so a saved
 * page with an older limit never stops this device syncing. A write the server finds malformed is not split.
 * @param {number} size
 * @param {unknown} error
 */
export function smallerBatch(size, error) {
  if (size <= 1) return null;
  return batchRefused(error) || (error instanceof ApiError && error.status === 413) ? Math.ceil(size / 2) : null;
}

async function push(collectionId) {
  const queued = await transact(["outbox"], "readonly", ({ outbox }) => allIn(outbox, collectionId));
  let changed = false;
  let rebased = false;
  let size = limit("syncMaxBatch");
  for (let start = 0; start < queued.length; start += size) {
    const batch = queued.slice(start, start + size);
    let results;
    try {
      ({ results } = await post(`collections/${collectionId}/records/push/`, {
        writes: batch.map((w) => ({ id: w.id, base_version: w.baseVersion, ciphertext: w.ciphertext, deleted: w.deleted })),
      }));
    } catch (error) {
      const smaller = smallerBatch(batch.length, error);
      if (smaller) {
        size = smaller;
        // A refused count is the server's SYNC_MAX_BATCH, for every batch; a body too large is about these records only.
        if (batchRefused(error)) adoptServerLimit("syncMaxBatch", size);
        start -= size; // this batch again, in smaller pieces
        continue;
      }
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
        const outcome = pushOutcome(current, write, result);
        if (outcome === "stale") continue;
        if (outcome === "rebase") {
          const server = result.server;
          await put(records, { collectionId, id: server.id, version: server.version, ciphertext: server.ciphertext, deleted: server.deleted, author: server.author });
          await put(outbox, { ...current, baseVersion: server.version, earlier: [] });
          rebased = true;
          continue;
        }
        await remove(outbox, key);
        if (outcome === "saved") {
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

/** The ids in `batch` a link group refused as not this member's to write; empty if the error is anything else. */
export function refusedIds(batch, error) {
  if (!(error instanceof ApiError && error.status === 403 && REFUSED.has(error.body.code) && Array.isArray(error.body.records))) return [];
  return batch.filter((write) => error.body.records.includes(write.id)).map((write) => write.id);
}

/** A link group refused writes that are not this member's to make: drop them, so the rest can go. True if it did. */
async function droppedRefused(collectionId, batch, error) {
  const refused = refusedIds(batch, error);
  if (!refused.length) return false; // nothing to drop: going again would meet the same answer
  await transact(["outbox"], "readwrite", async ({ outbox }) => {
    for (const id of refused) await remove(outbox, [collectionId, id]);
  });
  return true;
}

/**
 * The address of one page of changes. With no page size the server uses its own (SYNC_PAGE_SIZE).
 * @param {string} collectionId  @param {string} cursor opaque, "" from the start  @param {number|null} pageSize
 */
export function pullPath(collectionId, cursor, pageSize) {
  const query = new URLSearchParams({ since: cursor });
  if (pageSize) query.set("limit", String(pageSize));
  return `collections/${collectionId}/records/?${query}`;
}

/** The server refused the page size this device asked for: this page is older than its SYNC_PAGE_SIZE. */
export const pageSizeRefused = (error) => error instanceof ApiError && error.status === 400 && "limit" in error.body;

async function pull(collectionId) {
  let changed = false;
  let pageSize = limit("syncPageSize");
  for (;;) {
    const collection = await transact(["collections"], "readonly", ({ collections }) => getOne(collections, collectionId));
    let page;
    try {
      page = await get(pullPath(collectionId, collection.cursor, pageSize));
    } catch (error) {
      if (pageSize && pageSizeRefused(error)) {
        pageSize = null; // let the server choose: asking without a size cannot be refused for it
        adoptServerLimit("syncPageSize", null);
        continue;
      }
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

/**
 * The next retry after `failures` failed rounds: 2 s, 4 s … up to 5 minutes, with jitter, so
 * devices that lost the server together do not all come back at the same moment.
 * @param {number} failures  @param {() => number} [random] in [0, 1)
 */
export function backoff(failures, random = Math.random) {
  const base = Math.min(2000 * 2 ** failures, 300000);
  return base / 2 + random() * (base / 2);
}
