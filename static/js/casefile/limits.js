/**
 * The limits the server enforces, as the case-file page carries them (casefile/limits.py renders
 * them into <script type="application/json" id="falseos-limits">). Never copy one into a module:
 * an operator who changes a setting would leave the device asking for what the server refuses.
 *
 * The page is saved for offline use, so what it carries can be older than the server's settings;
 * sync.js and files.js take the server's refusal as the newer word (see there).
 */

const ELEMENT_ID = "falseos-limits";

let held = null;

/**
 * Parse the limits out of a page. Separate from `limit` so it can be given any document.
 * @param {{getElementById: (id: string) => ({textContent: string} | null)}} doc
 * @returns {Readonly<Record<string, number|string>>}
 */
export function readLimits(doc) {
  const element = doc.getElementById(ELEMENT_ID);
  if (!element) throw new Error(`The case-file page has no #${ELEMENT_ID}: casefile/views.py renders the server's limits into it.`);
  return Object.freeze(JSON.parse(element.textContent));
}

/**
 * One limit by name, read from the page the first time any is asked for.
 * @param {"syncPageSize"|"syncMaxBatch"|"blobChunkBytes"|"blobMaxBytes"|"fileMaxBytes"|"minPassphraseLength"|"usernamePattern"} name
 * @returns {any}
 */
export function limit(name) {
  held ||= readLimits(document);
  if (!(name in held)) throw new Error(`The case-file page carries no limit called "${name}" (see casefile/limits.py, device_limits).`);
  return held[name];
}

/**
 * The server refused what this page says (its settings changed after the page was saved): use what it
 * takes for the rest of the page's life, so each later round does not meet the same refusal first.
 * @param {string} name
 * @param {number|null} value null: leave it to the server (a page size it picks itself)
 */
export function adoptServerLimit(name, value) {
  limit(name);
  held = Object.freeze({ ...held, [name]: value });
}
