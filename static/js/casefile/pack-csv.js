/**
 * The police pack as spreadsheets, for the ZIP: the chronology, the exhibit list, the reference
 * numbers, the escalation tracker and the chain of custody. Each takes the pack that export.js's policePack() puts together.
 */
import { format, gettext } from "../i18n.js";
import { csv } from "./csv.js";
import { reportedUnder } from "./chronology.js";
import { custodyLog } from "./custody.js";

/** One row per incident, in time order, with its exhibits and the references it was reported under. */
export function chronologyCsv(pack) {
  const rows = [[gettext("incident"), gettext("date"), gettext("time"), gettext("platform"), gettext("account or handle"), gettext("what happened"), gettext("who else saw it"), gettext("how it affected them"), gettext("what they did about it"), gettext("links"), gettext("exhibits"), gettext("reported under")]];
  for (const entry of pack.incidents) {
    const exhibits = pack.exhibitsOf.get(entry.id).map((fileId) => pack.exhibitRef.get(fileId));
    rows.push([pack.numberOf.get(entry.id), entry.date, entry.time, entry.platform, entry.handle, entry.what, entry.witnesses || "", entry.impact || "", entry.response || "", (entry.links || []).join(" "), exhibits.join(" "), reportedUnder(entry, pack.references).join("; ")]);
  }
  return csv(rows);
}

/** One row per exhibit: what it shows, when it was captured, its fingerprint, receipt and incidents. */
export function exhibitsCsv(pack) {
  const rows = [[gettext("exhibit"), gettext("file in this ZIP"), gettext("what it shows"), gettext("captured"), gettext("sha256"), gettext("receipt time"), gettext("receipt key id"), gettext("receipt signature"), gettext("incidents it supports")]];
  for (const { item, meta, path } of pack.files) {
    const supports = pack.incidentsOf.get(meta.id).map((id) => format(gettext("Incident %(number)s"), { number: pack.numberOf.get(id) }));
    rows.push([pack.exhibitRef.get(meta.id), path, item.description, item.captured, meta.sha256, meta.receipt?.time, meta.receipt?.key_id, meta.receipt?.signature, supports.join("; ")]);
  }
  return csv(rows);
}

export function referencesCsv(pack) {
  const rows = [[gettext("reported to"), gettext("reference number"), gettext("date reported"), gettext("police force"), gettext("officer or unit"), gettext("status"), gettext("notes"), gettext("platform's reply"), gettext("date of the reply")]];
  for (const r of pack.references) rows.push([r.agencyLabel, r.reference, r.date, r.force, r.officer, r.statusLabel, r.notes, r.platformReply, r.platformReplyDate]);
  return csv(rows);
}

/**
 * The escalation tracker, every step of the ladder whether started or not.
 * @param {{number: string, title: string}[]} ladder the guide's steps, as the page shows them
 * @param {Map<string, string>} statusLabels status value -> words
 */
export function escalationCsv(pack, ladder, statusLabels) {
  const rows = [[gettext("step"), gettext("title"), gettext("status"), gettext("date"), gettext("follow up on"), gettext("outcome")]];
  for (const { number, title } of ladder) {
    const rung = pack.rungs.get(String(number));
    rows.push([number, title, statusLabels.get(rung?.status || "not-started") || rung?.status || "", rung?.date, rung?.followUp, rung?.outcome]);
  }
  return csv(rows);
}

/** The chain of custody: one row per print or download, with the notes added to it since. */
export function custodyCsv(pack, items) {
  const rows = [[gettext("time (UTC)"), gettext("what"), gettext("how"), gettext("exhibits"), gettext("notes")]];
  for (const line of custodyLog(items)) {
    const refs = line.exhibits.map((id) => pack.exhibitRef.get(id)).filter(Boolean);
    rows.push([line.at, line.what, line.format, refs.join(" "), line.notes.map((note) => `${note.at}: ${note.note}`).join("; ")]);
  }
  return csv(rows);
}
