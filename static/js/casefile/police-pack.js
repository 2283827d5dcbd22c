/**
 * The police pack's printed documents, made on this device: the chronology (every incident in
 * time order, with the pattern they make at the top) and the exhibit list (each file with its
 * exhibit reference, fingerprint, timestamp receipt and the incidents it supports).
 */
import { pattern, reportedUnder } from "./chronology.js";
import { custodyLog, custodyOf } from "./custody.js";
import { custodyList } from "./custody-view.js";
import { promptedDetails } from "./diary.js";
import { details, formatDate, h } from "./dom.js";
import { formatReceiptTime } from "./evidence.js";
import { policePack, supportedIncidents } from "./export.js";
import { formatBytes } from "./files.js";
import { countTable, platformChart, weeklyChart } from "./pattern-chart.js";

const when = (entry) => `${formatDate(entry.date)}${entry.time ? `, ${entry.time}` : ""}`;
const prepared = (preparedOn, more) => h("p", { class: "fo-report__meta", text: `Prepared on ${formatDate(preparedOn)} with FalseOS. Dates and times are UK dates and times. ${more}` });

function patternSummary(incidents) {
  const summary = pattern(incidents);
  return [
    h("h2", { class: "fo-heading-l", text: "Pattern of behaviour" }),
    h("p", { class: "fo-pattern__line", "data-pattern-line": true, text: `${summary.sentence}.` }),
    details([
      ["Number of occasions", String(summary.count)],
      ["Separate days", String(summary.days)],
      ["First incident", formatDate(summary.first)],
      ["Last incident", formatDate(summary.last)],
    ]),
    ...(summary.count
      ? [
          h("h3", { class: "fo-heading-s", text: "Incidents per week" }),
          weeklyChart(summary.perWeek),
          countTable("Incidents per week (the same numbers as the chart)", "Week beginning", summary.perWeek.map((week) => [formatDate(week.start), week.count])),
          h("h3", { class: "fo-heading-s", text: "Incidents per platform" }),
          platformChart(summary.perPlatform),
          countTable("Incidents per platform (the same numbers as the chart)", "Platform", summary.perPlatform.map((each) => [each.platform, each.count])),
        ]
      : []),
  ];
}

/**
 * The chronology.
 * @param {object} file an opened case file
 * @param {string} preparedOn today, YYYY-MM-DD
 */
export function buildChronology(file, preparedOn) {
  const pack = policePack(file);
  const entries = pack.incidents.map((entry) => {
    const exhibits = pack.exhibitsOf.get(entry.id).map((fileId) => pack.exhibitRef.get(fileId));
    const under = reportedUnder(entry, pack.references);
    return h(
      "li",
      { class: "fo-report__entry", "data-incident": pack.numberOf.get(entry.id) },
      h("h3", { class: "fo-heading-s", text: `Incident ${pack.numberOf.get(entry.id)}: ${when(entry)}${entry.platform ? ` – ${entry.platform}` : ""}` }),
      details([
        ["Account or handle", entry.handle],
        ["What happened", entry.what],
        ...promptedDetails(entry),
        ["Links", (entry.links || []).join("\n")],
        ["Exhibits", exhibits.join(", ") || "None linked"],
        ["Reported under", under.join(", ") || (entry.reported ? "Reported, no reference number recorded" : "Not reported yet")],
      ]),
    );
  });
  return [
    prepared(preparedOn, "Exhibit references are those of the exhibit list."),
    ...patternSummary(pack.incidents),
    h("h2", { class: "fo-heading-l", text: "Incidents, in time order" }),
    entries.length ? h("ol", { class: "fo-chronology" }, ...entries) : h("p", { text: "Nothing recorded yet." }),
  ];
}

/** What a receipt proves and how to check it, as lines that wrap inside the page. */
function receiptDetails(meta) {
  if (!meta.receipt) return [["Timestamp receipt", "None yet: it is requested when the device is online."]];
  const code = (text) => h("code", { class: "fo-hash", text });
  return [
    ["Timestamp receipt", formatReceiptTime(meta.receipt.time)],
    ["Receipt key id", code(meta.receipt.key_id || "")],
    ["Receipt signature (Ed25519)", code(meta.receipt.signature)],
    ["To verify", h("span", {}, "The signature is over three lines of text, shown here with / between them: ", code(`falseos-receipt-v1 / ${meta.sha256} / ${meta.receipt.time}`), `, checked with the FalseOS receipt key ${meta.receipt.key_id || ""}. HOW-TO-VERIFY.txt in the ZIP shows how.`)],
  ];
}

/**
 * The exhibit list.
 * @param {object} file an opened case file
 * @param {string} preparedOn today, YYYY-MM-DD
 */
export function buildExhibitList(file, preparedOn) {
  const pack = policePack(file);
  const log = custodyLog(file.items);
  const custody = (meta) => {
    const lines = custodyOf(log, meta.id);
    // Every line here carried this exhibit: the others it carried are not listed again.
    return lines.length ? h("ol", { class: "fo-custody" }, ...custodyList(lines, new Map())) : "Not printed or downloaded yet.";
  };
  const exhibits = pack.files.map(({ item, meta, path }) =>
    h(
      "li",
      { class: "fo-exhibits__item", "data-exhibit": pack.exhibitRef.get(meta.id) }, // may break across pages, between rows
      h("h2", { class: "fo-heading-m", text: `${pack.exhibitRef.get(meta.id)}: ${meta.name}` }),
      details([
        ["What it shows", item.description],
        ["Captured", formatDate(item.captured)],
        ["Web address", item.url],
        ["File", `${meta.name} (${meta.type}, ${formatBytes(meta.size)}), in the ZIP as ${path}`],
        ["Incidents it supports", supportedIncidents(pack, meta) || "Not linked to a diary entry"],
        ["SHA-256", h("code", { class: "fo-hash", text: meta.sha256 })],
        ...receiptDetails(meta),
        ["Chain of custody", custody(meta)],
      ]),
    ),
  );
  return [
    prepared(preparedOn, "Each file's SHA-256 fingerprint was taken on the device when it was added. Its timestamp receipt was signed by the FalseOS server, which saw only the fingerprint, never the file."),
    exhibits.length ? h("ol", { class: "fo-exhibits" }, ...exhibits) : h("p", { text: "No evidence files yet." }),
  ];
}
