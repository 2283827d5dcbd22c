/**
 * Carries something the person chose on a guide page (the offence finder's answers, a channel)
 * into the case file on this device. It goes through this tab's sessionStorage, never through an
 * address or a request: the browser's history and the server see only "/casefile/".
 *
 * The case file takes it once, at load, and removes it at once, so it is not left lying in the tab.
 */
const CARRY_KEY = "falseos-carry";

/**
 * Keep a value for the case file to pick up in this tab.
 * @param {{kind: "diary"|"reference", [key: string]: unknown}} value
 */
export function carryToCaseFile(value) {
  sessionStorage.setItem(CARRY_KEY, JSON.stringify({ ...value, at: Date.now() }));
}

/** How long a carried value waits for the case file: long enough to unlock, short enough not to linger. */
const CARRY_MAX_AGE_MS = 30 * 60 * 1000;

/**
 * The carried value, once: it is removed from the tab as it is read. Null if none, or too old, or unreadable.
 * @returns {{kind: string, [key: string]: unknown} | null}
 */
export function takeCarried() {
  const raw = sessionStorage.getItem(CARRY_KEY);
  sessionStorage.removeItem(CARRY_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw);
    return value && typeof value.kind === "string" && Date.now() - value.at < CARRY_MAX_AGE_MS ? value : null;
  } catch {
    return null;
  }
}
