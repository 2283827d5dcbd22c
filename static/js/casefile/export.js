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
import { format, gettext } from "../i18n.js";
import { around, details, formatDate, h } from "./dom.js";
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

/** "5 March 2026, 14:05 – Incident on Instagram" */
function incidentHeading(item) {
  const when = item.time ? `${formatDate(item.date)}, ${item.time}` : formatDate(item.date);
  return item.platform ? format(gettext("%(when)s – Incident on %(platform)s"), { when, platform: item.platform }) : format(gettext("%(when)s – Incident"), { when });
}

/** "6 March 2026 – Evidence from Instagram" */
function evidenceHeading(item) {
  const date = formatDate(evidenceDate(item));
  return item.platform ? format(gettext("%(date)s – Evidence from %(platform)s"), { date, platform: item.platform }) : format(gettext("%(date)s – Evidence"), { date });
}

function reportedAnswer(item) {
  if (!item.reported) return gettext("Not yet");
  return item.reference ? format(gettext("Yes, reference %(reference)s"), { reference: item.reference }) : gettext("Yes");
}

/** "101 non-emergency police phone line: CAD-777, reported 5 March 2026, Kent Police, PC 1234 (Open)" */
function referenceLine(r) {
  let line = format(gettext("%(agency)s: %(reference)s"), { agency: r.agencyLabel, reference: r.reference });
  if (r.date) line += format(gettext(", reported %(date)s"), { date: formatDate(r.date) });
  if (r.force) line += `, ${r.force}`;
  if (r.officer) line += `, ${r.officer}`;
  if (r.statusLabel) line += format(gettext(" (%(status)s)"), { status: r.statusLabel });
  return line;
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
        h("h3", { class: "fo-heading-s", text: incidentHeading(item) }),
        details([
          [gettext("Account or handle"), item.handle],
          [gettext("What happened"), item.what],
          ...promptedDetails(item),
          [gettext("Links"), item.links.join("\n")],
          [gettext("Reported"), reportedAnswer(item)],
        ]),
      );
    }
    return h(
      "li",
      { class: "fo-report__entry" },
      h("h3", { class: "fo-heading-s", text: evidenceHeading(item) }),
      details([
        [gettext("What it shows"), item.description],
        [gettext("Web address"), item.url],
        [gettext("Captured"), formatDate(item.captured)],
      ]),
      h(
        "ul",
        { class: "fo-report__files" },
        ...(item.files || []).map((meta) =>
          h(
            "li",
            { class: "fo-report__file" },
            thumbnails.get(meta.id) ? h("img", { class: "fo-report__thumbnail", src: thumbnails.get(meta.id), alt: format(gettext("Image: %(name)s"), { name: meta.name }) }) : null,
            h("p", {
              text: format(gettext("Exhibit %(reference)s: %(name)s (%(size)s), saved in the ZIP as %(path)s"), { reference: pack.exhibitRef.get(meta.id), name: meta.name, size: formatBytes(meta.size), path: paths.get(meta.id) }),
            }),
            supportsLine(pack, meta),
            h("p", {}, ...around(gettext("SHA-256: %(fingerprint)s"), "fingerprint", h("code", { class: "fo-hash", text: meta.sha256 }))),
            meta.receipt
              ? h(
                  "p",
                  {},
                  ...around(format(gettext("Timestamp receipt: %(time)s, signature %(signature)s"), { time: formatReceiptTime(meta.receipt.time) }), "signature", h("code", { class: "fo-hash", text: meta.receipt.signature })),
                )
              : h("p", { text: gettext("No timestamp receipt yet.") }),
          ),
        ),
      ),
    );
  });
  const references = pack.references;
  return [
    h("p", {
      class: "fo-report__meta",
      text: format(gettext("Prepared on %(date)s with FalseOS. Dates are UK dates. Each file's SHA-256 fingerprint was taken on the device when it was added."), { date: formatDate(preparedOn) }),
    }),
    h("h2", { class: "fo-heading-l", text: gettext("Reference numbers") }),
    references.length ? h("ul", { class: "fo-report__references" }, ...references.map((r) => h("li", { text: referenceLine(r) }))) : h("p", { text: gettext("None recorded.") }),
    h("h2", { class: "fo-heading-l", text: gettext("Incidents and evidence, in time order") }),
    rows.length ? h("ol", { class: "fo-report__timeline" }, ...rows) : h("p", { text: gettext("Nothing recorded yet.") }),
    h("h2", { class: "fo-heading-l", text: gettext("How to check the files") }),
    h("p", {
      text: gettext(
        "The ZIP export holds every file as it was added, a hashes.sha256 list and the timestamp receipts. In the unzipped folder, the command sha256sum -c hashes.sha256 confirms each file is unchanged. HOW-TO-VERIFY.txt explains how to check a receipt's signature.",
      ),
    }),
  ];
}

/** The incidents a file supports: "Incident 2 (5 March 2026), Incident 5 (…)", or "". */
export function supportedIncidents(pack, meta) {
  const byId = new Map(pack.incidents.map((entry) => [entry.id, entry]));
  return pack.incidentsOf.get(meta.id).map((id) => format(gettext("Incident %(number)s (%(date)s)"), { number: pack.numberOf.get(id), date: formatDate(byId.get(id).date) })).join(", ");
}

function supportsLine(pack, meta) {
  const named = supportedIncidents(pack, meta);
  return named ? h("p", { text: format(gettext("Supports: %(incidents)s"), { incidents: named }) }) : null;
}

export function evidenceCsv(file) {
  const header = [gettext("date"), gettext("kind"), gettext("platform"), gettext("description"), gettext("web address or links"), gettext("reference"), gettext("file"), gettext("sha256"), gettext("receipt time"), gettext("receipt signature"), gettext("receipt key id")];
  const lines = [header];
  const paths = new Map(exportedFiles(file).map(({ meta, path }) => [meta.id, path]));
  for (const item of timeline(file)) {
    if (item.kind === KIND.diary) {
      lines.push([`${item.date}${item.time ? ` ${item.time}` : ""}`, gettext("incident"), item.platform, item.what, item.links.join(" "), item.reference, "", "", "", "", ""]);
    } else {
      const files = item.files?.length ? item.files : [null];
      for (const meta of files) {
        lines.push([evidenceDate(item), gettext("evidence"), item.platform, item.description, item.url, "", meta ? paths.get(meta.id) : "", meta?.sha256 || "", meta?.receipt?.time || "", meta?.receipt?.signature || "", meta?.receipt?.key_id || ""]);
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

/** HOW-TO-VERIFY.txt, for whoever receives the ZIP. Its commands, file names and code stay as they are in any language. */
const howToVerify = () =>
  // Translators: a plain-text file in the ZIP. Keep the commands, file names and the Python code exactly as they are.
  gettext(`How to check this evidence
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
`);

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
  contents["HOW-TO-VERIFY.txt"] = encoder.encode(howToVerify());
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
