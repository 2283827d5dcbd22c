/**
 * Case-file cryptography, all on this device (see DESIGN.md, "Case-file cryptography").
 *
 * passphrase --PBKDF2-SHA256 (600,000)--> master --HKDF--> auth key (sent; the server hashes it again)
 *                                                     \--> KEK (never leaves the device)
 * KEK wraps the vault key; the vault key wraps each case file's key; a case file's key
 * encrypts its records with AES-256-GCM, bound to the case file and record id.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const FORMAT_VERSION = 1;
const NONCE_BYTES = 12;
const KEY_BYTES = 32;
const RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I to misread
const RECOVERY_CHARACTERS = 32; // 32 characters of 5 bits: 160 bits
const BACKUP_ITERATIONS = 600000;

/** @param {Uint8Array} bytes */
export function toBase64(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** @param {string} text */
export function fromBase64(text) {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}

export function randomBytes(length) {
  return crypto.getRandomValues(new Uint8Array(length));
}

export async function hkdfBits(master, info) {
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(info) },
    master,
    KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function aesKey(rawBytes, usages = ["encrypt", "decrypt"]) {
  return crypto.subtle.importKey("raw", rawBytes, { name: "AES-GCM" }, false, usages);
}

async function splitMaster(masterBytes, purpose) {
  const master = await crypto.subtle.importKey("raw", masterBytes, "HKDF", false, ["deriveBits"]);
  const authKey = await hkdfBits(master, `falseos ${purpose} auth key v1`);
  const kek = await aesKey(await hkdfBits(master, `falseos ${purpose} key-encryption key v1`));
  return { authKey, kek };
}

/**
 * The auth key and KEK for a passphrase.
 * @param {string} passphrase
 * @param {Uint8Array} salt from the server's salt lookup
 * @param {number} iterations
 * @returns {Promise<{authKey: Uint8Array, kek: CryptoKey}>}
 */
export async function deriveFromPassphrase(passphrase, salt, iterations) {
  return splitMaster(await pbkdf2(passphrase, salt, iterations), "passphrase");
}

async function pbkdf2(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey("raw", encoder.encode(passphrase.normalize("NFKC")), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, KEY_BYTES * 8);
  return new Uint8Array(bits);
}

/** A new recovery code, shown once, grouped for copying: "ABCD-EFGH-…". */
export function newRecoveryCode() {
  const characters = Array.from(randomBytes(RECOVERY_CHARACTERS), (byte) => RECOVERY_ALPHABET[byte % 32]);
  return characters.join("").match(/.{4}/g).join("-");
}

/** The code as typed, tidied: spaces, dashes and case do not matter. Null if it cannot be a code. */
export function normaliseRecoveryCode(typed) {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== RECOVERY_CHARACTERS || [...code].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return code;
}

/**
 * The recovery code carries 160 random bits, so it needs no slow KDF: HKDF alone.
 * @param {string} code a normalised recovery code
 */
export async function deriveFromRecoveryCode(code) {
  return splitMaster(encoder.encode(normaliseRecoveryCode(code)), "recovery code");
}

export async function seal(key, plaintext, associatedData) {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: associatedData }, key, plaintext);
  const out = new Uint8Array(1 + NONCE_BYTES + sealed.byteLength);
  out[0] = FORMAT_VERSION;
  out.set(nonce, 1);
  out.set(new Uint8Array(sealed), 1 + NONCE_BYTES);
  return out;
}

export async function open(key, box, associatedData) {
  if (box[0] !== FORMAT_VERSION || box.length < 1 + NONCE_BYTES + 16) throw new Error("Unknown ciphertext format");
  const plaintext = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: box.slice(1, 1 + NONCE_BYTES), additionalData: associatedData },
    key,
    box.slice(1 + NONCE_BYTES),
  );
  return new Uint8Array(plaintext);
}

const VAULT_LABEL = encoder.encode("falseos vault key v1");
const collectionLabel = (collectionId) => encoder.encode(`falseos collection key v1 ${collectionId}`);
const recordLabel = (collectionId, recordId) => encoder.encode(`falseos record v1 ${collectionId} ${recordId}`);

/** A new vault key: its raw bytes (to wrap now) and the key to use. */
export async function newVaultKey() {
  const raw = randomBytes(KEY_BYTES);
  return { raw, key: await aesKey(raw) };
}

export function wrapVaultKey(kek, raw) {
  return seal(kek, raw, VAULT_LABEL);
}

/** The vault key's raw bytes. Throws if the KEK is wrong: that is how a wrong passphrase shows. */
export function unwrapVaultKeyBytes(kek, wrapped) {
  return open(kek, wrapped, VAULT_LABEL);
}

export function vaultKeyFromBytes(raw) {
  return aesKey(raw);
}

export async function unwrapVaultKey(kek, wrapped) {
  return aesKey(await unwrapVaultKeyBytes(kek, wrapped));
}

/** A new case-file key, wrapped with the vault key for the server. */
export async function newCollectionKey(vaultKey, collectionId) {
  const raw = randomBytes(KEY_BYTES);
  return { key: await aesKey(raw), wrapped: await seal(vaultKey, raw, collectionLabel(collectionId)) };
}

export async function unwrapCollectionKey(vaultKey, collectionId, wrapped) {
  return aesKey(await open(vaultKey, wrapped, collectionLabel(collectionId)));
}

/** Encrypt one record's content, bound to its case file and id so it cannot be moved to another record. */
export function encryptRecord(collectionKey, collectionId, recordId, value) {
  return seal(collectionKey, encoder.encode(JSON.stringify(value)), recordLabel(collectionId, recordId));
}

export async function decryptRecord(collectionKey, collectionId, recordId, box) {
  return JSON.parse(decoder.decode(await open(collectionKey, box, recordLabel(collectionId, recordId))));
}

/** A stable record id derived from a name, for records every case file has once (its details, each rung). */
export async function namedRecordId(collectionId, name) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(`${collectionId}/${name}`)));
  const hex = Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((digest[8] & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const fileLabel = (fileId) => encoder.encode(`falseos file v1 ${fileId}`);

/** Encrypt an attachment with its own new key, bound to its id. The key goes inside the (encrypted) record. */
export async function encryptFile(bytes, fileId) {
  const raw = randomBytes(KEY_BYTES);
  return { key: toBase64(raw), ciphertext: await seal(await aesKey(raw), bytes, fileLabel(fileId)) };
}

export async function decryptFile(keyBase64, fileId, ciphertext) {
  return open(await aesKey(fromBase64(keyBase64)), ciphertext, fileLabel(fileId));
}

/** The SHA-256 of some bytes, as 64 lowercase hex digits (what `sha256sum` prints). */
export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key of a backup file, from the passphrase chosen for it. */
export async function backupKey(passphrase, salt) {
  return aesKey(await pbkdf2(passphrase, salt, BACKUP_ITERATIONS));
}

const BACKUP_LABEL = encoder.encode("falseos backup v1");

export function sealBox(key, bytes) {
  return seal(key, bytes, BACKUP_LABEL);
}

export function openBox(key, box) {
  return open(key, box, BACKUP_LABEL);
}
