/**
 * The chain of custody: every print, PDF and download of the evidence, recorded inside the
 * encrypted case file as its own record. Append-only on the device: nothing here changes or
 * deletes a line; a later note can correct or add to one ("given to PC 1234 at Kent Police").
 */
import { format, gettext } from "../i18n.js";
import { formatMoment } from "./dom.js";
import { KIND } from "./kinds.js";

/**
 * A new line of the log.
 * @param {string} what the document: "Chronology", "Exhibit list", "Evidence log", "ZIP file"
 * @param {string} format how it left the app: "printed or saved as PDF", "downloaded"
 * @param {string[]} exhibits the ids of the files it carried
 */
export const custodyRecord = (what, format, exhibits, at = new Date().toISOString()) => ({ kind: KIND.custody, at, what, format, exhibits });

/** A note on an earlier line: a correction, or who it was given to. */
export const custodyNote = (about, note, at = new Date().toISOString()) => ({ kind: KIND.custody, at, about, note });

/**
 * The log, oldest first: each export with the notes added to it since, in order.
 * Only well-formed records are shown, and only as text.
 * @returns {{id: string, at: string, what: string, format: string, exhibits: string[], notes: {at: string, note: string}[]}[]}
 */
export function custodyLog(items) {
  const records = items.filter((item) => item.kind === KIND.custody && typeof item.at === "string").sort((a, b) => a.at.localeCompare(b.at));
  const lines = records.filter((record) => typeof record.what === "string").map((record) => ({ ...record, exhibits: Array.isArray(record.exhibits) ? record.exhibits : [], notes: [] }));
  const byId = new Map(lines.map((line) => [line.id, line]));
  for (const record of records) if (typeof record.note === "string" && byId.has(record.about)) byId.get(record.about).notes.push({ at: record.at, note: record.note });
  return lines;
}

/** "4 December 2026, 14:05: Chronology, printed or saved as PDF (AB/1, AB/2)". */
export function custodyLine(line, exhibitRef) {
  const refs = line.exhibits.map((id) => exhibitRef.get(id)).filter(Boolean);
  return `${formatMoment(line.at)}: ${line.what}, ${line.format}${refs.length ? ` (${refs.join(", ")})` : ""}`;
}

/** A note as it reads under its line: "Note added 5 December 2026, 09:30: given to PC 1234 at Kent Police". */
export const noteLine = (note) => format(gettext("Note added %(time)s: %(note)s"), { time: formatMoment(note.at), note: note.note });

/** The log's lines that carried one file. */
export const custodyOf = (log, fileId) => log.filter((line) => line.exhibits.includes(fileId));
