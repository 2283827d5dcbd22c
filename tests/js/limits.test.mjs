// Limits from the page (static/js/casefile/limits.js): read from the server's data block, never guessed.
import assert from "node:assert/strict";
import { test } from "node:test";

import { adoptServerLimit, limit, readLimits } from "../../static/js/casefile/limits.js";

const page = (json) => ({ getElementById: (id) => (id === "falseos-limits" && json !== null ? { textContent: json } : null) });

test("the limits are read from the data block the server rendered", () => {
  const limits = readLimits(page('{"syncPageSize": 3, "usernamePattern": "^[a-z]{3,5}$"}'));
  assert.equal(limits.syncPageSize, 3);
  assert.equal(new RegExp(limits.usernamePattern).test("abcd"), true);
  assert.equal(Object.isFrozen(limits), true);
});

test("a page without the server's limits fails at once, saying where they should come from", () => {
  assert.throws(() => readLimits(page(null)), /falseos-limits.*casefile\/views\.py/);
});

test("a limit the page does not carry is an error, never a silent undefined", () => {
  globalThis.document = page('{"syncPageSize": 3}');
  try {
    assert.equal(limit("syncPageSize"), 3);
    assert.throws(() => limit("syncPagesize"), /no limit called "syncPagesize"/);
    adoptServerLimit("syncPageSize", null);
    assert.equal(limit("syncPageSize"), null, "the server's word wins for the rest of the page's life");
    assert.throws(() => adoptServerLimit("nonsense", 1), /no limit called "nonsense"/);
  } finally {
    delete globalThis.document;
  }
});
