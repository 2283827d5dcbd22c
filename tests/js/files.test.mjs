// Evidence uploads (static/js/casefile/files.js): chunk sizes and sizes as people read them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError } from "../../static/js/casefile/api.js";
import { chunkAfterRefusal, formatBytes } from "../../static/js/casefile/files.js";

test("a chunk the server refuses as too large is sent again at the size the server names", () => {
  const refusal = new ApiError(413, { detail: "Send at most 65,536 bytes at a time.", largest: 65536 });
  assert.equal(chunkAfterRefusal(4 * 1024 * 1024, refusal), 65536);
});

test("a refusal that names no smaller size does not change the chunk size, so it cannot loop", () => {
  assert.equal(chunkAfterRefusal(65536, new ApiError(413, { detail: "Send at most 65,536 bytes at a time.", largest: 65536 })), null);
  assert.equal(chunkAfterRefusal(65536, new ApiError(413, { detail: "Your storage is full (1 GB)." })), null);
  assert.equal(chunkAfterRefusal(65536, new ApiError(413, { largest: "lots" })), null);
  assert.equal(chunkAfterRefusal(65536, new ApiError(413, { largest: 0 })), null);
  assert.equal(chunkAfterRefusal(65536, new ApiError(409, { received: 100 })), null);
  assert.equal(chunkAfterRefusal(65536, new ApiError(0)), null);
});

test("file sizes read as people say them", () => {
  assert.equal(formatBytes(900), "900 bytes");
  assert.equal(formatBytes(2048), "2 KB");
  assert.equal(formatBytes(50 * 1024 * 1024), "50.0 MB");
});
