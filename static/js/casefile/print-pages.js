/**
 * What all printed documents share beyond the print style sheet: the top margin of each page
 * (the document's name on the left, the case reference on the right; "Page N of M" is in
 * falseos.css), and a neutral tab title while printing, which the browser offers as the PDF's name.
 */
import { format, gettext } from "../i18n.js";
import { todayInUk } from "./dom.js";
import { onLock } from "./session.js";

/** A CSS string of any text: every character outside a few safe ones as a CSS escape. */
export const cssString = (text) => `"${[...text].map((c) => (/[A-Za-z0-9 .,:/-]/.test(c) ? c : `\\${c.codePointAt(0).toString(16)} `)).join("")}"`;

// A constructed style sheet: the strict CSP forbids inline style, not the CSSOM.
const margins = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, margins];
onLock(() => margins.replaceSync(""));

/** The top margin of every printed page from now on. */
export function setPrintMargins(title, reference = "") {
  margins.replaceSync(`@page { @top-left { content: ${cssString(title)}; } @top-right { content: ${cssString(reference ? format(gettext("Case reference %(reference)s"), { reference }) : "")}; } }`);
}

/** The name a saved PDF is offered: neutral and never translated, like the ZIP's ("falseos-chronology-2026-12-04"). */
const printName = (report) => `falseos-${report.dataset.printName || "export"}-${todayInUk()}`;

let shownTitle = "";
window.addEventListener("beforeprint", () => {
  const report = document.querySelector(".fo-report:not([hidden])");
  if (!report) return;
  shownTitle = document.title;
  document.title = printName(report);
});
window.addEventListener("afterprint", () => {
  if (shownTitle) document.title = shownTitle;
  shownTitle = "";
});
