/**
 * Views by hash route, so the app shell stays the one cached page /casefile/ and Back works
 * between views. A route holds only random ids (UUIDs) and fixed words, never anything typed:
 * the address and the browser's history are seen by whoever holds the phone.
 */
const ID = "([0-9a-f-]{36})";

/** [pattern, view name, names of the captured parts] */
const ROUTES = [
  ["/", "list"],
  ["/new", "new-casefile"],
  ["/invite", "open-invite"],
  ["/settings", "settings"],
  [`/f/${ID}`, "overview", ["caseFileId"]],
  [`/f/${ID}/diary`, "diary", ["caseFileId"]],
  [`/f/${ID}/diary/new`, "diary-form", ["caseFileId"]],
  [`/f/${ID}/diary/quick`, "quick-log", ["caseFileId"]],
  [`/f/${ID}/diary/${ID}`, "diary-form", ["caseFileId", "itemId"]],
  [`/f/${ID}/evidence`, "evidence", ["caseFileId"]],
  [`/f/${ID}/evidence/new`, "evidence-form", ["caseFileId"]],
  [`/f/${ID}/evidence/${ID}`, "evidence-form", ["caseFileId", "itemId"]],
  [`/f/${ID}/references`, "references", ["caseFileId"]],
  [`/f/${ID}/references/new`, "reference-form", ["caseFileId"]],
  [`/f/${ID}/references/${ID}`, "reference-form", ["caseFileId", "itemId"]],
  [`/f/${ID}/escalation`, "escalation", ["caseFileId"]],
  [`/f/${ID}/escalation/(\\d{1,2})`, "rung-form", ["caseFileId", "itemId"]],
  [`/f/${ID}/linked`, "linked", ["caseFileId"]],
  [`/f/${ID}/linked/new`, "group-form", ["caseFileId"]],
  [`/f/${ID}/linked/${ID}`, "group", ["caseFileId", "itemId"]],
  [`/f/${ID}/linked/${ID}/print`, "group-print", ["caseFileId", "itemId"]],
  [`/f/${ID}/exports`, "exports", ["caseFileId"]],
  [`/f/${ID}/exports/print`, "print", ["caseFileId"]],
  [`/f/${ID}/exports/chronology`, "chronology", ["caseFileId"]],
  [`/f/${ID}/exports/exhibits`, "exhibits", ["caseFileId"]],
  [`/f/${ID}/settings`, "casefile-settings", ["caseFileId"]],
  [`/f/${ID}/settings/deleted`, "recently-deleted", ["caseFileId"]],
].map(([pattern, name, parts = []]) => [new RegExp(`^${pattern}$`), name, parts]);

/**
 * The route a hash names; the case-file list for anything else.
 * @param {string} hash e.g. "#/f/<id>/diary"
 * @returns {{name: string, caseFileId?: string, itemId?: string}}
 */
export function parseRoute(hash) {
  const path = hash.replace(/^#/, "") || "/";
  for (const [pattern, name, parts] of ROUTES) {
    const match = pattern.exec(path);
    if (match) return Object.fromEntries([["name", name], ...parts.map((part, index) => [part, match[index + 1]])]);
  }
  return { name: "list" };
}

/** The hash for a case file's view: casePath(id, "diary", "new") -> "#/f/<id>/diary/new". */
export const casePath = (caseFileId, ...parts) => `#/${["f", caseFileId, ...parts].join("/")}`;

/** Go to a route, adding it to the history (Back returns here). */
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}

/**
 * Put a route in place of the current one, without showing it (the caller does): after a save,
 * Back should not reopen the form.
 */
export function replace(hash) {
  history.replaceState(history.state, "", hash);
}

export const currentRoute = () => parseRoute(location.hash);

/**
 * Call `show(route)` for every route change.
 * @param {(route: ReturnType<typeof parseRoute>) => void} show
 */
export function onRoute(show) {
  window.addEventListener("hashchange", () => show(currentRoute()));
}
