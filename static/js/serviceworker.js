/* FalseOS service worker, served at /serviceworker.js with scope "/".
 *
 * The guide is cached as one complete set per content version, listed by
 * /offline-manifest.json. Pages are served from that set at once; each visit
 * checks the manifest in the background and, when an editor has published a
 * change, downloads the whole new set before switching to it. A failed or
 * malformed update leaves the previous set in place: never a half-updated guide.
 *
 * The case-file page is an app shell like any other: the case files themselves live
 * encrypted in IndexedDB. API and admin routes are never answered from here.
 */

const MANIFEST_URL = "/offline-manifest.json";
const GUIDE_CACHE_PREFIX = "falseos-guide-v";
const STATE_CACHE = "falseos-state";
const STATE_KEY = "/__falseos/offline-state";
const NEVER_CACHED = [/^\/api\//, /^\/admin\//, /^\/links\//, /^\/accounts\//, /^\/healthz$/];

let updateInFlight = null;
// Whether the server answered the last check for a new version: null until one has run. navigator.onLine says
// true whenever there is a network at all, so pages ask this too before saying they are online.
let serverReachable = null;

async function readState() {
  const cache = await caches.open(STATE_CACHE);
  const response = await cache.match(STATE_KEY);
  return response ? response.json() : null;
}

async function writeState(state) {
  const cache = await caches.open(STATE_CACHE);
  await cache.put(STATE_KEY, new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
}

function isValidManifest(manifest) {
  const isUrlList = (list) => Array.isArray(list) && list.every((url) => typeof url === "string" && url.startsWith("/"));
  return (
    manifest !== null &&
    typeof manifest === "object" &&
    Number.isInteger(manifest.version) &&
    typeof manifest.build === "string" &&
    typeof manifest.updated === "string" &&
    typeof manifest.offline_url === "string" &&
    isUrlList(manifest.pages) &&
    isUrlList(manifest.assets) &&
    manifest.pages.length > 0
  );
}

async function fetchManifest() {
  let response;
  try {
    response = await fetch(MANIFEST_URL, { cache: "no-store", credentials: "omit" });
  } catch (error) {
    setServerReachable(false);
    throw error;
  }
  setServerReachable(true);
  if (!response.ok) throw new Error(`offline manifest answered ${response.status}`);
  const manifest = await response.json();
  if (!isValidManifest(manifest)) throw new Error("offline manifest is malformed");
  return manifest;
}

/* Download every page and asset of one content version (of one release) into a fresh cache.
 * Only when all of them arrive does it become the current version. */
async function saveVersion(manifest) {
  const cacheName = `${GUIDE_CACHE_PREFIX}${manifest.version}-${manifest.build}`;
  await caches.delete(cacheName); // an earlier attempt may have stopped half-way
  const cache = await caches.open(cacheName);
  const urls = [...new Set([...manifest.assets, ...manifest.pages, manifest.offline_url])];
  try {
    // Cookies are left out so the saved guide is the public one, never a staff preview.
    await cache.addAll(urls.map((url) => new Request(url, { cache: "reload", credentials: "omit" })));
  } catch (error) {
    await caches.delete(cacheName);
    throw error;
  }
  const state = { version: manifest.version, build: manifest.build, updated: manifest.updated, cacheName, offlineUrl: manifest.offline_url };
  await writeState(state);
  await deleteOtherGuideCaches(cacheName);
  return state;
}

async function deleteOtherGuideCaches(keep) {
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(GUIDE_CACHE_PREFIX) && name !== keep).map((name) => caches.delete(name)),
  );
}

async function broadcast(message) {
  const clients = await self.clients.matchAll({ includeUncontrolled: true, type: "window" });
  for (const client of clients) client.postMessage(message);
}

function setServerReachable(reachable) {
  if (serverReachable === reachable) return;
  serverReachable = reachable;
  broadcast({ type: "falseos:server-reachable", reachable });
}

/* Fetch the manifest; if the content version or the release changed, save the new set.
 * Concurrent callers share one check. */
function checkForUpdate() {
  if (updateInFlight) return updateInFlight;
  updateInFlight = (async () => {
    try {
      const [manifest, state] = await Promise.all([fetchManifest(), readState()]);
      const same = state && state.version === manifest.version && state.build === manifest.build;
      if (same && (await caches.has(state.cacheName))) return state;
      const saved = await saveVersion(manifest);
      await broadcast({ type: "falseos:offline-updated", state: saved });
      return saved;
    } catch (error) {
      // Offline, or a broken manifest: keep serving what we have.
      return null;
    } finally {
      updateInFlight = null;
    }
  })();
  return updateInFlight;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await saveVersion(await fetchManifest());
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const state = await readState();
      if (state) await deleteOtherGuideCaches(state.cacheName);
      await self.clients.claim();
    })(),
  );
});

async function fromGuideCache(request) {
  const state = await readState();
  if (!state) return undefined;
  const cache = await caches.open(state.cacheName);
  // Pages vary on Cookie; the saved copies were fetched without cookies on purpose.
  return cache.match(request, { ignoreVary: true });
}

async function offlinePage() {
  const state = await readState();
  if (!state) return Response.error();
  const cache = await caches.open(state.cacheName);
  return (await cache.match(state.offlineUrl, { ignoreVary: true })) || Response.error();
}

async function respond(event) {
  const cached = await fromGuideCache(event.request);
  if (cached) {
    // Stale-while-revalidate, a whole content version at a time.
    if (event.request.mode === "navigate") event.waitUntil(checkForUpdate());
    return cached;
  }
  try {
    return await fetch(event.request);
  } catch (error) {
    if (event.request.mode === "navigate") return offlinePage();
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === MANIFEST_URL || url.pathname === "/serviceworker.js") return;
  if (NEVER_CACHED.some((pattern) => pattern.test(url.pathname))) return;
  event.respondWith(respond(event));
});

self.addEventListener("message", (event) => {
  const reply = (message) => event.source && event.source.postMessage(message);
  if (event.data?.type === "falseos:offline-status") {
    // A page opened from the cache started a check for a new version: its answer says whether the server is there.
    const status = async () => {
      await updateInFlight;
      reply({ type: "falseos:offline-status", state: await readState(), reachable: serverReachable });
    };
    event.waitUntil(status());
  } else if (event.data?.type === "falseos:offline-check") {
    event.waitUntil(checkForUpdate().then((state) => reply({ type: "falseos:offline-checked", state })));
  }
});
