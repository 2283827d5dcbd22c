/**
 * Registers the service worker that keeps the guide for offline use, and asks
 * the browser to keep that copy (some browsers evict data of sites not visited
 * for a week unless storage is persistent or the app is installed).
 */

/**
 * @returns {Promise<ServiceWorkerRegistration | null>}
 */
export async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return null;
  try {
    const registration = await navigator.serviceWorker.register("/serviceworker.js", { scope: "/" });
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().catch(() => {});
    }
    return registration;
  } catch (error) {
    return null;
  }
}
