/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the accents and symbols
 * right), CRLF line ends, and cells that would start a formula defused with a leading apostrophe.
 */

export const BOM = "\uFEFF";

export function csvCell(value) {
  let text = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`; // spreadsheets must not run it as a formula
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file's text: the header row, then one row per line. */
export const csv = (rows) => `${BOM}${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
