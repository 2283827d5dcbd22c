/**
 * The one lock. Keys and decrypted text live in several modules while the case file is open;
 * each registers what it holds with `onLock`, so `lock()` forgets all of it at once and no
 * module is left out when a new one is added. ui.js registers account.js's lock (the vault key,
 * the auth key, the server session) first.
 *
 * A leaf module on purpose: every module can import it without lengthening the import chains
 * that ManifestStaticFilesStorage has to rewrite (it gives up beyond a few levels).
 */
const forgetters = new Set();

/**
 * Run `forget` whenever the app locks (Lock now, idle, quick exit, sign-out, account deleted).
 * @param {() => void} forget must not throw and must not wait for anything
 */
export function onLock(forget) {
  forgetters.add(forget);
}

/** Drop every key and every decrypted thing in memory, and end the server session. */
export function lock() {
  for (const forget of forgetters) forget();
}
