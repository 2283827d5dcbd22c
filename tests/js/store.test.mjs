// Outbox rules (static/js/casefile/store.js, casefiles.js): which version an edit is made on, and what the person sees.
import assert from "node:assert/strict";
import { test } from "node:test";

import { latest } from "../../static/js/casefile/casefiles.js";
import { EARLIER_KEPT, queuedEdit } from "../../static/js/casefile/store.js";

const edit = (ciphertext, deleted = false) => ({ collectionId: "c1", id: "r1", ciphertext, deleted });

test("a new record's first edit is made on version 0", () => {
  const queued = queuedEdit(edit("one"), undefined, undefined, 1000);
  assert.deepEqual(queued, { collectionId: "c1", id: "r1", baseVersion: 0, ciphertext: "one", deleted: false, earlier: [], queuedAt: 1000 });
});

test("an edit of a confirmed record is made on the version the server confirmed", () => {
  assert.equal(queuedEdit(edit("two"), undefined, { version: 4 }).baseVersion, 4);
});

test("editing again before sync keeps the first edit's base version, so the server can still spot a conflict", () => {
  const first = queuedEdit(edit("one"), undefined, { version: 4 });
  // Meanwhile a pull confirmed someone else's version 5: this device's edits were still made on 4.
  const second = queuedEdit(edit("two"), first, { version: 5 });
  assert.equal(second.baseVersion, 4);
  assert.equal(second.ciphertext, "two");
});

test("a replaced edit is remembered, in case it reached the server with its answer lost", () => {
  const first = queuedEdit(edit("one"), undefined, undefined);
  const second = queuedEdit(edit("two"), first, undefined);
  const third = queuedEdit(edit("three"), second, undefined);
  assert.deepEqual(third.earlier, ["one", "two"]);
});

test("a replaced deletion is not remembered as an earlier edit: it has no content to build on", () => {
  const deleted = queuedEdit(edit("", true), queuedEdit(edit("one"), undefined, undefined), undefined);
  assert.deepEqual(queuedEdit(edit("two"), deleted, undefined).earlier, ["one"]);
});

test("only the latest replaced edits are remembered, so the outbox cannot grow without end", () => {
  let queued;
  for (let n = 0; n < EARLIER_KEPT + 15; n++) queued = queuedEdit(edit(`v${n}`), queued, undefined);
  assert.equal(queued.earlier.length, EARLIER_KEPT);
  assert.equal(queued.earlier.at(-1), `v${EARLIER_KEPT + 13}`);
  assert.equal(queued.earlier.includes("v0"), false);
});

test("what the person sees: an edit not yet synced wins over the server's copy, and says it is pending", () => {
  const records = [
    { id: "a", version: 2, ciphertext: "server-a" },
    { id: "b", version: 1, ciphertext: "server-b" },
  ];
  const outbox = [
    { id: "a", baseVersion: 2, ciphertext: "mine-a" },
    { id: "c", baseVersion: 0, ciphertext: "mine-c" },
  ];
  const seen = new Map(latest({ records, outbox }).map((r) => [r.id, r]));
  assert.deepEqual([...seen.keys()].sort(), ["a", "b", "c"]);
  assert.equal(seen.get("a").ciphertext, "mine-a");
  assert.equal(seen.get("a").pending, true);
  assert.equal(seen.get("b").pending, false);
  assert.equal(seen.get("c").pending, true);
});
