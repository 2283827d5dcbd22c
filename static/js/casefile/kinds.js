/**
 * Every kind of record a case file or a link group holds, named once. The kind is inside the
 * encrypted record, so the server never learns it; a misspelt kind would silently hide entries.
 */
export const KIND = Object.freeze({
  details: "details",
  diary: "diary",
  evidence: "evidence",
  reference: "reference",
  rung: "rung",
  link: "link",
  exhibits: "exhibits", // the initials for exhibit references: one record per case file
  custody: "custody", // one line of the chain of custody, or a note on one: never changed once saved
  // Link-group records only.
  member: "member",
  note: "note",
});

/** The items of one kind. */
export const ofKind = (items, kind) => items.filter((item) => item.kind === kind);
