/**
 * The police pack's printed documents, made on this device: the chronology (every incident in
 * time order, with the pattern they make at the top) and the exhibit list (each file with its
 * exhibit reference, fingerprint, timestamp receipt and the incidents it supports).
 */
import { pattern, reportedUnder } from "./chronology.js";
import { custodyLog, custodyOf } from "./custody.js";
import { custodyList } from "./custody-view.js";
import { promptedDetails } from "./diary.js";
import { format, gettext } from "../i18n.js";
import { around, details, formatDate, h } from "./dom.js";
import { formatReceiptTime } from "./evidence.js";
import { policePack, supportedIncidents } from "./export.js";
import { formatBytes } from "./files.js";
import { countTable, platformChart, weeklyChart } from "./pattern-chart.js";

const when = (entry) => `${formatDate(entry.date)}${entry.time ? `, ${entry.time}` : ""}`;
const prepared = (preparedOn, more) =>
  h("p", { class: "fo-report__meta", text: `${format(gettext("Prepared on %(date)s with FalseOS. Dates and times are UK dates and times."), { date: formatDate(preparedOn) })} ${more}` });

/** "Incident 3: 5 March 2026, 14:05 – Instagram" */
function incidentHeading(number, entry) {
  if (!entry.platform) return format(gettext("Incident %(number)s: %(when)s"), { number, when: when(entry) });
  return format(gettext("Incident %(number)s: %(when)s – %(platform)s"), { number, when: when(entry), platform: entry.platform });
}

function patternSummary(incidents) {
  const summary = pattern(incidents);
  return [
    h("h2", { class: "fo-heading-l", text: gettext("Pattern of behaviour") }),
    h("p", { class: "fo-pattern__line", "data-pattern-line": true, text: `${summary.sentence}.` }),
    details([
      [gettext("Number of occasions"), String(summary.count)],
      [gettext("Separate days"), String(summary.days)],
      [gettext("First incident"), formatDate(summary.first)],
      [gettext("Last incident"), formatDate(summary.last)],
    ]),
    ...(summary.count
      ? [
          h("h3", { class: "fo-heading-s", text: gettext("Incidents per week") }),
          weeklyChart(summary.perWeek),
          countTable(gettext("Incidents per week (the same numbers as the chart)"), gettext("Week beginning"), summary.perWeek.map((week) => [formatDate(week.start), week.count])),
          h("h3", { class: "fo-heading-s", text: gettext("Incidents per platform") }),
          platformChart(summary.perPlatform),
          countTable(gettext("Incidents per platform (the same numbers as the chart)"), gettext("Platform"), summary.perPlatform.map((each) => [each.platform, each.count])),
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
      h("h3", { class: "fo-heading-s", text: incidentHeading(pack.numberOf.get(entry.id), entry) }),
      details([
        [gettext("Account or handle"), entry.handle],
        [gettext("What happened"), entry.what],
        ...promptedDetails(entry),
        [gettext("Links"), (entry.links || []).join("\n")],
        [gettext("Exhibits"), exhibits.join(", ") || gettext("None linked")],
        [gettext("Reported under"), under.join(", ") || (entry.reported ? gettext("Reported, no reference number recorded") : gettext("Not reported yet"))],
      ]),
    );
  });
  return [
    prepared(preparedOn, gettext("Exhibit references are those of the exhibit list.")),
    ...patternSummary(pack.incidents),
    h("h2", { class: "fo-heading-l", text: gettext("Incidents, in time order") }),
    entries.length ? h("ol", { class: "fo-chronology" }, ...entries) : h("p", { text: gettext("Nothing recorded yet.") }),
  ];
}

/** What a receipt proves and how to check it, as lines that wrap inside the page. */
function receiptDetails(meta) {
  if (!meta.receipt) return [[gettext("Timestamp receipt"), gettext("None yet: it is requested when the device is online.")]];
  const code = (text) => h("code", { class: "fo-hash", text });
  return [
    [gettext("Timestamp receipt"), formatReceiptTime(meta.receipt.time)],
    [gettext("Receipt key id"), code(meta.receipt.key_id || "")],
    [gettext("Receipt signature (Ed25519)"), code(meta.receipt.signature)],
    [
      gettext("To verify"),
      h(
        "span",
        {},
        ...around(
          // Translators: %(message)s is the signed text, shown as code: falseos-receipt-v1 / <fingerprint> / <time>.
          format(gettext("The signature is over three lines of text, shown here with / between them: %(message)s, checked with the FalseOS receipt key %(key)s. HOW-TO-VERIFY.txt in the ZIP shows how."), { key: meta.receipt.key_id || "" }),
          "message",
          code(`falseos-receipt-v1 / ${meta.sha256} / ${meta.receipt.time}`),
        ),
      ),
    ],
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
    return lines.length ? h("ol", { class: "fo-custody" }, ...custodyList(lines, new Map())) : gettext("Not printed or downloaded yet.");
  };
  const exhibits = pack.files.map(({ item, meta, path }) =>
    h(
      "li",
      { class: "fo-exhibits__item", "data-exhibit": pack.exhibitRef.get(meta.id) }, // may break across pages, between rows
      h("h2", { class: "fo-heading-m", text: format(gettext("%(reference)s: %(name)s"), { reference: pack.exhibitRef.get(meta.id), name: meta.name }) }),
      details([
        [gettext("What it shows"), item.description],
        [gettext("Captured"), formatDate(item.captured)],
        [gettext("Web address"), item.url],
        [gettext("File"), format(gettext("%(name)s (%(type)s, %(size)s), in the ZIP as %(path)s"), { name: meta.name, type: meta.type, size: formatBytes(meta.size), path })],
        [gettext("Incidents it supports"), supportedIncidents(pack, meta) || gettext("Not linked to a diary entry")],
        [gettext("SHA-256"), h("code", { class: "fo-hash", text: meta.sha256 })],
        ...receiptDetails(meta),
        [gettext("Chain of custody"), custody(meta)],
      ]),
    ),
  );
  return [
    prepared(preparedOn, gettext("Each file's SHA-256 fingerprint was taken on the device when it was added. Its timestamp receipt was signed by the FalseOS server, which saw only the fingerprint, never the file.")),
    exhibits.length ? h("ol", { class: "fo-exhibits" }, ...exhibits) : h("p", { text: gettext("No evidence files yet.") }),
  ];
}
