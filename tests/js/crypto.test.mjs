// Case-file cryptography (static/js/casefile/crypto.js) against DESIGN.md and the known answers in
// docs/vectors/crypto-v1.json, which docs/vectors/make_vectors.py writes with another library.
import assert from "node:assert/strict";
import { createDecipheriv, hkdfSync, pbkdf2Sync } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import "./webcrypto.mjs";
import * as crypto from "../../static/js/casefile/crypto.js";

const vectors = JSON.parse(readFileSync(new URL("../../docs/vectors/crypto-v1.json", import.meta.url), "utf8"));
const bytes = (hex) => Uint8Array.from(Buffer.from(hex, "hex"));
const hex = (data) => Buffer.from(data).toString("hex");
const text = (value) => new TextEncoder().encode(value);

const COLLECTION = "0b7c6f6e-3d2a-4c1e-9f5b-2a8d4e6f1c30";
const RECORD = "5e2f1a9c-7b3d-4e8f-a1c2-d3e4f5a6b7c8";
const OTHER_RECORD = "6f3a2b0d-8c4e-4f90-b2d3-e4f5a6b7c8d9";

async function collectionKey() {
  return crypto.aesKey(crypto.randomBytes(32));
}

/** Open a box with Node's own AES-GCM, reading the layout DESIGN.md and crypto.js describe: 01 | nonce | ciphertext | tag. */
function openByHand(keyBytes, box, label) {
  assert.equal(box[0], 1, "the first byte is the format version");
  const decipher = createDecipheriv("aes-256-gcm", keyBytes, box.subarray(1, 13));
  decipher.setAAD(text(label));
  decipher.setAuthTag(box.subarray(box.length - 16));
  return Buffer.concat([decipher.update(box.subarray(13, box.length - 16)), decipher.final()]);
}

test("a record encrypted on one device decrypts on another holding the same case-file key", async () => {
  const raw = crypto.randomBytes(32);
  const value = { kind: "diary", date: "2026-11-20", what: "Twenty messages in one night – “again”" };
  const box = await crypto.encryptRecord(await crypto.aesKey(raw), COLLECTION, RECORD, value);
  const elsewhere = await crypto.aesKey(raw); // the other device unwrapped the same raw key
  assert.deepEqual(await crypto.decryptRecord(elsewhere, COLLECTION, RECORD, box), value);
});

test("a record box is version 1, a fresh 12-byte nonce, then AES-256-GCM bound to its case file and record", async () => {
  const raw = crypto.randomBytes(32);
  const key = await crypto.aesKey(raw);
  const value = { what: "hello" };
  const first = await crypto.encryptRecord(key, COLLECTION, RECORD, value);
  const second = await crypto.encryptRecord(key, COLLECTION, RECORD, value);
  assert.equal(first.length, 1 + 12 + JSON.stringify(value).length + 16);
  assert.notEqual(hex(first.subarray(1, 13)), hex(second.subarray(1, 13)), "each seal takes a new nonce");
  const plaintext = openByHand(raw, first, `falseos record v1 ${COLLECTION} ${RECORD}`);
  assert.deepEqual(JSON.parse(plaintext.toString("utf8")), value);
});

test("a record made by the reference implementation opens here", async () => {
  const v = vectors.record;
  const key = await crypto.aesKey(bytes(v.collection_key));
  assert.deepEqual(await crypto.decryptRecord(key, v.collection_id, v.record_id, bytes(v.box)), v.value);
});

test("a record does not open with another case file's key", async () => {
  const box = await crypto.encryptRecord(await collectionKey(), COLLECTION, RECORD, { what: "private" });
  await assert.rejects(crypto.decryptRecord(await collectionKey(), COLLECTION, RECORD, box));
});

test("the server cannot move a record's ciphertext to another record or case file", async () => {
  const key = await collectionKey();
  const box = await crypto.encryptRecord(key, COLLECTION, RECORD, { what: "private" });
  await assert.rejects(crypto.decryptRecord(key, COLLECTION, OTHER_RECORD, box));
  await assert.rejects(crypto.decryptRecord(key, "11111111-2222-4333-8444-555555555555", RECORD, box));
});

test("a tampered ciphertext is refused, whichever byte was changed", async () => {
  const key = await collectionKey();
  const box = await crypto.encryptRecord(key, COLLECTION, RECORD, { what: "private" });
  for (const index of [1, 12, 13, box.length - 17, box.length - 1]) {
    const tampered = box.slice();
    tampered[index] ^= 0x01;
    await assert.rejects(crypto.decryptRecord(key, COLLECTION, RECORD, tampered), undefined, `byte ${index}`);
  }
});

test("a box of an unknown format version, or cut short, is refused before decrypting", async () => {
  const key = await collectionKey();
  const box = await crypto.encryptRecord(key, COLLECTION, RECORD, { what: "private" });
  const future = box.slice();
  future[0] = 2;
  await assert.rejects(crypto.open(key, future, text("x")), /Unknown ciphertext format/);
  await assert.rejects(crypto.open(key, box.slice(0, 1 + 12 + 15), text("x")), /Unknown ciphertext format/);
});

test("the passphrase goes through PBKDF2-SHA256 with 600,000 iterations and HKDF, as DESIGN.md says", async () => {
  const v = vectors.passphrase;
  assert.equal(v.iterations, 600000);
  const salt = bytes(v.salt);
  const { authKey, kek } = await crypto.deriveFromPassphrase(v.passphrase, salt, v.iterations);
  // Node's own PBKDF2 and HKDF, from the description: the auth key is what the server already holds a hash of.
  const master = pbkdf2Sync(Buffer.from(v.passphrase.normalize("NFKC")), salt, 600000, 32, "sha256");
  const expected = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "falseos passphrase auth key v1", 32));
  assert.equal(hex(authKey), expected.toString("hex"));
  assert.equal(hex(authKey), v.auth_key);
  assert.equal(hex(await crypto.unwrapVaultKeyBytes(kek, bytes(v.wrapped_vault_key))), v.vault_key);
});

test("a passphrase typed with a different Unicode spelling of the same letters opens the same account", async () => {
  const v = vectors.passphrase;
  const { authKey } = await crypto.deriveFromPassphrase(v.same_passphrase_typed_differently, bytes(v.salt), v.iterations);
  assert.equal(hex(authKey), v.auth_key);
});

test("a wrong passphrase cannot unwrap the vault key", async () => {
  const v = vectors.passphrase;
  const { authKey, kek } = await crypto.deriveFromPassphrase("correct horse five stable", bytes(v.salt), v.iterations);
  assert.notEqual(hex(authKey), v.auth_key);
  await assert.rejects(crypto.unwrapVaultKeyBytes(kek, bytes(v.wrapped_vault_key)));
});

test("the auth key sent to the server is not the key that unwraps the vault key", async () => {
  const v = vectors.passphrase;
  const { authKey } = await crypto.deriveFromPassphrase(v.passphrase, bytes(v.salt), v.iterations);
  await assert.rejects(crypto.unwrapVaultKeyBytes(await crypto.aesKey(authKey), bytes(v.wrapped_vault_key)));
});

test("a vault key wrapped on one device unwraps on another from the same passphrase", async () => {
  const salt = crypto.randomBytes(16);
  const here = await crypto.deriveFromPassphrase("four unrelated words here", salt, 1000);
  const { raw } = await crypto.newVaultKey();
  const wrapped = await crypto.wrapVaultKey(here.kek, raw);
  const there = await crypto.deriveFromPassphrase("four unrelated words here", salt, 1000);
  assert.equal(hex(await crypto.unwrapVaultKeyBytes(there.kek, wrapped)), hex(raw));
});

test("a recovery code opens the vault key however it is typed: spaces, dashes and case do not matter", async () => {
  const v = vectors.recovery_code;
  const { authKey, kek } = await crypto.deriveFromRecoveryCode(crypto.normaliseRecoveryCode(v.typed));
  assert.equal(hex(authKey), v.auth_key);
  assert.equal(hex(await crypto.unwrapVaultKeyBytes(kek, bytes(v.wrapped_vault_key))), v.vault_key);
});

test("a new recovery code is 32 characters in groups of four, from an alphabet with no 0/O or 1/I", () => {
  const seen = new Set();
  for (let i = 0; i < 50; i++) {
    const code = crypto.newRecoveryCode();
    assert.match(code, /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){7}$/);
    assert.equal(crypto.normaliseRecoveryCode(code), code.replaceAll("-", ""));
    seen.add(code);
  }
  assert.equal(seen.size, 50);
});

test("a mistyped recovery code is recognised as not a code", () => {
  const code = vectors.recovery_code.code;
  assert.equal(crypto.normaliseRecoveryCode(code.slice(0, -1)), null, "one character short");
  assert.equal(crypto.normaliseRecoveryCode(code.replace("A", "O")), null, "a letter it never uses");
  assert.equal(crypto.normaliseRecoveryCode(`${code}A`), null, "one too many");
});

test("a case-file key wrapped by the vault key opens only for its own case file", async () => {
  const v = vectors.collection_key;
  const vault = await crypto.aesKey(bytes(v.vault_key));
  const key = await crypto.unwrapCollectionKey(vault, v.collection_id, bytes(v.wrapped));
  const box = await crypto.encryptRecord(key, v.collection_id, RECORD, { ok: true });
  assert.deepEqual(openByHand(bytes(v.collection_key), box, `falseos record v1 ${v.collection_id} ${RECORD}`).toString(), '{"ok":true}');
  await assert.rejects(crypto.unwrapCollectionKey(vault, COLLECTION.replace("0b", "0c"), bytes(v.wrapped)));

  const fresh = await crypto.newCollectionKey(vault, COLLECTION);
  const again = await crypto.unwrapCollectionKey(vault, COLLECTION, fresh.wrapped);
  const sealed = await crypto.encryptRecord(fresh.key, COLLECTION, RECORD, { n: 1 });
  assert.deepEqual(await crypto.decryptRecord(again, COLLECTION, RECORD, sealed), { n: 1 });
});

test("an evidence file round-trips byte for byte with its own key, and the reference implementation's opens", async () => {
  const original = crypto.randomBytes(5000);
  const { key, ciphertext } = await crypto.encryptFile(original, "f-1");
  assert.equal(ciphertext.length, original.length + 1 + 12 + 16);
  assert.equal(hex(await crypto.decryptFile(key, "f-1", ciphertext)), hex(original));
  await assert.rejects(crypto.decryptFile(key, "f-2", ciphertext), undefined, "bound to its id");

  const v = vectors.file;
  const opened = await crypto.decryptFile(crypto.toBase64(bytes(v.key)), v.file_id, bytes(v.box));
  assert.equal(hex(opened), v.plaintext);
  assert.equal(await crypto.sha256Hex(opened), v.sha256);
});

test("the fingerprint shown for a file is what sha256sum prints", async () => {
  assert.equal(await crypto.sha256Hex(text("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  assert.equal(await crypto.sha256Hex(text("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

test("a backup made by the reference implementation opens with its passphrase, and not with another", async () => {
  const v = vectors.backup;
  const key = await crypto.backupKey(v.passphrase, bytes(v.salt));
  assert.equal(hex(await crypto.openBox(key, bytes(v.box))), v.plaintext);
  await assert.rejects(crypto.openBox(await crypto.backupKey("not the one", bytes(v.salt)), bytes(v.box)));
});

test("a case file's named records get the same id on every device, shaped as a UUID", async () => {
  const v = vectors.named_record_id;
  assert.equal(await crypto.namedRecordId(v.collection_id, v.name), v.id);
  assert.match(v.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(await crypto.namedRecordId(v.collection_id, "rung 1"), v.id);
});

test("every named record (details, exhibits, a rung, a link, a member's name and note, a shared reference) has its known id", async () => {
  const ids = vectors.named_record_ids;
  for (const [name, id] of Object.entries(ids.case_file)) assert.equal(await crypto.namedRecordId(vectors.record.collection_id, name), id, name);
  for (const [name, id] of Object.entries(ids.group)) assert.equal(await crypto.namedRecordId(vectors.group.group_id, name), id, name);
});

test("base64 round-trips every byte value", () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.equal(crypto.toBase64(all), Buffer.from(all).toString("base64"));
  assert.deepEqual(crypto.fromBase64(crypto.toBase64(all)), all);
});
