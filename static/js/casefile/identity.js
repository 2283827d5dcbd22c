/**
 * This account's ECDH key pair, used only for link groups. The server keeps the public key and
 * the private key wrapped by the vault key; the device that first needs a pair makes it.
 */
import { ApiError, put } from "./api.js";
import { newIdentity, unwrapPrivateKey } from "./group-crypto.js";
import { readMeta, writeMeta } from "./store.js";
import { gettext } from "../i18n.js";

const IDENTITY = "identity";
let privateKey = null;

export function forgetPrivateKey() {
  privateKey = null;
}

/** Keep the key pair the server sent after signing in (null fields: the account has none yet). */
export async function rememberIdentity(response) {
  if (response && response.public_key && response.wrapped_private_key) {
    await writeMeta(IDENTITY, { publicKey: response.public_key, wrappedPrivateKey: response.wrapped_private_key });
  }
}

/** This account's key pair, made and sent to the server if it has none. Needs a connection the first time. */
export async function ensureIdentity(vaultKey) {
  const saved = await readMeta(IDENTITY);
  if (saved) return saved;
  const identity = await newIdentity(vaultKey);
  try {
    await put("auth/keypair/", { public_key: identity.publicKey, wrapped_private_key: identity.wrappedPrivateKey });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      throw new ApiError(409, { detail: gettext("Another device set up this account's keys for linked cases. Lock and unlock again to use them here.") });
    }
    throw error;
  }
  await writeMeta(IDENTITY, identity);
  return identity;
}

/** The public key (base64) and the private key, unwrapped once per unlock. */
export async function ownKeys(vaultKey) {
  const identity = await ensureIdentity(vaultKey);
  privateKey ||= await unwrapPrivateKey(vaultKey, identity.wrappedPrivateKey);
  return { publicKey: identity.publicKey, privateKey };
}
