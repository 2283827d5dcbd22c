/**
 * The account on this device and the keys held in memory while unlocked.
 *
 * The store keeps what unlocking offline needs (salt, wrapped vault key, and the name sealed with
 * the vault key): all useless without the passphrase. The name is readable on this device only if
 * the person chose "Remember my name on this device" (localStorage). Keys live only in `unlocked`,
 * and `lock()` drops them and ends the server session, so a locked phone carries no session anyone
 * could use. While unlocked, the auth key stays in memory too: it answers the server's requests for
 * a fresh sign-in before a delete, and signs in a device that was unlocked offline.
 */
import { ApiError, SIGNED_OUT_EVENT, endServerSession, post, postOnce, setSessionRenewer } from "./api.js";
import {
  deriveFromPassphrase,
  deriveFromRecoveryCode,
  fromBase64,
  open,
  newRecoveryCode,
  newVaultKey,
  normaliseRecoveryCode,
  seal,
  toBase64,
  unwrapVaultKey,
  unwrapVaultKeyBytes,
  vaultKeyFromBytes,
  wrapVaultKey,
} from "./crypto.js";
import { ensureIdentity, forgetPrivateKey, rememberIdentity } from "./identity.js";
import { limit } from "./limits.js";
import { REMEMBERED_NAME_KEY, readMeta, wipe, writeMeta } from "./store.js";
import { format, gettext } from "../i18n.js";

const ACCOUNT = "account";
const NAME_LABEL = new TextEncoder().encode("falseos account name v1");
const OTHER_ACCOUNT = gettext(
  "That name does not match the account on this device. Check it and try again. To use a different account, first remove this one from this device.",
);
const minPassphraseLength = () => limit("minPassphraseLength");
const GOOD_PASSPHRASE_LENGTH = 15;
const COMMON_PASSPHRASES_URL = "/casefile/common-passphrases.txt";
/** The code the server gives a session it ended because the passphrase changed on another device. */
export const PASSPHRASE_CHANGED = "passphrase_changed";
/** The code for a session ended because the account was deleted on another device. */
export const ACCOUNT_DELETED = "account_deleted";
export const PASSPHRASE_CHANGED_TEXT = gettext("The passphrase for this account was changed on another device. Enter the new one.");
const WRONG_PASSPHRASE = gettext("That passphrase is not right. Check it and try again.");
const PASSPHRASE_CHANGED_OFFLINE = gettext(
  "The passphrase for this account was changed on another device. You need a connection to unlock with the new one.",
);

/** @type {{username: string, vaultKey: CryptoKey, authKey: Uint8Array, signInPending: boolean} | null} */
let unlocked = null;
/** The last request to end the server session, which a new sign-in waits for. */
let ending = Promise.resolve();

export class AccountError extends Error {
  /** @param {string} field the form field the message belongs to */
  constructor(field, message) {
    super(message);
    this.field = field;
  }
}

export const current = () => unlocked;
export const savedAccount = () => readMeta(ACCOUNT);

/**
 * The name to show on the lock screen: only if the person chose to remember it on this device
 * (or the device saved it before names were sealed, until the next unlock). Otherwise "".
 */
export async function rememberedName() {
  return localStorage.getItem(REMEMBERED_NAME_KEY) || (await savedAccount())?.username || "";
}

function rememberName(username, remember) {
  if (remember) localStorage.setItem(REMEMBERED_NAME_KEY, username);
  else localStorage.removeItem(REMEMBERED_NAME_KEY);
}

/** Keep what unlocking offline needs. The name is sealed with the vault key: nobody reads it here without the passphrase. */
async function saveAccount(vaultKey, username, { salt, iterations, wrappedVaultKey }) {
  const sealedName = toBase64(await seal(vaultKey, new TextEncoder().encode(username), NAME_LABEL));
  await writeMeta(ACCOUNT, { salt, iterations, wrappedVaultKey, sealedName });
}

/** Whether the account saved on this device has this name. */
async function isSavedName(saved, vaultKey, username) {
  if (typeof saved.username === "string") return saved.username === username; // saved before names were sealed
  try {
    return new TextDecoder().decode(await open(vaultKey, fromBase64(saved.sealedName), NAME_LABEL)) === username;
  } catch {
    return false;
  }
}

let commonPassphrases = null;

/** The common passphrases list (the one Django uses), fetched once; empty if it cannot be reached. */
async function isCommon(passphrase) {
  commonPassphrases ||= fetch(COMMON_PASSPHRASES_URL, { credentials: "omit" })
    .then((response) => (response.ok ? response.text() : ""))
    .then((text) => new Set(text.split("\n")))
    .catch(() => new Set());
  const list = await commonPassphrases;
  return list.has(passphrase.toLowerCase().trim()) || list.has(passphrase.toLowerCase().replace(/\s+/g, ""));
}

/**
 * A clear reason the passphrase will not do, or "" if it will. Length and a check against
 * common passphrases; no rules about kinds of characters (NIST SP 800-63B).
 */
export async function passphraseProblem(passphrase, username = "") {
  if (passphrase.length < minPassphraseLength()) {
    return format(
      gettext(
        "Use at least %(minimum)s characters, and %(good)s or more if you can. Three or four unrelated words are easy to remember and hard to guess.",
      ),
      { minimum: minPassphraseLength(), good: GOOD_PASSPHRASE_LENGTH },
    );
  }
  if (username && passphrase.toLowerCase().includes(username.toLowerCase())) return gettext("Do not include your name in your passphrase.");
  if (await isCommon(passphrase)) return gettext("That passphrase is one of the most common ones, so it is easy to guess. Choose another.");
  return "";
}

async function saltFor(username) {
  const { salt, iterations } = await post("auth/salt/", { username });
  return { salt, iterations };
}

/* `needConnection` is the whole sentence, not an action to fill in: a translation may need to word each one differently. */
function requireOnline(error, needConnection) {
  if (error instanceof ApiError && error.isOffline) {
    throw new AccountError("form", needConnection);
  }
  throw error;
}

/**
 * Create an account. Returns the recovery code, to be shown once.
 * @param {{rememberName?: boolean}} [options] rememberName keeps the name readable on this device, for the lock screen
 * @returns {Promise<string>}
 */
export async function register(username, passphrase, { rememberName: remember = false } = {}) {
  const problem = await passphraseProblem(passphrase, username);
  if (problem) throw new AccountError("passphrase", problem);
  try {
    const { salt, iterations } = await saltFor(username);
    const { authKey, kek } = await deriveFromPassphrase(passphrase, fromBase64(salt), iterations);
    const vault = await newVaultKey();
    const recoveryCode = newRecoveryCode();
    const recovery = await deriveFromRecoveryCode(recoveryCode);
    const wrapped = toBase64(await wrapVaultKey(kek, vault.raw));
    await post("auth/register/", {
      username,
      auth_key: toBase64(authKey),
      wrapped_vault_key: wrapped,
      recovery_wrapped_vault_key: toBase64(await wrapVaultKey(recovery.kek, vault.raw)),
      recovery_key: toBase64(recovery.authKey),
    });
    await saveAccount(vault.key, username, { salt, iterations, wrappedVaultKey: wrapped });
    rememberName(username, remember);
    becomeUnlocked({ username, vaultKey: vault.key, authKey, signInPending: false });
    await ensureIdentity(vault.key).catch(() => {}); // made at the next sync instead: linked cases need it, nothing else does
    return recoveryCode;
  } catch (error) {
    if (error instanceof ApiError && error.body.username) throw new AccountError("username", error.body.username[0]);
    return requireOnline(error, gettext("You need a connection to create an account. Try again when you have signal."));
  }
}

async function signIn(username, authKey) {
  await ending;
  const response = await postOnce("auth/login/", { username, auth_key: toBase64(authKey) });
  await rememberIdentity(response);
  return response.wrapped_vault_key;
}

/**
 * Unlock with the passphrase. Works offline on a device that has unlocked before;
 * online it also signs in to the server so changes can sync.
 * @param {{rememberName?: boolean}} [options] rememberName keeps the name readable on this device, for the lock screen
 */
export async function unlock(username, passphrase, { rememberName: remember = false } = {}) {
  const saved = await savedAccount();
  let params = saved;
  if (!params) {
    try {
      params = await saltFor(username);
    } catch (error) {
      requireOnline(error, gettext("You need a connection to unlock on a new device. Try again when you have signal."));
    }
  }
  const { authKey, kek } = await deriveFromPassphrase(passphrase, fromBase64(params.salt), params.iterations);
  let wrapped = saved?.wrappedVaultKey;
  let signInPending = false;
  try {
    wrapped = await signIn(username, authKey);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (!saved) throw new AccountError(error.isOffline ? "form" : "passphrase", error.message);
    // The server checked this passphrase and said no: never open the copy here instead.
    if (error.status === 400) throw await refusedByServer(saved, kek, username, error);
    // A device that has unlocked before opens offline or while the server is down: the key check below decides,
    // and the sign-in happens when the server can be reached. Not once the server has retired this copy's key.
    if (!wrapped) throw new AccountError("form", error.isOffline ? PASSPHRASE_CHANGED_OFFLINE : error.message);
    signInPending = true;
  }
  let vaultKey;
  try {
    vaultKey = await unwrapVaultKey(kek, fromBase64(wrapped));
  } catch {
    throw new AccountError("passphrase", WRONG_PASSPHRASE);
  }
  // The passphrase opened this device's copy, so the name can be checked now (it is sealed with the vault key).
  if (saved && !(await isSavedName(saved, vaultKey, username))) throw new AccountError("username", OTHER_ACCOUNT);
  await saveAccount(vaultKey, username, { salt: params.salt, iterations: params.iterations, wrappedVaultKey: wrapped });
  rememberName(username, remember);
  return becomeUnlocked({ username, vaultKey, authKey, signInPending });
}

/**
 * The error for a passphrase the server refused. If it still opens this device's copy (and the name is
 * this copy's), it is the passphrase this device knew, changed since on another device: retire it here.
 */
async function refusedByServer(saved, kek, username, error) {
  if (!saved.wrappedVaultKey) return new AccountError("passphrase", saved.passphraseChanged ? PASSPHRASE_CHANGED_TEXT : error.message);
  if (!(await opens(kek, saved.wrappedVaultKey))) return new AccountError("passphrase", WRONG_PASSPHRASE);
  const vaultKey = await unwrapVaultKey(kek, fromBase64(saved.wrappedVaultKey));
  if (!(await isSavedName(saved, vaultKey, username))) return new AccountError("username", OTHER_ACCOUNT);
  await forgetOldPassphrase();
  return new AccountError("passphrase", PASSPHRASE_CHANGED_TEXT);
}

/**
 * The passphrase this device knew is no longer the account's (changed on another device): the copy here
 * stops opening with it, even offline. Its case files stay, encrypted; the new passphrase opens them again
 * at the next sign-in, which brings the vault key wrapped under it.
 */
export async function forgetOldPassphrase() {
  const saved = await savedAccount();
  if (saved?.wrappedVaultKey) await writeMeta(ACCOUNT, { ...saved, wrappedVaultKey: null, passphraseChanged: true });
}

function becomeUnlocked(state) {
  unlocked = state;
  setSessionRenewer({ confirm: confirmPassphrase, signInAgain });
  return unlocked;
}

/** The server asks for the passphrase again before a delete: the key held since unlocking answers. */
async function confirmPassphrase() {
  if (!unlocked) return false;
  await postOnce("auth/confirm/", { auth_key: toBase64(unlocked.authKey) });
  return true;
}

/** Unlocked offline, now online: sign in with the key from unlocking. */
async function signInAgain() {
  const state = unlocked;
  if (!state?.signInPending) return false;
  try {
    await signIn(state.username, state.authKey);
  } catch (error) {
    // Opened offline with a passphrase the server no longer takes: it was changed on another device.
    if (error instanceof ApiError && error.status === 400) {
      await forgetOldPassphrase();
      window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: { code: PASSPHRASE_CHANGED } }));
    }
    throw error;
  }
  state.signInPending = false;
  return true;
}

async function opens(kek, wrapped) {
  try {
    await unwrapVaultKeyBytes(kek, fromBase64(wrapped));
    return true;
  } catch {
    return false;
  }
}

async function setPassphrase(username, vaultRaw, newPassphrase, currentAuthKey, signOutOthers = true) {
  const { salt, iterations } = await saltFor(username);
  const next = await deriveFromPassphrase(newPassphrase, fromBase64(salt), iterations);
  const wrapped = toBase64(await wrapVaultKey(next.kek, vaultRaw));
  await post("auth/passphrase/", {
    ...(currentAuthKey ? { current_auth_key: toBase64(currentAuthKey) } : {}),
    new_auth_key: toBase64(next.authKey),
    wrapped_vault_key: wrapped,
    sign_out_other_devices: signOutOthers,
  });
  await saveAccount(await vaultKeyFromBytes(vaultRaw), username, { salt, iterations, wrappedVaultKey: wrapped });
  return next.authKey;
}

/**
 * Change the passphrase: the vault key is wrapped again; nothing else changes.
 * @param {{signOutOthers?: boolean}} [options] signOutOthers (default true) ends every other device's session
 */
export async function changePassphrase(currentPassphrase, newPassphrase, { signOutOthers = true } = {}) {
  const saved = await savedAccount();
  const { username } = unlocked;
  const problem = await passphraseProblem(newPassphrase, username);
  if (problem) throw new AccountError("new-passphrase", problem);
  const old = await deriveFromPassphrase(currentPassphrase, fromBase64(saved.salt), saved.iterations);
  let vaultRaw;
  try {
    vaultRaw = await unwrapVaultKeyBytes(old.kek, fromBase64(saved.wrappedVaultKey));
  } catch {
    throw new AccountError("current-passphrase", gettext("Your current passphrase is not right."));
  }
  try {
    const authKey = await setPassphrase(username, vaultRaw, newPassphrase, old.authKey, signOutOthers);
    if (unlocked) unlocked.authKey = authKey;
  } catch (error) {
    requireOnline(error, gettext("You need a connection to change your passphrase. Try again when you have signal."));
  }
}

/** Forgotten passphrase: the recovery code opens the vault key, and a new passphrase wraps it. */
export async function recover(username, code, newPassphrase) {
  const saved = await savedAccount();
  if (!normaliseRecoveryCode(code)) {
    throw new AccountError("recovery-code", gettext("A recovery code has 32 letters and numbers, like ABCD-EFGH-… Check it and try again."));
  }
  const problem = await passphraseProblem(newPassphrase, username);
  if (problem) throw new AccountError("new-passphrase", problem);
  const recovery = await deriveFromRecoveryCode(code);
  try {
    const response = await post("auth/recover/", { username, recovery_key: toBase64(recovery.authKey) });
    const wrapped = response.recovery_wrapped_vault_key;
    const vaultRaw = await unwrapVaultKeyBytes(recovery.kek, fromBase64(wrapped));
    const vaultKey = await vaultKeyFromBytes(vaultRaw);
    if (saved && !(await isSavedName(saved, vaultKey, username))) {
      await endServerSession(); // another account: leave this device's copy as it was, and sign that one out
      throw new AccountError("username", OTHER_ACCOUNT);
    }
    await rememberIdentity(response);
    const authKey = await setPassphrase(username, vaultRaw, newPassphrase, null);
    becomeUnlocked({ username, vaultKey, authKey, signInPending: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) throw new AccountError("recovery-code", error.message);
    requireOnline(error, gettext("You need a connection to use your recovery code. Try again when you have signal."));
  }
}

/**
 * Make a new recovery code on this device and have the server keep it instead of the old one, which
 * stops working. Needs the passphrase. Returns the new code, to be shown once.
 * @returns {Promise<string>}
 */
export async function replaceRecoveryCode(passphrase, field = "new-recovery-code-passphrase") {
  const saved = await savedAccount();
  if (!passphrase) throw new AccountError(field, gettext("Enter your passphrase."));
  const { authKey, kek } = await deriveFromPassphrase(passphrase, fromBase64(saved.salt), saved.iterations);
  let vaultRaw;
  try {
    vaultRaw = await unwrapVaultKeyBytes(kek, fromBase64(saved.wrappedVaultKey));
  } catch {
    throw new AccountError(field, gettext("Your passphrase is not right."));
  }
  const code = newRecoveryCode();
  const recovery = await deriveFromRecoveryCode(code);
  try {
    await post("auth/recovery-code/", {
      auth_key: toBase64(authKey),
      recovery_wrapped_vault_key: toBase64(await wrapVaultKey(recovery.kek, vaultRaw)),
      recovery_key: toBase64(recovery.authKey),
    });
  } catch (error) {
    if (error instanceof ApiError && error.body.auth_key) throw new AccountError(field, error.body.auth_key[0]);
    requireOnline(error, gettext("You need a connection to make a new recovery code. Try again when you have signal."));
  }
  return code;
}

/** Delete the account and everything on the server, then everything on this device. */
export async function deleteAccount(passphrase) {
  const saved = await savedAccount();
  const { authKey, kek } = await deriveFromPassphrase(passphrase, fromBase64(saved.salt), saved.iterations);
  if (!(await opens(kek, saved.wrappedVaultKey))) throw new AccountError("delete-passphrase", gettext("Your passphrase is not right."));
  try {
    await post("auth/delete/", { auth_key: toBase64(authKey) });
  } catch (error) {
    requireOnline(error, gettext("You need a connection to delete your account. Try again when you have signal."));
  }
  lock();
  await wipe();
}

/**
 * Forget the keys and end the server session. The encrypted copy stays on this device.
 * Offline, the session ends as soon as there is a connection again (unless unlocked by then).
 */
export function lock() {
  unlocked = null;
  setSessionRenewer(null);
  forgetPrivateKey();
  ending = endServerSession().then((ended) => {
    if (!ended) window.addEventListener("online", endSessionIfLocked, { once: true });
  });
}

function endSessionIfLocked() {
  if (!unlocked) lock();
}

/** Sign out on the server and remove the case files from this device. */
export async function removeFromDevice() {
  lock(); // which ends the server session
  await ending;
  await wipe();
}
