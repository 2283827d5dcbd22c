/**
 * The "Saved for offline use" / "You are offline" line under the banner.
 * It asks the service worker what it has saved and listens for updates.
 */

import { format, gettext } from "./i18n.js";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/**
 * "4 December 2025" from an ISO date-time.
 * @param {string} iso
 */
export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : dateFormat.format(date);
}

/**
 * The sentence to show for a saved state and connection.
 * @param {{updated: string} | null} state what the service worker has saved
 * @param {boolean} online
 * @param {boolean} justUpdated
 */
export function statusText(state, online, justUpdated = false) {
  if (!state) return online ? "" : gettext("You are offline. This page was not saved for offline use.");
  const date = formatDate(state.updated);
  if (!online) return format(gettext("You are offline — showing the saved guide (last updated %(date)s)."), { date });
  if (justUpdated) return format(gettext("Saved for offline use. The guide has been updated (%(date)s)."), { date });
  return gettext("Saved for offline use. Add FalseOS to your home screen to keep it.");
}

/**
 * @param {HTMLElement} element the status line
 */
export function initOfflineStatus(element) {
  if (!("serviceWorker" in navigator)) return;
  let state = null;
  let justUpdated = false;
  let reachable = null; // what the service worker last heard from the server; null: it has not tried
  const render = () => {
    const online = navigator.onLine && reachable !== false;
    const text = statusText(state, online, justUpdated);
    element.textContent = text;
    element.hidden = text === "";
    element.classList.toggle("fo-offline-status--offline", !online);
  };
  navigator.serviceWorker.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "falseos:offline-updated") justUpdated = true;
    if (message.state) state = message.state;
    if (typeof message.reachable === "boolean") reachable = message.reachable;
    render();
  });
  window.addEventListener("online", () => {
    reachable = null; // the network is back: believe it until a check says otherwise
    render();
  });
  window.addEventListener("offline", render);
  navigator.serviceWorker.ready.then((registration) => {
    const worker = navigator.serviceWorker.controller || registration.active;
    if (worker) worker.postMessage({ type: "falseos:offline-status" });
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    navigator.serviceWorker.controller.postMessage({ type: "falseos:offline-status" });
  });
  render();
}
