// The chain of custody (static/js/casefile/custody.js): lines in time order, notes on the line they
// are about, never in place of it, and anything malformed left out.
import assert from "node:assert/strict";
import { test } from "node:test";

import { custodyLine, custodyLog, custodyNote, custodyOf, custodyRecord, noteLine } from "../../static/js/casefile/custody.js";

const withId = (id, record) => ({ id, ...record });

test("a line says when, what and how, with the exhibits it carried", () => {
  const line = withId("a", custodyRecord("Chronology", "printed or saved as PDF", ["f1", "f2"], "2026-12-04T14:05:00.000Z"));
  assert.equal(custodyLine({ ...line, notes: [] }, new Map([["f1", "AB/1"], ["f2", "AB/2"]])), "4 December 2026, 14:05: Chronology, printed or saved as PDF (AB/1, AB/2)");
  assert.equal(custodyLine({ ...line, notes: [] }, new Map()), "4 December 2026, 14:05: Chronology, printed or saved as PDF");
});

test("the log is in time order, and each note sits under the line it is about", () => {
  const items = [
    withId("n1", custodyNote("zip", "Given to PC 1234 at Kent Police", "2026-12-05T09:30:00.000Z")),
    withId("zip", custodyRecord("ZIP file", "downloaded", ["f1"], "2026-12-04T15:00:00.000Z")),
    withId("pdf", custodyRecord("Exhibit list", "printed or saved as PDF", ["f1", "f2"], "2026-06-01T08:00:00.000Z")), // British Summer Time
    withId("n0", custodyNote("zip", "Correction: it was PC 1243", "2026-12-06T10:00:00.000Z")),
    { id: "d", kind: "diary", date: "2026-03-03" },
  ];
  const log = custodyLog(items);
  assert.deepEqual(log.map((line) => line.id), ["pdf", "zip"]);
  assert.deepEqual(log[1].notes.map(noteLine), ["Note added 5 December 2026, 09:30: Given to PC 1234 at Kent Police", "Note added 6 December 2026, 10:00: Correction: it was PC 1243"]);
  assert.equal(custodyLine(log[0], new Map()), "1 June 2026, 09:00: Exhibit list, printed or saved as PDF");
  assert.deepEqual(custodyOf(log, "f2").map((line) => line.id), ["pdf"]);
});

test("malformed records and notes about no line are left out", () => {
  const items = [
    { id: "x", kind: "custody", what: "No time" },
    { id: "y", kind: "custody", at: "2026-12-04T15:00:00.000Z", what: "ZIP file", format: "downloaded", exhibits: "f1" },
    withId("n", custodyNote("gone", "About a line that is not there", "2026-12-05T09:30:00.000Z")),
  ];
  const log = custodyLog(items);
  assert.deepEqual(log.map((line) => line.id), ["y"]);
  assert.deepEqual(log[0].exhibits, []);
  assert.deepEqual(log[0].notes, []);
});
