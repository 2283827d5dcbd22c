/**
 * The course of conduct, counted on this device: incidents in time order, the pattern they make
 * (occasions, separate days, incidents per ISO week and per platform) and exhibit references.
 * Pure functions of the decrypted items, so they are unit-tested in Node (tests/js/chronology.test.mjs).
 */
import { format, gettext, ngettext } from "../i18n.js";
import { addDays, formatDate } from "./dom.js";
import { KIND } from "./kinds.js";

const whenOf = (entry) => `${entry.date}T${entry.time || "00:00"}`;

/** Diary entries with a date, oldest first: each one an occasion. */
export const incidents = (items) => items.filter((item) => item.kind === KIND.diary && item.date).sort((a, b) => whenOf(a).localeCompare(whenOf(b)));

/** The Monday of the ISO week a date falls in, as YYYY-MM-DD. */
export function weekStart(isoDate) {
  const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(isoDate, -((day + 6) % 7));
}

/** The ISO 8601 week of a date: "2026-W10". The year is the year of the week's Thursday. */
export function isoWeek(isoDate) {
  const thursday = addDays(weekStart(isoDate), 3);
  const january4 = `${thursday.slice(0, 4)}-01-04`;
  const week = 1 + Math.round((Date.parse(weekStart(thursday)) - Date.parse(weekStart(january4))) / (7 * 86400000));
  return `${thursday.slice(0, 4)}-W${String(week).padStart(2, "0")}`;
}

/** The first date of "between 3 March and 28 May 2026": without its year when the last date has the same one. */
function firstOf(first, last) {
  const from = formatDate(first);
  return first.slice(0, 4) === last.slice(0, 4) ? from.replace(/ \d{4}$/, "") : from;
}

/** The plain sentence for the top of the chronology. */
export function patternSentence({ count, days, first, last }) {
  if (!count) return gettext("No incidents are recorded in the diary yet.");
  if (days === 1) return format(ngettext("%(count)s incident on %(date)s", "%(count)s incidents on %(date)s", count), { count, date: formatDate(first) });
  // Translators: %(days)s is "9 separate days", translated on its own. "12 incidents on 9 separate days between 3 March and 28 May 2026"
  const sentence = ngettext("%(count)s incident on %(days)s between %(first)s and %(last)s", "%(count)s incidents on %(days)s between %(first)s and %(last)s", count);
  const separateDays = format(ngettext("%(count)s separate day", "%(count)s separate days", days), { count: days });
  return format(sentence, { count, days: separateDays, first: firstOf(first, last), last: formatDate(last) });
}

/**
 * The pattern the incidents make.
 * @param {object[]} entries diary entries, in any order
 * @returns {{count: number, days: number, first: string, last: string, sentence: string,
 *   perWeek: {week: string, start: string, count: number}[], perPlatform: {platform: string, count: number}[]}}
 *   perWeek has every week from the first to the last, empty weeks included, so the gaps show.
 */
export function pattern(entries) {
  const sorted = incidents(entries);
  const dates = sorted.map((entry) => entry.date);
  const summary = { count: sorted.length, days: new Set(dates).size, first: dates[0] || "", last: dates.at(-1) || "", perWeek: [], perPlatform: [] };
  summary.sentence = patternSentence(summary);
  if (!sorted.length) return summary;
  const weekly = new Map();
  for (let start = weekStart(summary.first); start <= summary.last; start = addDays(start, 7)) weekly.set(start, 0);
  for (const date of dates) weekly.set(weekStart(date), weekly.get(weekStart(date)) + 1);
  summary.perWeek = [...weekly].map(([start, count]) => ({ week: isoWeek(start), start, count }));
  const platforms = new Map();
  for (const entry of sorted) {
    const name = entry.platform || gettext("Not recorded");
    platforms.set(name, (platforms.get(name) || 0) + 1);
  }
  summary.perPlatform = [...platforms].map(([platform, count]) => ({ platform, count })).sort((a, b) => b.count - a.count || a.platform.localeCompare(b.platform));
  return summary;
}

/** Initials for exhibit references: letters only, upper case, at most four; "" if there are none. */
export const cleanInitials = (text) => String(text || "").toUpperCase().replace(/[^A-Z]/g, "").slice(0, 4);

/**
 * Exhibit references in the order given: "AB/1", "AB/2"… Without initials, "EX/1".
 * @param {{id: string}[]} files each file's metadata, in exhibit order
 * @returns {Map<string, string>} file id -> reference
 */
export function exhibitReferences(files, initials) {
  const prefix = cleanInitials(initials) || "EX";
  return new Map(files.map((meta, index) => [meta.id, `${prefix}/${index + 1}`]));
}

/**
 * What links incidents and exhibits, both ways, through each evidence item's diary entries.
 * @param {object[]} items the case file's items
 * @param {{item: object, meta: object}[]} files the exported files, in exhibit order
 * @returns {{exhibitsOf: Map<string, string[]>, incidentsOf: Map<string, string[]>}}
 *   diary id -> file ids, and file id -> diary ids (in time order)
 */
export function links(items, files) {
  const order = incidents(items).map((entry) => entry.id);
  const exhibitsOf = new Map(order.map((id) => [id, []]));
  const incidentsOf = new Map();
  for (const { item, meta } of files) {
    const ids = order.filter((id) => (item.diaryIds || []).includes(id));
    incidentsOf.set(meta.id, ids);
    for (const id of ids) exhibitsOf.get(id).push(meta.id);
  }
  return { exhibitsOf, incidentsOf };
}

/**
 * The reference numbers an incident was reported under, with who gave them when the reference
 * log has the same number: "CAD-777 (101 non-emergency police phone line)".
 */
export function reportedUnder(entry, references) {
  if (!entry.reported || !entry.reference) return [];
  return entry.reference
    .split(/[,;]\s*/)
    .map((number) => number.trim())
    .filter(Boolean)
    .map((number) => {
      const known = references.find((reference) => reference.reference === number);
      return known?.agencyLabel ? `${number} (${known.agencyLabel})` : number;
    });
}

/** The reference number to run along the top of printed pages: the first police one, else the first. */
export function caseReference(references) {
  const byDate = [...references].sort((a, b) => (a.date || "").localeCompare(b.date || ""));
  const police = byDate.find((reference) => /police|101|999/i.test(reference.agencyLabel || ""));
  return (police || byDate[0])?.reference || "";
}
