/**
 * An invite link (/links/join/<invite-id>#<secret>) carries its secret in the address. This module
 * is main.js's first import, so it runs before any other code on the page: it takes the invite out
 * of the address bar and this tab's history (Back, restored tabs, the recent-apps view) at once,
 * and keeps it only in memory until the case file asks for it.
 *
 * It cannot remove the address from the browser's own history list: the browser writes that down
 * when the page opens, before any script runs. An invite link pasted into the case file
 * (parseInvite) never becomes an address, so it leaves nothing there.
 */
const INVITE_PATH = /^\/links\/join\/([0-9a-f-]{36})\/?$/;
const match = INVITE_PATH.exec(location.pathname);
let invite = match ? { id: match[1], secret: location.hash.slice(1) } : null;
if (match) history.replaceState(null, "", "/casefile/");

/**
 * The invite in a pasted invite link, or null if the text is not one.
 * @param {string} text
 * @returns {{id: string, secret: string} | null}
 */
export function parseInvite(text) {
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const found = INVITE_PATH.exec(url.pathname);
  return found && url.hash.length > 1 ? { id: found[1], secret: url.hash.slice(1) } : null;
}

/**
 * The invite this page was opened with, once: later calls get null, so the secret is not kept longer than needed.
 * @returns {{id: string, secret: string} | null}
 */
export function takeInvite() {
  const taken = invite;
  invite = null;
  return taken;
}
