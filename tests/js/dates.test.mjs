// Dates as a person in England and Wales reads them (static/js/casefile/dom.js, diary.js, group-records.js):
// UK clock time through both changes of the clocks, "4 December 2026", and only real dates.
import assert from "node:assert/strict";
import { test } from "node:test";

import { filterDiary } from "../../static/js/casefile/diary.js";
import { addDays, formatDate, formatMoment, todayInUk, ukDate } from "../../static/js/casefile/dom.js";
import { isReportDate } from "../../static/js/casefile/group-records.js";

test("dates read as GOV.UK writes them: day, month in words, year", () => {
  assert.equal(formatDate("2026-12-04"), "4 December 2026");
  assert.equal(formatDate("2027-01-31"), "31 January 2027");
});

test("something that is not a YYYY-MM-DD date shows as nothing rather than as a wrong date", () => {
  for (const value of ["", null, undefined, "4/12/2026", "2026-12-4", "2026-12-04T10:00"]) assert.equal(formatDate(value), "");
});

test("a moment on 31 March 2027 at 01:30 UK time is in BST: 00:30 UTC", () => {
  assert.equal(formatMoment("2027-03-31T00:30:00Z"), "31 March 2027, 01:30");
});

test("the clocks go forward at 01:00 GMT on 28 March 2027: the minute before is GMT, the minute after BST", () => {
  assert.equal(formatMoment("2027-03-28T00:59:00Z"), "28 March 2027, 00:59");
  assert.equal(formatMoment("2027-03-28T01:00:00Z"), "28 March 2027, 02:00");
});

test("when the clocks go back on 25 October 2026, 01:30 happens twice, an hour apart", () => {
  assert.equal(formatMoment("2026-10-25T00:30:00Z"), "25 October 2026, 01:30"); // BST
  assert.equal(formatMoment("2026-10-25T01:30:00Z"), "25 October 2026, 01:30"); // GMT
  assert.equal(formatMoment("2026-10-25T02:30:00Z"), "25 October 2026, 02:30");
});

test("midnight reads 00:00, never 24:00", () => {
  assert.equal(formatMoment("2026-12-03T00:00:00Z"), "3 December 2026, 00:00");
});

test("just after midnight in summer it is already tomorrow in the UK, while UTC still says today", () => {
  const moment = new Date("2026-06-30T23:30:00Z"); // 00:30 BST on 1 July
  assert.equal(moment.toISOString().slice(0, 10), "2026-06-30");
  assert.equal(ukDate(moment), "2026-07-01");
});

test("in winter the UK date is the UTC date", () => {
  assert.equal(ukDate(new Date("2026-12-31T23:59:00Z")), "2026-12-31");
  assert.equal(ukDate(new Date("2027-01-01T00:00:00Z")), "2027-01-01");
});

test("the UK date does not follow the time zone the device is set to, say while travelling", () => {
  const zone = process.env.TZ;
  process.env.TZ = "Pacific/Kiritimati"; // UTC+14: its date is ahead of the UK's for most of every day
  try {
    const moment = new Date("2026-06-30T12:00:00Z"); // 13:00 in London
    assert.equal(moment.getDate(), 1, "the device's own clock says 1 July");
    assert.equal(ukDate(moment), "2026-06-30");
    assert.equal(formatMoment(moment.toISOString()), "30 June 2026, 13:00");
    assert.equal(todayInUk(), ukDate(new Date()));
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test("a week after a date counts calendar days, even across the change of the clocks and a leap day", () => {
  assert.equal(addDays("2027-03-25", 7), "2027-04-01");
  assert.equal(addDays("2026-10-22", 7), "2026-10-29");
  assert.equal(addDays("2028-02-25", 7), "2028-03-03");
  assert.equal(addDays("2026-12-28", 7), "2027-01-04");
});

test("a date like 31 February is not a real date", () => {
  assert.equal(isReportDate("2026-02-31"), false);
  assert.equal(isReportDate("2027-02-29"), false);
  assert.equal(isReportDate("2024-02-29"), true);
  assert.equal(isReportDate("2026-13-01"), false);
  assert.equal(isReportDate("1899-12-31"), false);
  assert.equal(isReportDate("20 March 2026"), false);
});

test("a report dated after tomorrow is refused, today is accepted", () => {
  assert.equal(isReportDate(ukDate(new Date())), true);
  assert.equal(isReportDate(addDays(ukDate(new Date()), 3)), false);
});

test("diary entries are in the order things happened, an entry without a time first in its day", () => {
  const entry = (id, date, time = "") => ({ id, kind: "diary", date, time, platform: "", handle: "", what: id, reference: "", links: [] });
  const entries = [entry("late", "2026-11-20", "23:10"), entry("next day", "2026-11-21", "00:05"), entry("untimed", "2026-11-20"), entry("morning", "2026-11-20", "09:00")];
  assert.deepEqual(filterDiary(entries, {}).map((e) => e.id), ["untimed", "morning", "late", "next day"]);
});
