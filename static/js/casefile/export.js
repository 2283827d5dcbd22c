/**
 * Exports, made on this device because only it can decrypt: a printable evidence log and a
 * ZIP of the original files with their hashes and receipts, the police pack's spreadsheets
 * (pack-csv.js) and its printed documents (police-pack.js). Nothing from other case files,
 * and nothing is sent anywhere.
 */
import { exhibitReferences, incidents, links } from "./chronology.js";
import { sha256Hex } from "./crypto.js";
import { csv } from "./csv.js";
import { promptedDetails } from "./diary.js";
import { details, formatDate, h } from "./dom.js";
import { evidenceDate, formatReceiptTime } from "./evidence.js";
import { formatBytes } from "./files.js";
import { KIND, ofKind } from "./kinds.js";
import { chronologyCsv, custodyCsv, escalationCsv, exhibitsCsv, referencesCsv } from "./pack-csv.js";

const encoder = new TextEncoder();

/** Diary entries and evidence in the order things happened. */
export function timeline(file) {
  const dated = file.items
    .filter((item) => item.kind === KIND.diary || item.kind === KIND.evidence)
    .map((item) => ({ item, when: item.kind === KIND.diary ? `${item.date}T${item.time || "00:00"}` : `${evidenceDate(item)}T00:00` }));
  return dated.sort((a, b) => a.when.localeCompare(b.when)).map(({ item }) => item);
}

/** A file name that is safe in a ZIP and unique within it. */
export function exportName(index, name) {
  const clean = name.replace(/[^\w.\- ]+/g, "_").replace(/^\.+/, "").slice(0, 100) || "file";
  return `files/${String(index + 1).padStart(3, "0")}-${clean}`;
}

/** Every file of the case file with the name it gets in the export, in time order. */
export function exportedFiles(file) {
  const files = [];
  for (const item of timeline(file).filter((i) => i.kind === KIND.evidence)) {
    for (const meta of item.files || []) files.push({ item, meta, path: exportName(files.length, meta.name) });
  }
  return files;
}

/** Reference numbers in the order they were reported. */
const referencesOf = (file) => ofKind(file.items, KIND.reference).sort((a, b) => (a.date || "").localeCompare(b.date || ""));

/** The initials this case file's exhibit references start with ("" until chosen). */
export const exhibitInitials = (file) => file.items.find((item) => item.kind === KIND.exhibits)?.initials || "";

/**
 * Everything the police pack's documents share: incidents numbered in time order, every file
 * with its exhibit reference and path in the ZIP, and what links the two.
 */
export function policePack(file) {
  const files = exportedFiles(file);
  const list = incidents(file.items);
  return {
    files,
    incidents: list,
    numberOf: new Map(list.map((entry, index) => [entry.id, index + 1])),
    exhibitRef: exhibitReferences(files.map(({ meta }) => meta), exhibitInitials(file)),
    ...links(file.items, files),
    references: referencesOf(file),
    rungs: new Map(ofKind(file.items, KIND.rung).map((rung) => [String(rung.number), rung])),
  };
}

/**
 * The printable evidence log.
 * @param {object} file an opened case file
 * @param {Map<string, string>} thumbnails file id -> object URL of the decrypted image
 */
export function buildReport(file, thumbnails, preparedOn) {
  const pack = policePack(file);
  const paths = new Map(pack.files.map(({ meta, path }) => [meta.id, path]));
  const rows = timeline(file).map((item) => {
    if (item.kind === KIND.diary) {
      return h(
        "li",
        { class: "fo-report__entry" },
        h("h3", { class: "fo-heading-s", text: `${formatDate(item.date)}${item.time ? `, ${item.time}` : ""} – Incident${item.platform ? ` on ${item.platform}` : ""}` }),
        details([
          ["Account or handle", item.handle],
          ["What happened", item.what],
        ...promptedDetails(item),
          ["Links", item.links.join("\n")],
          ["Reported", item.reported ? `Yes${item.reference ? `, reference ${item.reference}` : ""}` : "Not yet"],
        ]),
      );
    }
    return h(
      "li",
      { class: "fo-report__entry" },
      h("h3", { class: "fo-heading-s", text: `${formatDate(evidenceDate(item))} – Evidence${item.platform ? ` from ${item.platform}` : ""}` }),
      details([
        ["What it shows", item.description],
        ["Web address", item.url],
        ["Captured", formatDate(item.captured)],
      ]),
      h(
        "ul",
        { class: "fo-report__files" },
        ...(item.files || []).map((meta) =>
          h(
            "li",
            { class: "fo-report__file" },
            thumbnails.get(meta.id) ? h("img", { class: "fo-report__thumbnail", src: thumbnails.get(meta.id), alt: `Image: ${meta.name}` }) : null,
            h("p", { text: `Exhibit ${pack.exhibitRef.get(meta.id)}: ${meta.name} (${formatBytes(meta.size)}), saved in the ZIP as ${paths.get(meta.id)}` }),
            supportsLine(pack, meta),
            h("p", {}, "SHA-256: ", h("code", { class: "fo-hash", text: meta.sha256 })),
            meta.receipt
              ? h("p", {}, `Timestamp receipt: ${formatReceiptTime(meta.receipt.time)}, signature `, h("code", { class: "fo-hash", text: meta.receipt.signature }))
              : h("p", { text: "No timestamp receipt yet." }),
          ),
        ),
      ),
    );
  });
  const references = pack.references;
  return [
    h("p", { class: "fo-report__meta", text: `Prepared on ${formatDate(preparedOn)} with FalseOS. Dates are UK dates. Each file's SHA-256 fingerprint was taken on the device when it was added.` }),
    h("h2", { class: "fo-heading-l", text: "Reference numbers" }),
    references.length
      ? h("ul", { class: "fo-report__references" }, ...references.map((r) => h("li", { text: `${r.agencyLabel}: ${r.reference}${r.date ? `, reported ${formatDate(r.date)}` : ""}${r.force ? `, ${r.force}` : ""}${r.officer ? `, ${r.officer}` : ""}${r.statusLabel ? ` (${r.statusLabel})` : ""}` })))
      : h("p", { text: "None recorded." }),
    h("h2", { class: "fo-heading-l", text: "Incidents and evidence, in time order" }),
    rows.length ? h("ol", { class: "fo-report__timeline" }, ...rows) : h("p", { text: "Nothing recorded yet." }),
    h("h2", { class: "fo-heading-l", text: "How to check the files" }),
    h("p", { text: "The ZIP export holds every file as it was added, a hashes.sha256 list and the timestamp receipts. In the unzipped folder, the command sha256sum -c hashes.sha256 confirms each file is unchanged. HOW-TO-VERIFY.txt explains how to check a receipt's signature." }),
  ];
}

/** The incidents a file supports: "Incident 2 (5 March 2026), Incident 5 (…)", or "". */
export function supportedIncidents(pack, meta) {
  const byId = new Map(pack.incidents.map((entry) => [entry.id, entry]));
  return pack.incidentsOf.get(meta.id).map((id) => `Incident ${pack.numberOf.get(id)} (${formatDate(byId.get(id).date)})`).join(", ");
}

function supportsLine(pack, meta) {
  const named = supportedIncidents(pack, meta);
  return named ? h("p", { text: `Supports: ${named}` }) : null;
}

export function evidenceCsv(file) {
  const header = ["date", "kind", "platform", "description", "web address or links", "reference", "file", "sha256", "receipt time", "receipt signature", "receipt key id"];
  const lines = [header];
  const paths = new Map(exportedFiles(file).map(({ meta, path }) => [meta.id, path]));
  for (const item of timeline(file)) {
    if (item.kind === KIND.diary) {
      lines.push([`${item.date}${item.time ? ` ${item.time}` : ""}`, "incident", item.platform, item.what, item.links.join(" "), item.reference, "", "", "", "", ""]);
    } else {
      const files = item.files?.length ? item.files : [null];
      for (const meta of files) {
        lines.push([evidenceDate(item), "evidence", item.platform, item.description, item.url, "", meta ? paths.get(meta.id) : "", meta?.sha256 || "", meta?.receipt?.time || "", meta?.receipt?.signature || "", meta?.receipt?.key_id || ""]);
      }
    }
  }
  return csv(lines);
}

/** sha256sum's list for every file in the ZIP but itself; evidence files by the fingerprint taken when they were added. */
async function hashList(contents, known) {
  const lines = [];
  for (const [path, value] of Object.entries(contents)) {
    lines.push(`${known.get(path) || (await sha256Hex(Array.isArray(value) ? value[0] : value))}  ${path}\n`);
  }
  return lines.join("");
}

const HOW_TO_VERIFY = `How to check this evidence
==========================

1. The files are unchanged
   Each evidence file's SHA-256 fingerprint was taken on the person's device when the file was added.
   hashes.sha256 lists every file in this ZIP (the spreadsheets too) with its fingerprint.
   In this folder, run:   sha256sum -c hashes.sha256
   Every line should end in "OK".

2. The files existed at the time shown
   receipts.json holds, for each file, a receipt signed by the FalseOS server: it signed only the
   fingerprint and the time, never the file. The signed message is the UTF-8 text
       falseos-receipt-v1\\n<sha256>\\n<time>
   and the signature is Ed25519, base64-encoded. The server's public key is in receipt-public-key.json
   (also published at /.well-known/falseos-receipt-key.json on the FalseOS site). For example, in Python
   with the "cryptography" package:

       import base64, json
       from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
       key = json.load(open("receipt-public-key.json"))
       public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key["public_key"]))
       for r in json.load(open("receipts.json")):
           message = f"falseos-receipt-v1\\n{r['sha256']}\\n{r['time']}".encode()
           public.verify(base64.b64decode(r["signature"]), message)   # raises if it does not match
           print("OK", r["file"], r["time"])
`;

/**
 * The ZIP bundle's contents: path -> bytes.
 * @param {object} file an opened case file
 * @param {(meta: object) => Promise<Uint8Array>} readBytes the original bytes of a file
 * @param {object|null} publicKey the server's receipt key, if it could be fetched
 * @param {{ladder?: {number: string, title: string}[], statusLabels?: Map<string, string>}} [tracker]
 *   the guide's escalation steps and the words for each status, as the page shows them
 */
export async function zipContents(file, readBytes, publicKey, { ladder = [], statusLabels = new Map() } = {}) {
  const pack = policePack(file);
  const contents = {};
  const receipts = [];
  const known = new Map();
  for (const { meta, path } of pack.files) {
    contents[path] = [await readBytes(meta), { level: 0 }]; // photos and recordings are compressed already
    known.set(path, meta.sha256);
    if (meta.receipt) receipts.push({ file: path, exhibit: pack.exhibitRef.get(meta.id), ...meta.receipt });
  }
  contents["evidence.csv"] = encoder.encode(evidenceCsv(file));
  contents["chronology.csv"] = encoder.encode(chronologyCsv(pack));
  contents["exhibits.csv"] = encoder.encode(exhibitsCsv(pack));
  contents["reference-numbers.csv"] = encoder.encode(referencesCsv(pack));
  contents["escalation.csv"] = encoder.encode(escalationCsv(pack, ladder, statusLabels));
  contents["custody-log.csv"] = encoder.encode(custodyCsv(pack, file.items));
  contents["receipts.json"] = encoder.encode(`${JSON.stringify(receipts, null, 2)}\n`);
  contents["HOW-TO-VERIFY.txt"] = encoder.encode(HOW_TO_VERIFY);
  if (publicKey) contents["receipt-public-key.json"] = encoder.encode(`${JSON.stringify(publicKey, null, 2)}\n`);
  contents["hashes.sha256"] = encoder.encode(await hashList(contents, known));
  return contents;
}

/** The name every export downloads under: the date only, never anything typed. */
export const exportFileName = (today, extension) => `falseos-export-${today}.${extension}`;

export async function buildZip(contents) {
  const { zipSync } = await import("../vendor/fflate-0.8.2.js");
  return zipSync(contents, { level: 6 });
}
