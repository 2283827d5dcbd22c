// The course of conduct counted on the device (static/js/casefile/chronology.js): occasions,
// separate days, ISO weeks, platforms, the plain sentence, exhibit references and their links.
import assert from "node:assert/strict";
import { test } from "node:test";

import { caseReference, cleanInitials, exhibitReferences, incidents, isoWeek, links, pattern, patternSentence, reportedUnder, weekStart } from "../../static/js/casefile/chronology.js";

const entry = (id, date, platform = "", time = "", extra = {}) => ({ kind: "diary", id, date, time, platform, what: id, links: [], reported: false, reference: "", ...extra });

// 12 incidents on 9 separate days between 3 March and 28 May 2026, in no particular order.
const TWELVE = [
  entry("i12", "2026-05-28", "Instagram", "22:10"),
  entry("i1", "2026-03-03", "Instagram", "09:00"),
  entry("i2", "2026-03-03", "X", "21:30"),
  entry("i3", "2026-03-05", "Instagram"),
  entry("i4", "2026-03-12", "Email", "08:15"),
  entry("i5", "2026-03-12", "Email", "08:45"),
  entry("i6", "2026-03-12", "X", "23:59"),
  entry("i7", "2026-04-01", "X"),
  entry("i8", "2026-04-02", "Instagram", "12:00"),
  entry("i9", "2026-04-20", ""),
  entry("i10", "2026-05-01", "Instagram", "07:00"),
  entry("i11", "2026-05-27", "X", "18:00"),
];

test("incidents come in time order, date then time, and only diary entries count", () => {
  const items = [...TWELVE, { kind: "evidence", id: "e1", captured: "2026-03-04" }, { kind: "reference", id: "r1" }];
  assert.deepEqual(incidents(items).map((e) => e.id), ["i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i10", "i11", "i12"]);
});

test("the pattern line counts occasions and separate days, with the first and last date", () => {
  const summary = pattern(TWELVE);
  assert.equal(summary.count, 12);
  assert.equal(summary.days, 9);
  assert.equal(summary.first, "2026-03-03");
  assert.equal(summary.last, "2026-05-28");
  assert.equal(summary.sentence, "12 incidents on 9 separate days between 3 March and 28 May 2026");
});

test("the sentence names both years when the incidents cross a new year, and reads right for one", () => {
  assert.equal(patternSentence({ count: 2, days: 2, first: "2025-12-30", last: "2026-01-02" }), "2 incidents on 2 separate days between 30 December 2025 and 2 January 2026");
  assert.equal(patternSentence({ count: 1, days: 1, first: "2026-03-03", last: "2026-03-03" }), "1 incident on 3 March 2026");
  assert.equal(patternSentence({ count: 3, days: 1, first: "2026-03-03", last: "2026-03-03" }), "3 incidents on 3 March 2026");
  assert.equal(pattern([]).sentence, "No incidents are recorded in the diary yet.");
});

test("ISO weeks start on Monday, and the first week of a year is the one with its first Thursday", () => {
  assert.equal(weekStart("2026-03-03"), "2026-03-02"); // a Tuesday
  assert.equal(weekStart("2026-03-08"), "2026-03-02"); // a Sunday
  assert.equal(weekStart("2026-03-09"), "2026-03-09"); // a Monday
  assert.equal(isoWeek("2026-03-03"), "2026-W10");
  assert.equal(isoWeek("2026-01-01"), "2026-W01"); // Thursday 1 January
  assert.equal(isoWeek("2027-01-01"), "2026-W53"); // Friday: still the last week of 2026
  assert.equal(isoWeek("2024-12-30"), "2025-W01"); // Monday: already the first week of 2025
  assert.equal(isoWeek("2026-10-26"), "2026-W44"); // the Monday after the clocks go back
});

test("incidents per week cover every week from the first to the last, empty weeks included", () => {
  const { perWeek } = pattern(TWELVE);
  assert.equal(perWeek.length, 13); // W10 to W22
  assert.deepEqual(perWeek[0], { week: "2026-W10", start: "2026-03-02", count: 3 });
  assert.deepEqual(perWeek[1], { week: "2026-W11", start: "2026-03-09", count: 3 });
  assert.equal(perWeek[2].count, 0);
  assert.deepEqual(perWeek.at(-1), { week: "2026-W22", start: "2026-05-25", count: 2 });
  assert.equal(perWeek.reduce((sum, week) => sum + week.count, 0), 12);
});

test("incidents per platform, most first, with the unrecorded ones named as such", () => {
  assert.deepEqual(pattern(TWELVE).perPlatform, [
    { platform: "Instagram", count: 5 },
    { platform: "X", count: 4 },
    { platform: "Email", count: 2 },
    { platform: "Not recorded", count: 1 },
  ]);
});

test("exhibit references use the initials, cleaned, and number the files in order", () => {
  const files = [{ id: "a" }, { id: "b" }];
  assert.deepEqual([...exhibitReferences(files, "a.b")], [["a", "AB/1"], ["b", "AB/2"]]);
  assert.deepEqual([...exhibitReferences(files, "")], [["a", "EX/1"], ["b", "EX/2"]]);
  assert.equal(cleanInitials("=cmd|x"), "CMDX");
  assert.equal(cleanInitials(" j-p o'neil "), "JPON");
});

test("incidents and exhibits are linked both ways through the evidence's diary entries", () => {
  const photo = { kind: "evidence", id: "e1", diaryIds: ["i3", "i1", "gone"] };
  const call = { kind: "evidence", id: "e2", diaryIds: ["i3"] };
  const files = [{ item: photo, meta: { id: "f1" } }, { item: photo, meta: { id: "f2" } }, { item: call, meta: { id: "f3" } }];
  const { exhibitsOf, incidentsOf } = links([...TWELVE, photo, call], files);
  assert.deepEqual(exhibitsOf.get("i1"), ["f1", "f2"]);
  assert.deepEqual(exhibitsOf.get("i3"), ["f1", "f2", "f3"]);
  assert.deepEqual(exhibitsOf.get("i2"), []);
  assert.deepEqual(incidentsOf.get("f1"), ["i1", "i3"]); // time order; a deleted entry is left out
});

test("an incident's reference numbers say who gave them, when the reference log knows", () => {
  const references = [{ reference: "CAD-1", agencyLabel: "101 non-emergency police phone line" }];
  assert.deepEqual(reportedUnder(entry("a", "2026-03-03", "", "", { reported: true, reference: "CAD-1, RF-9" }), references), ["CAD-1 (101 non-emergency police phone line)", "RF-9"]);
  assert.deepEqual(reportedUnder(entry("b", "2026-03-03", "", "", { reported: false, reference: "CAD-1" }), references), []);
});

test("the running case reference is the first police reference, else the first", () => {
  const refs = [
    { reference: "RHC-2", agencyLabel: "Report Harmful Content", date: "2026-03-01" },
    { reference: "CAD-1", agencyLabel: "101 non-emergency police phone line", date: "2026-03-04" },
  ];
  assert.equal(caseReference(refs), "CAD-1");
  assert.equal(caseReference(refs.slice(0, 1)), "RHC-2");
  assert.equal(caseReference([]), "");
});
