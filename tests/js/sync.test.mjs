// Sync rules (static/js/casefile/sync.js): retry timing, paging, batches, and what each push answer means.
// The whole protocol runs against the real API in tests/casefile/test_sync_random.py and the browser tests.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError } from "../../static/js/casefile/api.js";
import {
  backoff,
  batchRefused,
  isOwnEarlierEdit,
  mergedCollection,
  pageSizeRefused,
  pullPath,
  pushOutcome,
  refusedIds,
  smallerBatch,
} from "../../static/js/casefile/sync.js";

const CAP_MS = 5 * 60 * 1000;

test("the first retry comes within 2 seconds, and each failure at most doubles the wait", () => {
  const highest = (failures) => backoff(failures, () => 0.999999);
  assert.ok(highest(0) <= 2000);
  for (let failures = 1; failures < 12; failures++) assert.ok(highest(failures) <= 2 * highest(failures - 1) + 1);
  assert.ok(highest(5) > highest(1), "it does back off");
});

test("backoff never exceeds its cap of five minutes, however long the server has been away", () => {
  for (const failures of [8, 9, 20, 100, 1000, Number.MAX_SAFE_INTEGER]) {
    for (const draw of [0, 0.5, 0.999999]) {
      const wait = backoff(failures, () => draw);
      assert.ok(Number.isFinite(wait) && wait <= CAP_MS, `${failures} failures, draw ${draw}: ${wait}`);
    }
  }
});

test("backoff is jittered across half its window, so devices that failed together do not return together", () => {
  assert.equal(backoff(3, () => 0), 8000);
  assert.equal(backoff(3, () => 0.999999) > 15999, true);
  const draws = new Set(Array.from({ length: 20 }, () => backoff(4)));
  assert.ok(draws.size > 1);
  for (const wait of draws) assert.ok(wait >= 16000 && wait < 32000);
});

test("a pull asks for the changes after the device's cursor, a page at a time", () => {
  const url = new URL(pullPath("c1", "ab12.7", 3), "https://falseos.test/api/v1/");
  assert.equal(url.pathname, "/api/v1/collections/c1/records/");
  assert.equal(url.searchParams.get("since"), "ab12.7");
  assert.equal(url.searchParams.get("limit"), "3");
});

test("a cursor is sent exactly as the server gave it, however it is spelled", () => {
  const cursor = "epoch:a b&c=d+e/f";
  const url = new URL(pullPath("c1", cursor, 200), "https://falseos.test/api/v1/");
  assert.equal(url.searchParams.get("since"), cursor);
  assert.equal(url.searchParams.get("limit"), "200");
});

test("with no page size the pull leaves the size to the server", () => {
  const url = new URL(pullPath("c1", "", null), "https://falseos.test/api/v1/");
  assert.equal(url.searchParams.get("since"), "");
  assert.equal(url.searchParams.has("limit"), false);
});

test("only the server's refusal of the page size makes the pull drop it", () => {
  assert.equal(pageSizeRefused(new ApiError(400, { limit: ["Ensure this value is less than or equal to 100."] })), true);
  assert.equal(pageSizeRefused(new ApiError(400, { since: ["Not a cursor."] })), false);
  assert.equal(pageSizeRefused(new ApiError(410, { detail: "Start again." })), false);
  assert.equal(pageSizeRefused(new ApiError(0)), false);
  assert.equal(pageSizeRefused(new Error("limit")), false);
});

test("a batch the server says is too many writes goes again in halves, down to one write", () => {
  const tooMany = new ApiError(400, { writes: ["Ensure this field has no more than 100 elements."] });
  let size = 500;
  const sizes = [];
  while ((size = smallerBatch(size, tooMany))) sizes.push(size);
  assert.deepEqual(sizes, [250, 125, 63, 32, 16, 8, 4, 2, 1]);
});

test("a push too large to send goes again in halves", () => {
  assert.equal(smallerBatch(200, new ApiError(413, { detail: "This upload is too large. Send fewer records at a time." })), 100);
});

test("a push refused for one malformed write is not split: every smaller batch holding it would meet the same answer", () => {
  const malformed = new ApiError(400, { writes: { 3: { ciphertext: ["This ciphertext is cut short or empty."] } } });
  assert.equal(batchRefused(malformed), false);
  assert.equal(smallerBatch(10, malformed), null);
  assert.equal(batchRefused(new ApiError(400, { writes: ["Ensure this field has no more than 100 elements."] })), true);
});

test("a push refused for any other reason is not split: splitting would meet the same answer", () => {
  assert.equal(smallerBatch(1, new ApiError(400, { writes: ["Too many."] })), null);
  assert.equal(smallerBatch(10, new ApiError(403, { detail: "Not yours.", code: "not_your_record", records: [] })), null);
  assert.equal(smallerBatch(10, new ApiError(0)), null, "offline: it waits and tries again whole");
  assert.equal(smallerBatch(10, new ApiError(503, { detail: "Try again soon." })), null);
  assert.equal(smallerBatch(10, new TypeError("bug")), null);
});

const sent = { id: "r1", ciphertext: "bmV3", deleted: false, earlier: ["b2xk"] };

test("a saved push result confirms the edit that was sent", () => {
  assert.equal(pushOutcome({ ...sent }, sent, { id: "r1", status: "saved", version: 2 }), "saved");
});

test("an edit made again while its push was on the way stays queued, whatever the answer", () => {
  const edited = { ...sent, ciphertext: "bmV3ZXI=" };
  assert.equal(pushOutcome(edited, sent, { id: "r1", status: "saved", version: 2 }), "stale");
  assert.equal(pushOutcome({ ...sent, deleted: true }, sent, { id: "r1", status: "saved" }), "stale");
  assert.equal(pushOutcome(undefined, sent, { id: "r1", status: "saved" }), "stale");
});

test("a conflict with someone else's change keeps both versions", () => {
  const server = { id: "r1", version: 3, ciphertext: "dGhlaXJz", deleted: false };
  assert.equal(pushOutcome({ ...sent }, sent, { id: "r1", status: "conflict", server }), "conflict");
});

test("a conflict with this device's own earlier edit, whose answer was lost, is built on instead of shown", () => {
  const server = { id: "r1", version: 2, ciphertext: "b2xk", deleted: false };
  assert.equal(isOwnEarlierEdit(sent, server), true);
  assert.equal(pushOutcome({ ...sent }, sent, { id: "r1", status: "conflict", server }), "rebase");
});

test("a deletion on the server is never taken for this device's earlier edit", () => {
  const server = { id: "r1", version: 2, ciphertext: "b2xk", deleted: true };
  assert.equal(isOwnEarlierEdit(sent, server), false);
  assert.equal(pushOutcome({ ...sent }, sent, { id: "r1", status: "conflict", server }), "conflict");
  assert.equal(isOwnEarlierEdit({ ...sent, earlier: undefined }, { ...server, deleted: false }), false);
});

test("a link group's refusal drops only the writes it names, and only for the refusals that cannot change", () => {
  const batch = [{ id: "a" }, { id: "b" }, { id: "c" }];
  const refusal = (code) => new ApiError(403, { detail: "No.", code, records: ["b", "z"] });
  assert.deepEqual(refusedIds(batch, refusal("not_your_record")), ["b"]);
  assert.deepEqual(refusedIds(batch, refusal("starter_only")), ["b"]);
  assert.deepEqual(refusedIds(batch, refusal("fresh_sign_in_required")), []);
  assert.deepEqual(refusedIds(batch, new ApiError(403, { detail: "No.", code: "not_your_record" })), []);
  assert.deepEqual(refusedIds(batch, new ApiError(400, { code: "not_your_record", records: ["b"] })), []);
});

const remoteCaseFile = { id: "c1", kind: "casefile", role: "owner", key_version: 1, group_key_version: 1, rotation_needed: false, wrapped_key: "a2V5" };

test("a case file new to this device is pulled from the start", () => {
  const merged = mergedCollection(undefined, remoteCaseFile);
  assert.equal(merged.cursor, "");
  assert.equal(merged.wrappedKey, "a2V5");
  assert.equal(merged.onServer, true);
});

test("a case file this device already syncs is left as it is, cursor and all", () => {
  const mine = { ...mergedCollection(undefined, remoteCaseFile), cursor: "e.9" };
  assert.equal(mergedCollection(mine, remoteCaseFile), null);
});

test("a link group whose key changed takes the new one but keeps its cursor", () => {
  const group = { ...remoteCaseFile, id: "g1", kind: "linkgroup", role: "member" };
  const mine = { ...mergedCollection(undefined, group), cursor: "e.4" };
  assert.equal(mergedCollection(mine, group), null, "nothing changed");
  const rotated = mergedCollection(mine, { ...group, group_key_version: 2, wrapped_key: "bmV3" });
  assert.equal(rotated.groupKeyVersion, 2);
  assert.equal(rotated.offeredKey, "bmV3");
  assert.equal(rotated.cursor, "e.4");
});

test("a link group pulled before records said who wrote them is pulled again from the start", () => {
  const group = { ...remoteCaseFile, id: "g1", kind: "linkgroup", role: "member" };
  const old = { ...mergedCollection(undefined, group), cursor: "e.4", authorsKept: false };
  const merged = mergedCollection(old, group);
  assert.equal(merged.cursor, "");
  assert.equal(merged.authorsKept, true);
});

test("a case file this device had dropped comes back whole when the account has it again", () => {
  const merged = mergedCollection({ id: "c1", removed: true, cursor: "e.4" }, remoteCaseFile);
  assert.equal(merged.removed, undefined);
  assert.equal(merged.cursor, "");
});
