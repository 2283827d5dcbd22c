// Link-group cryptography (static/js/casefile/group-crypto.js) against DESIGN.md, "Linked cases", and
// the known answers in docs/vectors/crypto-v1.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import "./webcrypto.mjs";
import { aesKey, randomBytes, toBase64 } from "../../static/js/casefile/crypto.js";
import * as group from "../../static/js/casefile/group-crypto.js";

const vectors = JSON.parse(readFileSync(new URL("../../docs/vectors/crypto-v1.json", import.meta.url), "utf8"));
const bytes = (hex) => Uint8Array.from(Buffer.from(hex, "hex"));
const GROUP = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const RECORD = "5e2f1a9c-7b3d-4e8f-a1c2-d3e4f5a6b7c8";

async function member() {
  const vaultKey = await aesKey(randomBytes(32));
  const identity = await group.newIdentity(vaultKey);
  return { ...identity, privateKey: await group.unwrapPrivateKey(vaultKey, identity.wrappedPrivateKey) };
}

test("a keyring made by the reference implementation opens with the member's private key, unwrapped by their vault key", async () => {
  const v = vectors.group;
  const vaultKey = await aesKey(bytes(v.vault_key));
  const privateKey = await group.unwrapPrivateKey(vaultKey, toBase64(bytes(v.wrapped_private_key)));
  const publicKey = toBase64(bytes(v.member_public_key));
  assert.deepEqual(await group.openKeyring(privateKey, publicKey, v.group_id, toBase64(bytes(v.sealed_keyring))), v.keyring);
});

test("a group record made by the reference implementation opens with the key its version names", async () => {
  const v = vectors.group;
  assert.deepEqual(await group.decryptGroupRecord(v.keyring, v.group_id, v.record_id, bytes(v.record_box)), v.record_value);
  await assert.rejects(group.decryptGroupRecord({ 1: v.keyring[1] }, v.group_id, v.record_id, bytes(v.record_box)), /No key for this record/);
});

test("a keyring sealed to one member opens for them and for nobody else", async () => {
  const [alice, mallory] = [await member(), await member()];
  const keyring = group.newKeyring();
  const sealed = await group.sealKeyring(alice.publicKey, GROUP, keyring);
  assert.deepEqual(await group.openKeyring(alice.privateKey, alice.publicKey, GROUP, sealed), keyring);
  await assert.rejects(group.openKeyring(mallory.privateKey, mallory.publicKey, GROUP, sealed));
  await assert.rejects(group.openKeyring(alice.privateKey, alice.publicKey, "another-group", sealed), undefined, "bound to its group");
});

test("a record written after a member was removed is unreadable with the keyring they kept", async () => {
  const before = group.newKeyring();
  const after = group.nextKeyring(before);
  assert.equal(group.latestVersion(after), 2);
  const older = await group.encryptGroupRecord(before, GROUP, RECORD, { reference: "old" });
  const later = await group.encryptGroupRecord(after, GROUP, RECORD, { reference: "new" });
  assert.deepEqual(await group.decryptGroupRecord(after, GROUP, RECORD, older), { reference: "old" }, "older records stay readable");
  assert.deepEqual(await group.decryptGroupRecord(after, GROUP, RECORD, later), { reference: "new" });
  await assert.rejects(group.decryptGroupRecord(before, GROUP, RECORD, later), /No key for this record/);
});

test("a group record's key version cannot be changed to make it open under another key", async () => {
  const keyring = group.nextKeyring(group.newKeyring());
  const box = await group.encryptGroupRecord(keyring, GROUP, RECORD, { reference: "x" });
  const relabelled = box.slice();
  new DataView(relabelled.buffer).setUint32(0, 1);
  await assert.rejects(group.decryptGroupRecord(keyring, GROUP, RECORD, relabelled));
  await assert.rejects(group.decryptGroupRecord(keyring, GROUP, RECORD, box.slice(0, 4)), /Too short/);
});

test("a new keyring skips the numbers of keys this device refused, and never goes back", () => {
  const keyring = group.newKeyring();
  assert.deepEqual(Object.keys(group.nextKeyring(keyring, 5)), ["1", "5"]);
  assert.deepEqual(Object.keys(group.nextKeyring(keyring, 1)), ["1", "2"]);
});

test("a keyring that swaps or drops a key this device holds is recognised", () => {
  const held = group.nextKeyring(group.newKeyring());
  assert.equal(group.keepsKeys(group.nextKeyring(held), held), true);
  assert.equal(group.keepsKeys({ ...held, 1: toBase64(randomBytes(32)) }, held), false, "swapped");
  assert.equal(group.keepsKeys({ 2: held[2] }, held), false, "dropped");
});

test("only a map of versions to 32-byte keys counts as a keyring", () => {
  const key = toBase64(randomBytes(32));
  assert.equal(group.isKeyring({ 1: key, 7: key }), true);
  for (const bad of [null, [], {}, { 0: key }, { "01": key }, { 1: toBase64(randomBytes(16)) }, { 1: 42 }, { 1: "not base64!" }, { x: key }]) {
    assert.equal(group.isKeyring(bad), false, JSON.stringify(bad));
  }
});

test("an invite secret gives the key that opens the invite and the proof whose hash the server keeps", async () => {
  const v = vectors.invite;
  const keys = await group.inviteKeys(v.secret, v.invite_id);
  assert.equal(keys.proof, v.proof);
  assert.equal(keys.proofHash, v.proof_hash);
  assert.deepEqual(await group.openInvite(keys.key, v.invite_id, toBase64(bytes(v.sealed))), v.payload);
  const elsewhere = await group.inviteKeys(v.secret, "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b");
  assert.notEqual(elsewhere.proof, v.proof, "a proof is only good for its own invite");
});

test("an invite made on one device opens from its link on another", async () => {
  const secret = group.newInviteSecret();
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/, "fits in a link's fragment as it is");
  const maker = await group.inviteKeys(secret, "i-1");
  const sealed = await group.sealInvite(maker.key, "i-1", { group: GROUP });
  const joiner = await group.inviteKeys(secret, "i-1");
  assert.equal(joiner.proofHash, maker.proofHash);
  assert.deepEqual(await group.openInvite(joiner.key, "i-1", sealed), { group: GROUP });
});

test("a link whose secret was cut short or mangled is not an invite", async () => {
  const secret = group.newInviteSecret();
  assert.equal(await group.inviteKeys(secret.slice(0, -2), "i-1"), null);
  assert.equal(await group.inviteKeys(`${secret}AAAA`, "i-1"), null);
  assert.equal(await group.inviteKeys("%%%", "i-1"), null);
});
