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
  isKeyring,
  keepsKeys,
  latestVersion,
  newInviteSecret,
  newKeyring,
  nextKeyring,
  openInvite as openInviteBox,
  openKeyring,
  sealInvite,
  sealKeyring,
} from "./group-crypto.js";
import { readEntry } from "./group-records.js";
import { ownKeys } from "./identity.js";
import { deleteItem, saveItem } from "./casefiles.js";
import { forgetCollection, get as getOne, listCollections, put, queueWrite, readCollection, transact } from "./store.js";
import { KIND } from "./kinds.js";
import { onLock } from "./session.js";
import { refreshCollections, syncCollection } from "./sync.js";
import { format, gettext, ngettext } from "../i18n.js";

export const GROUP_KIND = "linkgroup";
export const DEFAULT_GROUP_NAME = gettext("People targeted by the same person");

/** @type {Map<string, object|null>} keyrings by group id and the sealed copy they came from; null if it did not open */
const keyrings = new Map();

export function forgetKeyrings() {
  keyrings.clear();
}
onLock(forgetKeyrings);

export class LinkProblem extends Error {}

/* `offlineText` is the whole sentence, not an action to fill in: a translation may need to word each one differently. */
function needsConnection(error, offlineText) {
  if (error instanceof ApiError && error.isOffline) throw new LinkProblem(offlineText);
  if (error instanceof ApiError) throw new LinkProblem(error.message);
  throw error;
}

async function storedGroup(groupId) {
  return transact(["collections"], "readonly", ({ collections }) => getOne(collections, groupId));
}

async function updateGroup(groupId, change) {
  await transact(["collections"], "readwrite", async ({ collections }) => {
    const stored = await getOne(collections, groupId);
    if (stored && !stored.removed) await put(collections, { ...stored, ...change });
  });
}

async function opened(groupId, sealed) {
  const cacheKey = `${groupId} ${sealed}`;
  if (!keyrings.has(cacheKey)) {
    const { publicKey, privateKey } = await ownKeys(current().vaultKey);
    keyrings.set(cacheKey, sealed ? await openKeyring(privateKey, publicKey, groupId, sealed).catch(() => null) : null);
  }
  return keyrings.get(cacheKey);
}

/**
 * The keyring this device uses for a group, or null if it holds none it can open. A new one the server
 * offers (someone moved the group to a new key) is taken on only if it opens and still holds every key
 * this device had: a member's device could send anyone a keyring that is garbage, or that swaps keys.
 * Otherwise the old one stays, and `keyRefused` tells the group page to say so.
 */
async function keyringOf(group) {
  const held = await opened(group.id, group.wrappedKey);
  if (!group.offeredKey || group.offeredKey === group.wrappedKey) return held;
  const offered = await opened(group.id, group.offeredKey);
  const fine = Boolean(offered) && (!held || keepsKeys(offered, held));
  if (fine) await updateGroup(group.id, { wrappedKey: group.offeredKey, keyRefused: false });
  else if (!group.keyRefused) await updateGroup(group.id, { keyRefused: true });
  return fine ? offered : held;
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
      groupKeyVersion: item.group_key_version,
      wrappedKey: item.wrapped_key,
      offeredKey: item.wrapped_key,
      authorsKept: true,
      cursor: "",
      onServer: true,
    }),
  );
}

/** The group's members as the server lists them, remembered (with this person's own membership id) for offline use. */
async function fetchMembers(groupId) {
  const { members } = await get(`collections/${groupId}/members/`);
  const me = members.find((member) => member.you);
  const people = members.map(({ id, role }) => ({ id, role }));
  const group = await storedGroup(groupId);
  if (group && (JSON.stringify(group.members) !== JSON.stringify(people) || (me && group.memberId !== me.id))) {
    await updateGroup(groupId, { members: people, ...(me ? { memberId: me.id } : {}) });
  }
  return members;
}

async function joinedAs(groupId, caseFileId, displayName) {
  const members = await fetchMembers(groupId);
  const me = members.find((member) => member.you);
  await saveGroupRecord(groupId, await memberRecordId(groupId, me.id), { kind: KIND.member, memberId: me.id, displayName });
  await saveItem(caseFileId, await linkRecordId(caseFileId, groupId), { kind: KIND.link, groupId });
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
    await saveGroupRecord(id, await namedRecordId(id, "details"), { kind: KIND.details, name: name || DEFAULT_GROUP_NAME });
    await joinedAs(id, caseFileId, displayName);
  } catch (error) {
    needsConnection(error, gettext("You need a connection to start a link group. Try again when you have signal."));
  }
  return id;
}

/**
 * Everything in a group this device can read: its name, members, shared reference numbers and notes.
 * Each entry is shown as written by the member the server says wrote it, whatever it says inside; an
 * entry that does not open or is not well formed is counted in `unreadable`, never drawn.
 */
export async function openGroup(groupId) {
  let group = await storedGroup(groupId);
  if (!group || group.removed) return null;
  const keyring = await keyringOf(group);
  group = await storedGroup(groupId); // with a keyring just taken on, or refused
  const stored = await readCollection(groupId);
  const latest = new Map(stored.records.map((r) => [r.id, { ...r, pending: false }]));
  for (const edit of stored.outbox) latest.set(edit.id, { ...edit, author: group.memberId ?? null, pending: true });
  const detailsId = await namedRecordId(groupId, "details");
  const ownIds = new Map();
  const ownIdsOf = async (author) => {
    if (!Number.isInteger(author)) return null;
    if (!ownIds.has(author)) ownIds.set(author, { member: await memberRecordId(groupId, author), note: await noteRecordId(groupId, author) });
    return ownIds.get(author);
  };
  const items = [];
  let unreadable = 0;
  for (const record of [...latest.values()].filter((r) => !r.deleted)) {
    const author = Number.isInteger(record.author) ? record.author : null;
    let entry = null;
    try {
      const value = await decryptGroupRecord(keyring, groupId, record.id, fromBase64(record.ciphertext));
      entry = readEntry(value, { id: record.id, author, detailsId, ownIds: await ownIdsOf(author) });
    } catch {
      entry = null;
    }
    if (entry) items.push({ id: record.id, pending: record.pending, ...entry });
    else unreadable += 1;
  }
  // The server takes out the name of anyone who leaves, so a name here is someone in the group (this device's
  // list of members may be older than the records).
  const inGroup = group.members ? new Set(group.members.map((member) => member.id)) : null;
  const names = distinctNames(items.filter((i) => i.kind === KIND.member));
  const nameOf = (memberId) => names.get(memberId) || (inGroup && !inGroup.has(memberId) ? gettext("Someone who has left") : gettext("Someone who is just joining"));
  const details = items.find((i) => i.kind === KIND.details);
  const attributed = (i) => ({ ...i, sharedBy: nameOf(i.memberId), mine: i.memberId === group.memberId });
  return {
    id: groupId,
    name: details ? details.name : DEFAULT_GROUP_NAME,
    role: group.role,
    memberId: group.memberId,
    names,
    references: items.filter((i) => i.kind === KIND.reference).map(attributed),
    notes: items.filter((i) => i.kind === KIND.note && i.text).map(attributed),
    unreadable,
    keyRefused: Boolean(group.keyRefused) || !keyring,
  };
}

/** How a name compares with another: case, spacing and look-alike forms of letters set aside. */
const nameKey = (name) => name.normalize("NFKC").toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();

/**
 * Display names by membership id. Each person chooses their own, so someone can choose another's:
 * a name more than one person uses says so on every entry under it.
 */
function distinctNames(memberRecords) {
  const holders = new Map();
  for (const each of memberRecords) holders.set(nameKey(each.displayName), (holders.get(nameKey(each.displayName)) || 0) + 1);
  return new Map(memberRecords.map((each) => {
    const count = holders.get(nameKey(each.displayName));
    return [each.memberId, count > 1 ? format(ngettext("%(name)s (%(count)s person uses this name)", "%(name)s (%(count)s people use this name)", count), { name: each.displayName, count }) : each.displayName];
  }));
}

/** Groups a case file is linked to, with their names; a group this account has left or was removed from says so. */
export async function groupsOf(caseFile) {
  const links = caseFile.items.filter((item) => item.kind === KIND.link);
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
    return needsConnection(error, gettext("You need a connection to see who is in the group. Try again when you have signal."));
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
  for (const reference of caseFile.items.filter((item) => item.kind === KIND.reference)) {
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
    kind: KIND.reference,
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
  for (const link of caseFile.items.filter((item) => item.kind === KIND.link)) {
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
  await saveGroupRecord(groupId, await noteRecordId(groupId, group.memberId), { kind: KIND.note, memberId: group.memberId, text });
}

/** A new single-use invite link. The secret after # never reaches the server. */
export async function createInvite(groupId, inviterName) {
  const group = await storedGroup(groupId);
  const { name } = await openGroup(groupId);
  const keyring = await keyringOf(group);
  if (!keyring) throw new LinkProblem(NO_KEY);
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
    needsConnection(error, gettext("You need a connection to make an invite link. Try again when you have signal."));
  }
  return link;
}

export async function invites(groupId) {
  try {
    return (await get(`collections/${groupId}/invites/`)).invites;
  } catch (error) {
    return needsConnection(error, gettext("You need a connection to see the invites. Try again when you have signal."));
  }
}

export async function revokeInvite(inviteId) {
  try {
    await post(`invites/${inviteId}/revoke/`);
  } catch (error) {
    needsConnection(error, gettext("You need a connection to withdraw an invite. Try again when you have signal."));
  }
}

const NO_KEY = gettext(
  "This device cannot open the group's key, so it cannot invite anyone. Ask the person who started the group to remove anyone who should not be in it: that gives everyone a new key.",
);

const BROKEN_LINK = gettext("This invite link is not valid. Check you copied all of it, or ask for a new one.");

/** What an invite link offers: who sent it, and the group. Throws LinkProblem with the reason it cannot be used. */
export async function openInvite(inviteId, secret) {
  const keys = await inviteKeys(secret || "", inviteId);
  if (!keys) throw new LinkProblem(BROKEN_LINK);
  let response;
  try {
    response = await post(`invites/${inviteId}/open/`, { proof: keys.proof });
  } catch (error) {
    needsConnection(error, gettext("You need a connection to open an invite. Try again when you have signal."));
  }
  let payload;
  try {
    payload = await openInviteBox(keys.key, inviteId, response.sealed);
  } catch {
    throw new LinkProblem(BROKEN_LINK);
  }
  // Any member can make an invite, the harasser too: what it carries is checked like any group record.
  const named = (value) => typeof value === "string" && value.trim() !== "" && value.length <= 500;
  if (!payload || typeof payload.groupId !== "string" || !named(payload.groupName) || !named(payload.inviterName) || !isKeyring(payload.keyring)) throw new LinkProblem(BROKEN_LINK);
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
    needsConnection(error, gettext("You need a connection to join the group. Try again when you have signal."));
  }
  return invite.groupId;
}

/**
 * Give every remaining member a new keyring with one more key, so whoever left cannot read what comes next.
 * It builds on the keyring this device uses, numbered after the group's newest key: that one may be a key
 * this device refused, and the server still counts it.
 */
async function newKeysFor(group, remaining) {
  const held = await keyringOf(group);
  const version = Math.max(group.groupKeyVersion || 0, held ? latestVersion(held) : 0) + 1;
  const keyring = held ? nextKeyring(held, version) : { [version]: newKeyring()[1] };
  const keys = [];
  for (const member of remaining) keys.push({ member: member.id, wrapped_key: await sealKeyring(member.public_key, group.id, keyring) });
  return { key_version: latestVersion(keyring), keys };
}

/** Move the group to a new key, and use it here at once: nothing written after this may use the old one. */
async function rotate(group, path, remaining) {
  const body = await newKeysFor(group, remaining);
  await post(path, body);
  const mine = body.keys.find((each) => each.member === remaining.find((member) => member.you)?.id);
  await updateGroup(group.id, { wrappedKey: mine.wrapped_key, offeredKey: mine.wrapped_key, keyRefused: false, keyVersion: body.key_version, groupKeyVersion: body.key_version, rotationNeeded: false });
}

/**
 * Remove someone (the person who started the group only), and move the group to a new key. The server
 * takes out what they shared, by who it saw write it; the next sync brings the tombstones here.
 */
export async function removeMember(groupId, memberId) {
  try {
    await refreshCollections(); // the group's newest key number, which the new key must follow
    const group = await storedGroup(groupId);
    const everyone = await fetchMembers(groupId);
    await rotate(group, `collections/${groupId}/members/${memberId}/remove/`, everyone.filter((member) => member.id !== memberId));
    await fetchMembers(groupId);
    await syncCollection(groupId);
  } catch (error) {
    needsConnection(error, gettext("You need a connection to remove someone from the group. Try again when you have signal."));
  }
}

/** Leave a group: the server takes out what this person shared, then the group is dropped from this device. */
export async function leaveGroup(groupId, caseFileId) {
  try {
    await syncCollection(groupId); // edits still queued here reach the others first, and leave with the rest
    await post(`collections/${groupId}/leave/`);
  } catch (error) {
    needsConnection(error, gettext("You need a connection to leave the group. Try again when you have signal."));
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
