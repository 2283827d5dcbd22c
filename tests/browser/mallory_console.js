// Mallory's browser console, for tests/browser/test_linked_cases_mallory.py: the very modules the page runs
// (found by their hashed names, so they share its state: the unlocked account, the store), and two attacks.
async () => {
  const paths = performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname);
  const load = (name) => import(paths.find((path) => path.startsWith(`/static/js/casefile/${name}.`)) || `/static/js/casefile/${name}.js`);
  const names = ["account", "api", "crypto", "group-crypto", "identity", "store", "sync"];
  window.m = {};
  for (const name of names) window.m[name] = await load(name);

  const attack = async ({ groupId }) => {
    const { account, api, crypto, identity, store, sync } = window.m;
    const groupCrypto = window.m["group-crypto"];
    const group = (await store.listCollections()).find((each) => each.id === groupId);
    const { publicKey, privateKey } = await identity.ownKeys(account.current().vaultKey);
    const keyring = await groupCrypto.openKeyring(privateKey, publicKey, groupId, group.wrappedKey);
    const sealed = async (id, value) => crypto.toBase64(await groupCrypto.encryptGroupRecord(keyring, groupId, id, value));
    const { members } = await api.get(`collections/${groupId}/members/`);
    const alice = members.find((each) => each.role === "owner").id;
    const { records } = await api.get(`collections/${groupId}/records/?since=&limit=200`);
    let alicesReference = null;
    for (const record of records) {
      const value = await groupCrypto.decryptGroupRecord(keyring, groupId, record.id, crypto.fromBase64(record.ciphertext)).catch(() => null);
      if (value && value.kind === "reference" && record.author === alice) alicesReference = { record, value };
    }
    const answer = async (writes) => {
      try {
        await api.post(`collections/${groupId}/records/push/`, { writes });
        return "saved";
      } catch (error) {
        return `${error.status} ${error.body.code}`;
      }
    };
    const { record, value } = alicesReference;
    const fake = { kind: "reference", memberId: alice, sourceId: "x", agencyLabel: "Action Fraud", reference: "FORGED-1", date: "2026-11-02", force: "Greater Manchester Police", officer: "", statusLabel: "Reported" };
    const refused = {
      altered: await answer([{ id: record.id, base_version: record.version, ciphertext: await sealed(record.id, { ...value, reference: "ALTERED-1" }), deleted: false }]),
      deleted: await answer([{ id: record.id, base_version: record.version, ciphertext: "", deleted: true }]),
      name: await answer([{ id: await crypto.namedRecordId(groupId, `member-${alice}`), base_version: 1, ciphertext: await sealed(await crypto.namedRecordId(groupId, `member-${alice}`), { kind: "member", memberId: alice, displayName: "Alice (changed)" }), deleted: false }]),
      renamed: await answer([{ id: await crypto.namedRecordId(groupId, "details"), base_version: 1, ciphertext: await sealed(await crypto.namedRecordId(groupId, "details"), { kind: "details", name: "RENAMED" }), deleted: false }]),
    };
    // Mallory's own records, which the server cannot refuse: a forged claim, and six poisoned ones.
    const own = async (value) => {
      const id = globalThis.crypto.randomUUID();
      return { id, base_version: 0, ciphertext: typeof value === "string" ? value : await sealed(id, value), deleted: false };
    };
    const garbage = crypto.toBase64(globalThis.crypto.getRandomValues(new Uint8Array(80)));
    const accepted = await answer([
      await own(fake),
      await own({ ...fake, reference: "POISON-1", agencyLabel: { toString: "x" }, date: 7 }),
      await own({ ...fake, reference: "POISON-2", date: "2026-02-31" }),
      await own({ kind: "script", html: "<img src=x onerror=alert(1)>" }),
      await own({ kind: "member", memberId: alice, displayName: "Alice" }),
      await own({ kind: "details", name: "RENAMED" }),
      await own(garbage),
    ]);
    // And through the page's own sync: an edit of Alice's entry, queued as any edit would be.
    await store.queueWrite({ collectionId: groupId, id: record.id, ciphertext: await sealed(record.id, { ...value, reference: "ALTERED-2" }), deleted: false });
    await sync.syncCollection(groupId);
    const stuck = (await store.readCollection(groupId)).outbox.length;
    return { refused, accepted, stuck };
  };

  const garbageRotation = async ({ groupId }) => {
    const { api, crypto } = window.m;
    const groupCrypto = window.m["group-crypto"];
    const { members } = await api.get(`collections/${groupId}/members/`);
    const random = (size) => crypto.toBase64(globalThis.crypto.getRandomValues(new Uint8Array(size)));
    const keys = [];
    for (const member of members) {
      // The starter gets bytes that open nothing; the others a keyring that opens but swaps the group's first key.
      const wrapped = member.role === "owner" ? random(200) : await groupCrypto.sealKeyring(member.public_key, groupId, { 1: random(32), 2: random(32) });
      keys.push({ member: member.id, wrapped_key: wrapped });
    }
    await api.post(`collections/${groupId}/rotate-key/`, { key_version: 2, keys });
    return "sent";
  };

  // Her own name record, which is hers to change: she takes Alice's name.
  const takeName = async ({ groupId, name }) => {
    const { account, api, crypto, identity, store } = window.m;
    const groupCrypto = window.m["group-crypto"];
    const group = (await store.listCollections()).find((each) => each.id === groupId);
    const { publicKey, privateKey } = await identity.ownKeys(account.current().vaultKey);
    const keyring = await groupCrypto.openKeyring(privateKey, publicKey, groupId, group.wrappedKey);
    const me = (await api.get(`collections/${groupId}/members/`)).members.find((each) => each.you).id;
    const id = await crypto.namedRecordId(groupId, `member-${me}`);
    const { records } = await api.get(`collections/${groupId}/records/?since=&limit=200`);
    const current = records.find((each) => each.id === id);
    const ciphertext = crypto.toBase64(await groupCrypto.encryptGroupRecord(keyring, groupId, id, { kind: "member", memberId: me, displayName: name }));
    await api.post(`collections/${groupId}/records/push/`, { writes: [{ id, base_version: current.version, ciphertext, deleted: false }] });
    return "renamed";
  };

  window.mallory = { attack, garbageRotation, takeName };
}
