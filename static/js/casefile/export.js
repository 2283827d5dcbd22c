/**
 * Exports, made on this device because only it can decrypt: a printable evidence log and a
 * ZIP of the original files with their hashes and receipts. Nothing from other case files,
 * and nothing is sent anywhere.
 */
import { details, formatDate, h } from "./dom.js";
import { evidenceDate, formatReceiptTime } from "./evidence.js";
import { formatBytes } from "./files.js";
import { KIND } from "./kinds.js";

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

/**
 * The printable evidence log.
 * @param {object} file an opened case file
 * @param {Map<string, string>} thumbnails file id -> object URL of the decrypted image
 */
export function buildReport(file, thumbnails, preparedOn) {
  const paths = new Map(exportedFiles(file).map(({ meta, path }) => [meta.id, path]));
  const rows = timeline(file).map((item) => {
    if (item.kind === KIND.diary) {
      return h(
        "li",
        { class: "fo-report__entry" },
        h("h3", { class: "fo-heading-s", text: `${formatDate(item.date)}${item.time ? `, ${item.time}` : ""} – Incident${item.platform ? ` on ${item.platform}` : ""}` }),
        details([
          ["Account or handle", item.handle],
          ["What happened", item.what],
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
            h("p", { text: `${meta.name} (${formatBytes(meta.size)}), saved in the ZIP as ${paths.get(meta.id)}` }),
            h("p", {}, "SHA-256: ", h("code", { class: "fo-hash", text: meta.sha256 })),
            h("p", { text: meta.receipt ? `Timestamp receipt: ${formatReceiptTime(meta.receipt.time)}, signature ${meta.receipt.signature}` : "No timestamp receipt yet." }),
          ),
        ),
      ),
    );
  });
  const references = file.items.filter((item) => item.kind === KIND.reference).sort((a, b) => (a.date || "").localeCompare(b.date || ""));
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

function csvCell(value) {
  let text = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`; // spreadsheets must not run it as a formula
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
  return `${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function hashList(file) {
  return exportedFiles(file).map(({ meta, path }) => `${meta.sha256}  ${path}\n`).join("");
}

const HOW_TO_VERIFY = `How to check this evidence
==========================

1. The files are unchanged
   Each file's SHA-256 fingerprint was taken on the person's device when the file was added.
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
 */
export async function zipContents(file, readBytes, publicKey) {
  const contents = {};
  const receipts = [];
  for (const { meta, path } of exportedFiles(file)) {
    contents[path] = [await readBytes(meta), { level: 0 }]; // photos and recordings are compressed already
    if (meta.receipt) receipts.push({ file: path, ...meta.receipt });
  }
  contents["evidence.csv"] = encoder.encode(evidenceCsv(file));
  contents["hashes.sha256"] = encoder.encode(hashList(file));
  contents["receipts.json"] = encoder.encode(`${JSON.stringify(receipts, null, 2)}\n`);
  contents["HOW-TO-VERIFY.txt"] = encoder.encode(HOW_TO_VERIFY);
  if (publicKey) contents["receipt-public-key.json"] = encoder.encode(`${JSON.stringify(publicKey, null, 2)}\n`);
  return contents;
}

export async function buildZip(contents) {
  const { zipSync } = await import("../vendor/fflate-0.8.2.js");
  return zipSync(contents, { level: 6 });
}
