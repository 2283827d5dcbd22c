/**
 * Link groups: people targeted by the same person share reference numbers (DESIGN.md, "Linked cases").
 *
 * A group is a collection in the same sync as case files. Its records (the group's name, each
 * member's display name and note, each shared reference number) are encrypted with the group's
 * key. A person's case file only records which groups it is linked to; nothing else of it is shared.
 */
import { current } from "./account.js";
import { ApiError, createWithFreshId, get, post } from "./api.js";
import { fromBase64, namedRecordId, toBase64 } from "./crypto.js";
import {
  decryptGroupRecord,
  encryptGroupRecord,
  inviteKeys,
  latestVersion,
  newInviteSecret,
  newKeyring,
  nextKeyring,
  openInvite as openInviteBox,
  openKeyring,
  sealInvite,
  sealKeyring,
} from "./group-crypto.js";
import { ownKeys } from "./identity.js";
import { deleteItem, saveItem } from "./casefiles.js";
import { forgetCollection, get as getOne, listCollections, put, queueWrite, readCollection, transact } from "./store.js";
import { refreshCollections, syncCollection } from "./sync.js";

export const GROUP_KIND = "linkgroup";
export const DEFAULT_GROUP_NAME = "People targeted by the same person";

/** @type {Map<string, object>} keyrings by group id and the sealed copy they came from */
const keyrings = new Map();

export function forgetKeyrings() {
  keyrings.clear();
}

export class LinkProblem extends Error {}

function needsConnection(error, action) {
  if (error instanceof ApiError && error.isOffline) throw new LinkProblem(`You need a connection to ${action}. Try again when you have signal.`);
  if (error instanceof ApiError) throw new LinkProblem(error.message);
  throw error;
}

async function storedGroup(groupId) {
  return transact(["collections"], "readonly", ({ collections }) => getOne(collections, groupId));
}

async function keyringOf(group) {
  const cacheKey = `${group.id} ${group.wrappedKey}`;
  if (!keyrings.has(cacheKey)) {
    const { publicKey, privateKey } = await ownKeys(current().vaultKey);
    keyrings.set(cacheKey, await openKeyring(privateKey, publicKey, group.id, group.wrappedKey));
  }
  return keyrings.get(cacheKey);
}

/** Before writing to a group, pick up a new key if someone left (best effort: offline, the next sync does it). */
async function refreshKeys() {
  await refreshCollections().catch((error) => {
    if (!(error instanceof ApiError)) throw error;
  });
}

async function saveGroupRecord(groupId, id, value) {
  const keyring = await keyringOf(await storedGroup(groupId));
  const ciphertext = toBase64(await encryptGroupRecord(keyring, groupId, id, { ...value, updated: new Date().toISOString() }));
  await queueWrite({ collectionId: groupId, id, ciphertext, deleted: false });
}

const removeGroupRecord = (groupId, id) => queueWrite({ collectionId: groupId, id, ciphertext: "", deleted: true });

const memberRecordId = (groupId, memberId) => namedRecordId(groupId, `member-${memberId}`);
const noteRecordId = (groupId, memberId) => namedRecordId(groupId, `note-${memberId}`);
const sharedRecordId = (groupId, memberId, referenceId) => namedRecordId(groupId, `reference-${memberId}-${referenceId}`);
const linkRecordId = (caseFileId, groupId) => namedRecordId(caseFileId, `link-${groupId}`);

async function storeGroup(item) {
  await transact(["collections"], "readwrite", ({ collections }) =>
    put(collections, {
      id: item.id,
      kind: GROUP_KIND,
      role: item.role,
      keyVersion: item.key_version,
      rotationNeeded: item.rotation_needed,
      wrappedKey: item.wrapped_key,
      cursor: "",
      onServer: true,
    }),
  );
}

/** The group's members as the server lists them, with this person's own membership id remembered for offline use. */
async function fetchMembers(groupId) {
  const { members } = await get(`collections/${groupId}/members/`);
  const me = members.find((member) => member.you);
  const group = await storedGroup(groupId);
  if (group && me && group.memberId !== me.id) {
    await transact(["collections"], "readwrite", ({ collections }) => put(collections, { ...group, memberId: me.id }));
  }
  return members;
}

async function joinedAs(groupId, caseFileId, displayName) {
  const members = await fetchMembers(groupId);
  const me = members.find((member) => member.you);
  await saveGroupRecord(groupId, await memberRecordId(groupId, me.id), { kind: "member", memberId: me.id, displayName });
  await saveItem(caseFileId, await linkRecordId(caseFileId, groupId), { kind: "link", groupId });
  await syncCollection(groupId);
}

/** Start a group from a case file. Needs a connection: the group is for sharing. */
export async function createGroup({ caseFileId, name, displayName }) {
  let id;
  try {
    const { publicKey } = await ownKeys(current().vaultKey);
    // The keyring is sealed to the group's id, so a fresh id needs a fresh seal.
    const item = await createWithFreshId(async (fresh) =>
      post("collections/", { id: fresh, kind: GROUP_KIND, wrapped_key: await sealKeyring(publicKey, fresh, newKeyring()) }),
    );
    id = item.id;
    await storeGroup(item);
    await saveGroupRecord(id, await namedRecordId(id, "details"), { kind: "details", name: name || DEFAULT_GROUP_NAME });
    await joinedAs(id, caseFileId, displayName);
  } catch (error) {
    needsConnection(error, "start a link group");
  }
  return id;
}

/** Everything in a group this device can read: its name, members, shared reference numbers and notes. */
export async function openGroup(groupId) {
  const group = await storedGroup(groupId);
  if (!group || group.removed) return null;
  const keyring = await keyringOf(group);
  const stored = await readCollection(groupId);
  const latest = new Map(stored.records.map((r) => [r.id, { ...r, pending: false }]));
  for (const edit of stored.outbox) latest.set(edit.id, { ...edit, pending: true });
  const items = [];
  let unreadable = 0;
  for (const record of [...latest.values()].filter((r) => !r.deleted)) {
    try {
      items.push({ id: record.id, pending: record.pending, ...(await decryptGroupRecord(keyring, groupId, record.id, fromBase64(record.ciphertext))) });
    } catch {
      unreadable += 1;
    }
  }
  const names = new Map(items.filter((i) => i.kind === "member").map((i) => [i.memberId, i.displayName]));
  const nameOf = (memberId) => names.get(memberId) || "Someone who has left";
  const details = items.find((i) => i.kind === "details");
  return {
    id: groupId,
    name: details ? details.name : DEFAULT_GROUP_NAME,
    role: group.role,
    memberId: group.memberId,
    names,
    references: items.filter((i) => i.kind === "reference").map((i) => ({ ...i, sharedBy: nameOf(i.memberId), mine: i.memberId === group.memberId })),
    notes: items.filter((i) => i.kind === "note" && i.text).map((i) => ({ ...i, sharedBy: nameOf(i.memberId), mine: i.memberId === group.memberId })),
    unreadable,
  };
}

/** Groups a case file is linked to, with their names; a group this account has left or was removed from says so. */
export async function groupsOf(caseFile) {
  const links = caseFile.items.filter((item) => item.kind === "link");
  const local = new Map((await listCollections()).map((c) => [c.id, c]));
  const groups = [];
  for (const link of links) {
    const stored = local.get(link.groupId);
    const group = stored && !stored.removed ? await openGroup(link.groupId) : null;
    groups.push({ linkId: link.id, id: link.groupId, name: group ? group.name : null, removed: Boolean(stored?.removed) });
  }
  return groups;
}

export async function members(groupId) {
  try {
    return await fetchMembers(groupId);
  } catch (error) {
    return needsConnection(error, "see who is in the group");
  }
}

/**
 * Share exactly the chosen reference numbers of a case file with a group: new choices are added,
 * unticked ones withdrawn, and shared ones brought up to date.
 */
export async function shareReferences(groupId, caseFile, chosenIds) {
  await refreshKeys();
  const group = await openGroup(groupId);
  const chosen = new Set(chosenIds);
  for (const reference of caseFile.items.filter((item) => item.kind === "reference")) {
    const id = await sharedRecordId(groupId, group.memberId, reference.id);
    const shared = group.references.find((each) => each.id === id);
    if (chosen.has(reference.id)) {
      const copy = sharedCopy(reference, group.memberId);
      if (!shared || differs(shared, copy)) await saveGroupRecord(groupId, id, copy);
    } else if (shared) {
      await removeGroupRecord(groupId, id);
    }
  }
}

function sharedCopy(reference, memberId) {
  return {
    kind: "reference",
    memberId,
    sourceId: reference.id,
    agencyLabel: reference.agencyLabel,
    reference: reference.reference,
    date: reference.date,
    force: reference.force || "",
    officer: reference.officer,
    statusLabel: reference.statusLabel,
  };
}

const differs = (shared, copy) => Object.entries(copy).some(([name, value]) => shared[name] !== value);

/** Keep every shared copy of a changed or deleted reference number up to date, in every group the case file is linked to. */
export async function referenceChanged(caseFile, referenceId, reference = null) {
  for (const link of caseFile.items.filter((item) => item.kind === "link")) {
    const group = await storedGroup(link.groupId);
    if (!group || !group.memberId) continue;
    const id = await sharedRecordId(group.id, group.memberId, referenceId);
    const stored = await transact(["records", "outbox"], "readonly", async ({ records, outbox }) => (await getOne(outbox, [group.id, id])) || getOne(records, [group.id, id]));
    if (!stored || stored.deleted) continue;
    if (reference) await saveGroupRecord(group.id, id, sharedCopy({ ...reference, id: referenceId }, group.memberId));
    else await removeGroupRecord(group.id, id);
  }
}

export async function saveNote(groupId, text) {
  await refreshKeys();
  const group = await storedGroup(groupId);
  await saveGroupRecord(groupId, await noteRecordId(groupId, group.memberId), { kind: "note", memberId: group.memberId, text });
}

/** A new single-use invite link. The secret after # never reaches the server. */
export async function createInvite(groupId, inviterName) {
  const group = await storedGroup(groupId);
  const { name } = await openGroup(groupId);
  const keyring = await keyringOf(group);
  let link;
  try {
    // The secret's keys and the sealed invite are bound to the invite's id: a fresh id needs all of them afresh.
    link = await createWithFreshId(async (inviteId) => {
      const secret = newInviteSecret();
      const { key, proofHash } = await inviteKeys(secret, inviteId);
      const sealed = await sealInvite(key, inviteId, { groupId, groupName: name, inviterName, keyring });
      await post(`collections/${groupId}/invites/`, { id: inviteId, proof_hash: proofHash, sealed });
      return `${location.origin}/links/join/${inviteId}#${secret}`;
    });
  } catch (error) {
    needsConnection(error, "make an invite link");
  }
  return link;
}

export async function invites(groupId) {
  try {
    return (await get(`collections/${groupId}/invites/`)).invites;
  } catch (error) {
    return needsConnection(error, "see the invites");
  }
}

export async function revokeInvite(inviteId) {
  try {
    await post(`invites/${inviteId}/revoke/`);
  } catch (error) {
    needsConnection(error, "withdraw an invite");
  }
}

const BROKEN_LINK = "This invite link is not valid. Check you copied all of it, or ask for a new one.";

/** What an invite link offers: who sent it, and the group. Throws LinkProblem with the reason it cannot be used. */
export async function openInvite(inviteId, secret) {
  const keys = await inviteKeys(secret || "", inviteId);
  if (!keys) throw new LinkProblem(BROKEN_LINK);
  let response;
  try {
    response = await post(`invites/${inviteId}/open/`, { proof: keys.proof });
  } catch (error) {
    needsConnection(error, "open an invite");
  }
  let payload;
  try {
    payload = await openInviteBox(keys.key, inviteId, response.sealed);
  } catch {
    throw new LinkProblem(BROKEN_LINK);
  }
  return { inviteId, proof: keys.proof, keyVersion: response.key_version, ...payload };
}

/** Join through an opened invite, linking one of this person's case files. */
export async function joinGroup(invite, { caseFileId, displayName }) {
  try {
    const { publicKey } = await ownKeys(current().vaultKey);
    const { collection } = await post(`invites/${invite.inviteId}/join/`, {
      proof: invite.proof,
      wrapped_key: await sealKeyring(publicKey, invite.groupId, invite.keyring),
      key_version: invite.keyVersion,
    });
    await storeGroup(collection);
    await joinedAs(collection.id, caseFileId, displayName);
  } catch (error) {
    needsConnection(error, "join the group");
  }
  return invite.groupId;
}

/** Give every remaining member a new keyring with one more key, so whoever left cannot read what comes next. */
async function newKeysFor(group, remaining) {
  const keyring = nextKeyring(await keyringOf(group));
  const keys = [];
  for (const member of remaining) keys.push({ member: member.id, wrapped_key: await sealKeyring(member.public_key, group.id, keyring) });
  return { key_version: latestVersion(keyring), keys };
}

/** Move the group to a new key, and use it here at once: nothing written after this may use the old one. */
async function rotate(group, path, remaining) {
  const body = await newKeysFor(group, remaining);
  await post(path, body);
  const mine = body.keys.find((each) => each.member === remaining.find((member) => member.you)?.id);
  await transact(["collections"], "readwrite", ({ collections }) =>
    put(collections, { ...group, wrappedKey: mine.wrapped_key, keyVersion: body.key_version, rotationNeeded: false }),
  );
}

/** Remove someone (the person who started the group only). Their shared entries go with them. */
export async function removeMember(groupId, memberId) {
  try {
    const group = await storedGroup(groupId);
    const everyone = await fetchMembers(groupId);
    await rotate(group, `collections/${groupId}/members/${memberId}/remove/`, everyone.filter((member) => member.id !== memberId));
    await syncCollection(groupId);
    const left = await openGroup(groupId);
    for (const item of [...left.references, ...left.notes].filter((each) => each.memberId === memberId)) await removeGroupRecord(groupId, item.id);
    await syncCollection(groupId);
  } catch (error) {
    needsConnection(error, "remove someone from the group");
  }
}

/** Leave a group: this person's shared entries are withdrawn first, then the group is dropped from this device. */
export async function leaveGroup(groupId, caseFileId) {
  try {
    const group = await openGroup(groupId);
    for (const item of [...group.references, ...group.notes].filter((each) => each.mine)) await removeGroupRecord(groupId, item.id);
    await syncCollection(groupId);
    await post(`collections/${groupId}/leave/`);
  } catch (error) {
    needsConnection(error, "leave the group");
  }
  await forgetCollection(groupId);
  await deleteItem(caseFileId, await linkRecordId(caseFileId, groupId));
}

/** After someone left, any remaining member's device moves the group to a new key. */
export async function rotateWhereNeeded() {
  for (const group of (await listCollections()).filter((c) => c.kind === GROUP_KIND && c.rotationNeeded)) {
    try {
      await rotate(group, `collections/${group.id}/rotate-key/`, await fetchMembers(group.id));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error; // 409: another member's device did it first
    }
  }
}
