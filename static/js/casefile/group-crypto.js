/**
 * Link-group cryptography, all on this device (DESIGN.md, "Linked cases").
 *
 * Each account has an ECDH P-256 key pair; the private half is wrapped by the vault key.
 * A group's keyring (every group key so far, by version) is sealed to each member's public
 * key: an ephemeral ECDH key pair, HKDF over both public keys, AES-256-GCM. A group record
 * starts with the version of the key it was written with, so after someone is removed the
 * new key protects everything written later, and older records stay readable.
 *
 * An invite's secret sits in the link's fragment, which browsers never send. HKDF turns it
 * into the key that opens the invite and the proof that joins; the server keeps the proof's hash.
 */
import { aesKey, fromBase64, open, randomBytes, seal, sha256Hex, toBase64 } from "./crypto.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ECDH = { name: "ECDH", namedCurve: "P-256" };
const PUBLIC_KEY_BYTES = 65;
const VERSION_BYTES = 4;
const SECRET_BYTES = 32;

const PRIVATE_KEY_LABEL = encoder.encode("falseos private key v1");
const keyringLabel = (groupId) => encoder.encode(`falseos keyring v1 ${groupId}`);
const inviteLabel = (inviteId) => encoder.encode(`falseos invite v1 ${inviteId}`);
const recordLabel = (groupId, recordId, version) => encoder.encode(`falseos group record v1 ${groupId} ${recordId} ${version}`);

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function hkdf(secret, salt, info) {
  const master = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt, info: encoder.encode(info) }, master, 256);
  return new Uint8Array(bits);
}

/** A new key pair for this account: the public key as is, the private key wrapped by the vault key. */
export async function newIdentity(vaultKey) {
  const pair = await crypto.subtle.generateKey(ECDH, true, ["deriveBits"]);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  return { publicKey: toBase64(publicKey), wrappedPrivateKey: toBase64(await seal(vaultKey, pkcs8, PRIVATE_KEY_LABEL)) };
}

export async function unwrapPrivateKey(vaultKey, wrappedPrivateKey) {
  const pkcs8 = await open(vaultKey, fromBase64(wrappedPrivateKey), PRIVATE_KEY_LABEL);
  return crypto.subtle.importKey("pkcs8", pkcs8, ECDH, false, ["deriveBits"]);
}

async function boxKey(privateKey, peerPublic, ephemeralPublic, recipientPublic) {
  const peer = await crypto.subtle.importKey("raw", peerPublic, ECDH, false, []);
  const shared = new Uint8Array(await crypto.subtle.deriveBits({ name: "ECDH", public: peer }, privateKey, 256));
  return aesKey(await hkdf(shared, concat(ephemeralPublic, recipientPublic), "falseos sealed box v1"));
}

/** Seal bytes so only the holder of the private key for `publicKey` (base64) can open them. */
async function sealTo(publicKey, bytes, label) {
  const recipient = fromBase64(publicKey);
  const ephemeral = await crypto.subtle.generateKey(ECDH, true, ["deriveBits"]);
  const ephemeralPublic = new Uint8Array(await crypto.subtle.exportKey("raw", ephemeral.publicKey));
  const key = await boxKey(ephemeral.privateKey, recipient, ephemeralPublic, recipient);
  return concat(ephemeralPublic, await seal(key, bytes, label));
}

async function openSealed(privateKey, ownPublicKey, box, label) {
  const ephemeralPublic = box.slice(0, PUBLIC_KEY_BYTES);
  const key = await boxKey(privateKey, ephemeralPublic, ephemeralPublic, fromBase64(ownPublicKey));
  return open(key, box.slice(PUBLIC_KEY_BYTES), label);
}

/** A keyring is { version: base64 key }. A new group starts at version 1. */
export const newKeyring = () => ({ 1: toBase64(randomBytes(32)) });

export const latestVersion = (keyring) => Math.max(...Object.keys(keyring).map(Number));

/**
 * The keyring with one more key: the one a group moves to when someone leaves or is removed. `version`
 * (at least the next one) can skip numbers: a key this device refused (it did not open, or dropped keys)
 * still took its number on the server.
 */
export const nextKeyring = (keyring, version = latestVersion(keyring) + 1) => ({ ...keyring, [Math.max(version, latestVersion(keyring) + 1)]: toBase64(randomBytes(32)) });

const KEY_BYTES = 32;

/** Whether a value is a keyring: { version (1 or more): base64 of a 32-byte key }, with at least one key. */
export function isKeyring(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(([version, key]) => {
      if (!/^[1-9][0-9]{0,8}$/.test(version) || typeof key !== "string") return false;
      try {
        return fromBase64(key).length === KEY_BYTES;
      } catch {
        return false;
      }
    })
  );
}

/** Whether `newer` still holds every key of `held`, unchanged: a new keyring adds keys, it never swaps or drops one. */
export const keepsKeys = (newer, held) => Object.entries(held).every(([version, key]) => newer[version] === key);

export async function sealKeyring(publicKey, groupId, keyring) {
  return toBase64(await sealTo(publicKey, encoder.encode(JSON.stringify(keyring)), keyringLabel(groupId)));
}

/** The keyring in a sealed copy. Throws if it does not open, or what is inside is not a keyring. */
export async function openKeyring(privateKey, ownPublicKey, groupId, sealed) {
  const keyring = JSON.parse(decoder.decode(await openSealed(privateKey, ownPublicKey, fromBase64(sealed), keyringLabel(groupId))));
  if (!isKeyring(keyring)) throw new Error("Not a keyring");
  return keyring;
}

/** Encrypt a group record with the newest key; its version goes first, and is bound into the associated data. */
export async function encryptGroupRecord(keyring, groupId, recordId, value) {
  const version = latestVersion(keyring);
  const header = new Uint8Array(VERSION_BYTES);
  new DataView(header.buffer).setUint32(0, version);
  const key = await aesKey(fromBase64(keyring[version]));
  return concat(header, await seal(key, encoder.encode(JSON.stringify(value)), recordLabel(groupId, recordId, version)));
}

/** Throws if the record was written with a key this keyring does not hold (for example, after this person was removed). */
export async function decryptGroupRecord(keyring, groupId, recordId, box) {
  if (box.length <= VERSION_BYTES) throw new Error("Too short to be a group record");
  const version = new DataView(box.buffer, box.byteOffset, VERSION_BYTES).getUint32(0);
  if (!keyring[version]) throw new Error("No key for this record");
  const key = await aesKey(fromBase64(keyring[version]));
  return JSON.parse(decoder.decode(await open(key, box.slice(VERSION_BYTES), recordLabel(groupId, recordId, version))));
}

const toBase64Url = (bytes) => toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (text) => fromBase64(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));

/** A new invite secret, for the link's fragment. */
export const newInviteSecret = () => toBase64Url(randomBytes(SECRET_BYTES));

/** What an invite secret gives: the key that opens the invite, and the proof (and its hash) that joins. Null if malformed. */
export async function inviteKeys(secret, inviteId) {
  let bytes;
  try {
    bytes = fromBase64Url(secret);
  } catch {
    return null;
  }
  if (bytes.length !== SECRET_BYTES) return null;
  const salt = encoder.encode(inviteId);
  const proof = await hkdf(bytes, salt, "falseos invite join proof v1");
  return { key: await aesKey(await hkdf(bytes, salt, "falseos invite key v1")), proof: toBase64(proof), proofHash: await sha256Hex(proof) };
}

export async function sealInvite(key, inviteId, payload) {
  return toBase64(await seal(key, encoder.encode(JSON.stringify(payload)), inviteLabel(inviteId)));
}

export async function openInvite(key, inviteId, sealed) {
  return JSON.parse(decoder.decode(await open(key, fromBase64(sealed), inviteLabel(inviteId))));
}
