/**
 * What a link-group record may hold, checked before any of it is drawn (DESIGN.md, "Threat model").
 *
 * Another member's device may be the harasser's, sending whatever it likes. A record that is not
 * one of the known kinds, with the known fields of the known types, is not shown: the group page
 * counts it instead, and carries on.
 */

const NAME_CHARS = 100;
const FIELD_CHARS = 500;
const TEXT_CHARS = 20000;
const DAY_MS = 24 * 60 * 60 * 1000;

const isText = (value, most) => typeof value === "string" && value.length <= most;
const isFilled = (value, most) => isText(value, most) && value.trim() !== "";
/** Optional fields may be missing; when there, they are text. */
const isOptional = (value, most) => value === undefined || value === null || isText(value, most);
const orEmpty = (value) => (typeof value === "string" ? value : "");

/** A real calendar date as YYYY-MM-DD, from 1900 up to tomorrow (a report cannot be dated later). */
export function isReportDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const moment = Date.UTC(year, month - 1, day);
  const date = new Date(moment);
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && moment <= Date.now() + DAY_MS;
}

const isMoment = (value) => value === undefined || (isText(value, 40) && !Number.isNaN(Date.parse(value)));

const READERS = {
  details: (value) => (isFilled(value.name, FIELD_CHARS) ? { name: value.name } : null),
  member: (value) => (isFilled(value.displayName, NAME_CHARS) ? { displayName: value.displayName.trim() } : null),
  note: (value) => (isText(value.text, TEXT_CHARS) ? { text: value.text } : null),
  reference(value) {
    const fine =
      isFilled(value.agencyLabel, FIELD_CHARS) &&
      isFilled(value.reference, FIELD_CHARS) &&
      (value.date === "" || value.date === undefined || isReportDate(value.date)) &&
      ["force", "officer", "statusLabel", "sourceId"].every((name) => isOptional(value[name], FIELD_CHARS));
    if (!fine) return null;
    const { agencyLabel, reference, date, force, officer, statusLabel, sourceId } = value;
    return { agencyLabel, reference, date: orEmpty(date), force: orEmpty(force), officer: orEmpty(officer), statusLabel: orEmpty(statusLabel), sourceId: orEmpty(sourceId) };
  },
};

/**
 * The entry in a decrypted group record, with only the fields the page uses, or null if it is not one.
 * Whose it is comes from the server (`author`), never from the record: a name or note counts only at the
 * id made for its author, and the group's details only at the group's details id.
 * @param {unknown} value the decrypted record
 * @param {{id: string, author: number|null, detailsId: string, ownIds: {member: string, note: string} | null}} where
 * @returns {object|null}
 */
export function readEntry(value, { id, author, detailsId, ownIds }) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const read = Object.hasOwn(READERS, value.kind) ? READERS[value.kind] : null;
  if (!read || !isMoment(value.updated)) return null;
  if (value.kind === "details" ? id !== detailsId : id === detailsId) return null;
  if (value.kind !== "details" && !Number.isInteger(author)) return null; // nobody the server can name wrote it
  if ((value.kind === "member" || value.kind === "note") && ownIds?.[value.kind] !== id) return null;
  const entry = read(value);
  return entry && { kind: value.kind, updated: value.updated, ...entry, memberId: author };
}
