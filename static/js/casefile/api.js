/** Calls to /api/v1/, with the CSRF token Django expects on every unsafe request. */
import { csrfToken, endServerSession } from "../csrf.js";
import { gettext } from "../i18n.js";

export { endServerSession };

const BASE = "/api/v1/";
/**
 * Sent on window when the server answers 401: this device's session has ended (signed out elsewhere, or expired).
 * Its detail.code is the server's reason when it gave one ("passphrase_changed", "account_deleted").
 */
export const SIGNED_OUT_EVENT = "falseos:signed-out";
export const SIGNED_OUT_TEXT = gettext("You are signed out on the server. Unlock again to sign in.");

export class ApiError extends Error {
  /**
   * @param {number} status 0 when the server could not be reached
   * @param {object} body the JSON error from the server, if any
   */
  constructor(status, body = {}) {
    super(ApiError.describe(status, body));
    this.status = status;
    this.body = body;
  }

  get isOffline() {
    return this.status === 0;
  }

  /** The server has no live session for this device: only the passphrase signs it in again. */
  get isSignedOut() {
    return this.status === 401;
  }

  /** One plain sentence for the person using the app. */
  static describe(status, body) {
    if (status === 0) return gettext("You seem to be offline. Your changes are saved on this device.");
    if (status === 401) return ["passphrase_changed", "account_deleted"].includes(body.code) ? body.detail : SIGNED_OUT_TEXT;
    if (typeof body.detail === "string") return body.detail;
    const first = Object.values(body).flat().find((message) => typeof message === "string");
    if (first) return first;
    if (status === 429) return gettext("Too many attempts. Wait a minute and try again.");
    if (status === 413) return gettext("This is too large to upload.");
    return gettext("Something went wrong on our side. Your changes are safe on this device; try again later.");
  }
}

/**
 * How the unlocked account keeps its session usable: `confirm` shows the passphrase again when
 * the server asks for a fresh sign-in; `signInAgain` signs in a device unlocked while offline.
 * Each answers whether it worked. Set by account.js; nothing is set while locked.
 * @type {{confirm: () => Promise<boolean>, signInAgain: () => Promise<boolean>} | null}
 */
let renewer = null;
export const setSessionRenewer = (value) => {
  renewer = value;
};

let renewal = null;

const needsFreshSignIn = (status, body) => status === 403 && body.code === "fresh_sign_in_required";

/** The error for a failed answer; a 401 also tells the app, whichever call met it. */
function failure(status, body) {
  if (status === 401) window.dispatchEvent(signedOutEvent(body));
  return new ApiError(status, body);
}

const signedOutEvent = (body) => new CustomEvent(SIGNED_OUT_EVENT, { detail: { code: body?.code } });

async function ensureCsrfCookie() {
  if (!csrfToken()) await call("GET", "auth/csrf/");
}

/**
 * @param {"GET"|"POST"|"PUT"|"DELETE"} method
 * @param {string} path below /api/v1/
 * @param {object} [body]
 */
export async function call(method, path, body) {
  try {
    return await send(method, path, body);
  } catch (error) {
    if (!(await renewed(error))) throw signalled(error);
    return send(method, path, body).catch((again) => {
      throw signalled(again);
    });
  }
}

/** Whether the session was put right (a fresh sign-in, or the sign-in an offline unlock still owed), so the call can go again. */
async function renewed(error) {
  if (!(error instanceof ApiError) || !renewer) return false;
  const fresh = needsFreshSignIn(error.status, error.body);
  if (!fresh && !error.isSignedOut) return false;
  // Calls that meet the same answer at once (sync, a delete) share one renewal.
  renewal ||= (fresh ? renewer.confirm() : renewer.signInAgain()).catch(() => false).finally(() => {
    renewal = null;
  });
  return renewal;
}

/** A 401 that could not be put right tells the app, whichever call met it. */
function signalled(error) {
  if (error instanceof ApiError && error.isSignedOut) window.dispatchEvent(signedOutEvent(error.body));
  return error;
}

async function send(method, path, body) {
  if (method !== "GET") await ensureCsrfCookie();
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}), "X-CSRFToken": csrfToken() },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0);
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => call("GET", path);
/** A POST that never renews the session itself: for the renewer's own calls. */
export const postOnce = (path, body) => send("POST", path, body);
export const post = (path, body) => call("POST", path, body);
export const put = (path, body) => call("PUT", path, body);
export const remove = (path) => call("DELETE", path);

/** Send raw bytes (an encrypted file chunk). */
export async function putBytes(path, bytes) {
  await ensureCsrfCookie();
  let response;
  try {
    response = await fetch(BASE + path, {
      method: "PUT",
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", "Content-Type": "application/octet-stream", "X-CSRFToken": csrfToken() },
      body: bytes,
    });
  } catch {
    throw new ApiError(0);
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw failure(response.status, data);
  return data;
}

/** Fetch raw bytes (an encrypted file). */
export async function getBytes(path) {
  let response;
  try {
    response = await fetch(BASE + path, { credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) throw failure(response.status, await response.json().catch(() => ({})));
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Create something under an id this device picks. The server answers 404 when the id is already
 * someone else's (as it would for any id that is not yours), so pick a fresh random one and try again.
 * @template T
 * @param {(id: string) => Promise<T>} create makes the request for one id
 * @param {number} [attempts]
 * @returns {Promise<T>}
 */
export async function createWithFreshId(create, attempts = 3) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await create(crypto.randomUUID());
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404) || attempt >= attempts) throw error;
    }
  }
}
