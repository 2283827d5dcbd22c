/**
 * The police pack as spreadsheets, for the ZIP: the chronology, the exhibit list, the reference
 * numbers, the escalation tracker and the chain of custody. Each takes the pack that export.js's policePack() puts together.
 */
import { csv } from "./csv.js";
import { reportedUnder } from "./chronology.js";
import { custodyLog } from "./custody.js";

/** One row per incident, in time order, with its exhibits and the references it was reported under. */
export function chronologyCsv(pack) {
  const rows = [["incident", "date", "time", "platform", "account or handle", "what happened", "who else saw it", "how it affected them", "what they did about it", "links", "exhibits", "reported under"]];
  for (const entry of pack.incidents) {
    const exhibits = pack.exhibitsOf.get(entry.id).map((fileId) => pack.exhibitRef.get(fileId));
    rows.push([pack.numberOf.get(entry.id), entry.date, entry.time, entry.platform, entry.handle, entry.what, entry.witnesses || "", entry.impact || "", entry.response || "", (entry.links || []).join(" "), exhibits.join(" "), reportedUnder(entry, pack.references).join("; ")]);
  }
  return csv(rows);
}

/** One row per exhibit: what it shows, when it was captured, its fingerprint, receipt and incidents. */
export function exhibitsCsv(pack) {
  const rows = [["exhibit", "file in this ZIP", "what it shows", "captured", "sha256", "receipt time", "receipt key id", "receipt signature", "incidents it supports"]];
  for (const { item, meta, path } of pack.files) {
    const supports = pack.incidentsOf.get(meta.id).map((id) => `Incident ${pack.numberOf.get(id)}`);
    rows.push([pack.exhibitRef.get(meta.id), path, item.description, item.captured, meta.sha256, meta.receipt?.time, meta.receipt?.key_id, meta.receipt?.signature, supports.join("; ")]);
  }
  return csv(rows);
}

export function referencesCsv(pack) {
  const rows = [["reported to", "reference number", "date reported", "police force", "officer or unit", "status", "notes", "platform's reply", "date of the reply"]];
  for (const r of pack.references) rows.push([r.agencyLabel, r.reference, r.date, r.force, r.officer, r.statusLabel, r.notes, r.platformReply, r.platformReplyDate]);
  return csv(rows);
}

/**
 * The escalation tracker, every step of the ladder whether started or not.
 * @param {{number: string, title: string}[]} ladder the guide's steps, as the page shows them
 * @param {Map<string, string>} statusLabels status value -> words
 */
export function escalationCsv(pack, ladder, statusLabels) {
  const rows = [["step", "title", "status", "date", "follow up on", "outcome"]];
  for (const { number, title } of ladder) {
    const rung = pack.rungs.get(String(number));
    rows.push([number, title, statusLabels.get(rung?.status || "not-started") || rung?.status || "", rung?.date, rung?.followUp, rung?.outcome]);
  }
  return csv(rows);
}

/** The chain of custody: one row per print or download, with the notes added to it since. */
export function custodyCsv(pack, items) {
  const rows = [["time (UTC)", "what", "how", "exhibits", "notes"]];
  for (const line of custodyLog(items)) {
    const refs = line.exhibits.map((id) => pack.exhibitRef.get(id)).filter(Boolean);
    rows.push([line.at, line.what, line.format, refs.join(" "), line.notes.map((note) => `${note.at}: ${note.note}`).join("; ")]);
  }
  return csv(rows);
}
