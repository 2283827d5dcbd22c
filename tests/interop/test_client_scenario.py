"""The reference client (tests/interop/client.py, written from docs/PROTOCOL.md) against a live server.

Two devices of one person, over real HTTP: register, sign in, a case file, records, a conflict made and
settled from the second device, a file in chunks with a chunk at a stale offset, a signed receipt checked
with the published key, and the second device pulling and decrypting everything.
"""

import base64
import hashlib
import uuid
from unittest.mock import ANY

import pytest
from rest_framework.throttling import SimpleRateThrottle

from tests.interop.client import ApiError, Client, derive_from_recovery_code, named_record_id, verify_receipt

PASSPHRASE = "four unrelated words here"
CHUNK = 64 * 1024


@pytest.fixture
def small_chunks(settings):
    settings.BLOB_CHUNK_BYTES = CHUNK
    return CHUNK


def diary(what: str, date: str = "2026-11-20") -> dict:
    return {
        "kind": "diary", "date": date, "time": "21:40", "platform": "Instagram", "handle": "@someone", "what": what,
        "witnesses": "", "impact": "", "response": "", "links": [], "reported": False, "reference": "",
    }  # fmt: skip


def test_two_devices_share_a_case_file_through_the_published_protocol(live_server, small_chunks):
    phone = Client(live_server.url)
    code = phone.register("sam.r", PASSPHRASE)
    assert len(code) == 39 and derive_from_recovery_code(code.lower().replace("-", " "))
    phone.sign_out()
    phone.sign_in("sam.r", PASSPHRASE)

    case_file = phone.create_case_file("Messages from one account")
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    results = phone.push(case_file, [phone.write(case_file, first, diary("Twenty messages – “again”")),
                                     phone.write(case_file, second, diary("A new account followed me"))])  # fmt: skip
    assert [(r["status"], r["version"]) for r in results] == [("saved", 1), ("saved", 1)]

    laptop = Client(live_server.url)
    laptop.sign_in("sam.r", PASSPHRASE)
    [listed] = laptop.collections()
    assert listed["kind"] == "casefile"
    there = laptop.open_case_file(listed)
    assert there.key == case_file.key
    seen = {r["id"]: laptop.read(there, r) for r in laptop.pull(there)}
    assert seen[first]["what"] == "Twenty messages – “again”"
    assert seen[named_record_id(there.id, "details")]["title"] == "Messages from one account"

    # Both devices edit the first entry from version 1: the phone is first, the laptop meets a conflict.
    assert phone.push(case_file, [phone.write(case_file, first, diary("Edited on the phone"))])[0]["version"] == 2
    stale = laptop.write(there, first, diary("Edited on the laptop"))
    [conflict] = laptop.push(there, [stale])
    assert conflict["status"] == "conflict" and conflict["server"]["version"] == 2
    assert laptop.read(there, conflict["server"])["what"] == "Edited on the phone"
    # The laptop keeps its own version on top of the phone's: a write on the server's version.
    keep_mine = laptop.write(there, first, diary("Edited on the laptop"))
    assert keep_mine["base_version"] == 2
    assert laptop.push(there, [keep_mine])[0] == {
        "id": first,
        "status": "saved",
        "version": 3,
        "author": None,
        "server": None,
    }
    # Sent again after a lost answer, the same write is a no-op success.
    assert laptop.push(there, [keep_mine])[0]["version"] == 3

    # A deletion is a tombstone the other device pulls.
    laptop.push(there, [laptop.write(there, second, None)])
    changes = {r["id"]: r for r in phone.pull(case_file)}
    assert phone.read(case_file, changes[first])["what"] == "Edited on the laptop"
    assert changes[second]["deleted"] and changes[second]["ciphertext"] == ""

    # A file in chunks; one chunk sent again at a stale offset is answered 409 with where the upload stands.
    picture = bytes(range(256)) * 600  # 153,600 bytes: three chunks once sealed
    meta = phone.upload_file(case_file, picture, CHUNK)
    blob = phone.request("GET", f"blobs/{meta['id']}/")
    assert blob == {"id": meta["id"], "size": len(picture) + 29, "received": len(picture) + 29, "complete": True}
    with pytest.raises(ApiError) as stale_chunk:
        phone.request("PUT", f"blobs/{meta['id']}/content/?offset=0", raw=b"x" * CHUNK)
    assert stale_chunk.value.status == 409
    assert stale_chunk.value.body["code"] == "wrong_offset" and stale_chunk.value.body["received"] == len(picture) + 29

    # A signed receipt for the file's hash, checked with the published key; a changed time does not check.
    receipt = phone.receipt(meta["sha256"])
    key_document = phone.receipt_key()
    assert verify_receipt(receipt, key_document)
    assert not verify_receipt({**receipt, "time": "2020-01-01T00:00:00Z"}, key_document)
    evidence_id = str(uuid.uuid4())
    evidence = {
        "kind": "evidence", "description": "Screenshot of the messages", "url": "", "platform": "Instagram",
        "captured": "2026-11-21", "happened": "2026-11-20", "diaryIds": [first],
        "files": [{**meta, "name": "messages.png", "type": "image/png", "modified": "", "receipt": receipt}],
    }  # fmt: skip
    phone.push(case_file, [phone.write(case_file, evidence_id, evidence)])

    # The laptop pulls from where it stopped (its own writes come back too), and opens the entry, file and receipt.
    pulled = {r["id"]: laptop.read(there, r) for r in laptop.pull(there)}
    assert pulled.keys() == {first, second, evidence_id} and pulled[second] is None
    [file] = pulled[evidence_id]["files"]
    assert laptop.download_file(file) == picture
    assert verify_receipt(file["receipt"], laptop.receipt_key())
    assert hashlib.sha256(picture).hexdigest() == file["sha256"]


def test_a_chunk_at_a_stale_offset_is_refused_and_the_upload_resumes(live_server, small_chunks):
    phone = Client(live_server.url)
    phone.register("sam.r", PASSPHRASE)
    case_file = phone.create_case_file("Case")
    sealed_size = 3 * CHUNK
    blob_id = str(uuid.uuid4())
    assert (
        phone.request("POST", f"collections/{case_file.id}/blobs/", {"id": blob_id, "size": sealed_size})["received"]
        == 0
    )
    assert phone.send_chunk(blob_id, 0, b"a" * CHUNK) == {
        "id": blob_id,
        "size": sealed_size,
        "received": CHUNK,
        "complete": False,
    }
    # The answer was lost: the device sends the same chunk again. The whole chunk goes out, and 409 says where to go on.
    assert phone.send_chunk(blob_id, 0, b"a" * CHUNK) == {"received": CHUNK, "refused": True}
    assert phone.send_chunk(blob_id, CHUNK, b"b" * CHUNK)["received"] == 2 * CHUNK
    with pytest.raises(ApiError) as unfinished:
        phone.request("GET", f"blobs/{blob_id}/content/", answer_bytes=True)
    assert (unfinished.value.status, unfinished.value.code) == (409, "blob_incomplete")
    assert phone.send_chunk(blob_id, 2 * CHUNK, b"c" * CHUNK)["complete"] is True


def test_a_cursor_from_another_history_answers_410_cursor_reset_and_the_client_starts_again(live_server):
    phone = Client(live_server.url)
    phone.register("sam.r", PASSPHRASE)
    case_file = phone.create_case_file("Case")
    phone.pull(case_file)
    with pytest.raises(ApiError) as gone:
        phone.request("GET", f"collections/{case_file.id}/records/?since={uuid.uuid4().hex}.1")
    assert gone.value.status == 410 and gone.value.code == "cursor_reset" and gone.value.body["detail"]
    case_file.cursor = f"{uuid.uuid4().hex}.1"
    assert [r["id"] for r in phone.pull(case_file)] == [named_record_id(case_file.id, "details")]


def test_a_wrong_passphrase_and_a_recovery_code(live_server):
    phone = Client(live_server.url)
    code = phone.register("sam.r", PASSPHRASE)
    case_file = phone.create_case_file("Case")
    other = Client(live_server.url)
    with pytest.raises(ApiError) as wrong:
        other.sign_in("sam.r", "not the passphrase at all")
    assert wrong.value.status == 400 and wrong.value.body["detail"]
    # Forgotten passphrase: the code opens the vault key, and a new passphrase wraps it.
    other.recover("sam.r", code.lower(), "a brand new passphrase")
    assert other.open_case_file(other.collections()[0]).key == case_file.key
    later = Client(live_server.url)
    later.sign_in("sam.r", "a brand new passphrase")
    assert later.vault_key == other.vault_key


def test_over_a_limit_is_429_with_retry_after_and_a_code(live_server, monkeypatch):
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "receipts", "2/min")
    phone = Client(live_server.url)
    phone.register("sam.r", PASSPHRASE)
    with pytest.raises(ApiError) as invalid:
        phone.request("POST", "receipts/", {"sha256": "NOT A HASH"})
    assert invalid.value.status == 400 and invalid.value.code == "invalid"
    assert (
        invalid.value.body["detail"] == invalid.value.body["sha256"][0]
    )  # the field's own list, and its first sentence
    digest = hashlib.sha256(b"file").hexdigest()
    phone.receipt(digest)
    with pytest.raises(ApiError) as slowed:
        phone.receipt(digest)
    assert slowed.value.status == 429 and int(slowed.value.headers["Retry-After"]) >= 1
    assert slowed.value.code == "throttled" and slowed.value.body["detail"]


def test_a_link_group_through_an_invite_with_the_servers_authorship_rules(live_server):
    alice, bob = Client(live_server.url), Client(live_server.url)
    alice.register("alice.k", PASSPHRASE)
    bob.register("bob.t", PASSPHRASE)
    group = alice.create_group("People targeted by the same person", "Alice")
    link = alice.invite(group, "People targeted by the same person", "Alice")
    assert link.split("#")[1] not in str(alice.request("GET", f"collections/{group.id}/invites/"))

    opened = bob.open_invite(link)
    assert (opened["groupName"], opened["inviterName"], opened["keyring"]) == (
        "People targeted by the same person", "Alice", group.keyring,
    )  # fmt: skip
    joined = bob.join(opened, "Bob")
    assert joined.keyring == group.keyring and joined.member_id != group.member_id
    with pytest.raises(ApiError) as used:
        bob.open_invite(link)
    assert (used.value.status, used.value.code) == (410, "invite_gone")
    with pytest.raises(ApiError) as wrong_proof:
        bob.request("POST", f"invites/{link.rsplit('/', 1)[1].split('#')[0]}/open/", {"proof": "A" * 43 + "="})
    assert wrong_proof.value.status == 404

    # Bob reads the group; each entry's author is the server's word, a membership id.
    records = bob.pull(joined)
    read = {r["id"]: (r["author"], bob.group_read(joined, r)) for r in records}
    details = named_record_id(group.id, "details")
    assert read[details][1]["name"] == "People targeted by the same person"
    assert read[named_record_id(group.id, f"member-{group.member_id}")] == (
        group.member_id, {"kind": "member", "memberId": group.member_id, "displayName": "Alice", "updated": ANY},
    )  # fmt: skip

    # Bob may write his own note; not the group's name, nor Alice's name: each refused whole, with the ids.
    note = named_record_id(group.id, f"note-{joined.member_id}")
    bob.push(joined, [bob.group_write(joined, note, {"kind": "note", "memberId": joined.member_id, "text": "Hi"})])
    with pytest.raises(ApiError) as starter_only:
        bob.push(joined, [bob.group_write(joined, details, {"kind": "details", "name": "Renamed"})])
    assert (starter_only.value.status, starter_only.value.code, starter_only.value.body["records"]) == (
        403, "starter_only", [details],
    )  # fmt: skip
    alices_name = named_record_id(group.id, f"member-{group.member_id}")
    with pytest.raises(ApiError) as not_yours:
        bob.push(joined, [bob.group_write(joined, alices_name, {"kind": "member", "memberId": 1, "displayName": "X"})])
    assert (not_yours.value.code, not_yours.value.body["records"]) == ("not_your_record", [alices_name])

    by_id = {r["id"]: r for r in alice.pull(group)}
    assert by_id[note]["author"] == joined.member_id and alice.group_read(group, by_id[note])["text"] == "Hi"
    assert alice.group_read(group, by_id[alices_name])["displayName"] == "Alice"

    # Bob leaves: what he wrote goes with him, and Alice's device moves the group to a new key.
    bob.fresh("POST", f"collections/{joined.id}/leave/")
    [entry] = alice.collections()
    assert entry["rotation_needed"] is True
    alice.new_key(group, f"collections/{group.id}/rotate-key/")
    [entry] = alice.collections()
    assert (entry["rotation_needed"], entry["group_key_version"]) == (False, 2)
    assert alice.open_group(entry).keyring == group.keyring and sorted(group.keyring) == [1, 2]
    # Written after the new key: its first four bytes name key 2, which Bob never held.
    shared = named_record_id(group.id, f"reference-{group.member_id}-{uuid.uuid4()}")
    reference = {
        "kind": "reference", "memberId": group.member_id, "sourceId": "", "agencyLabel": "Kent Police",
        "reference": "CAD 1234/20NOV26", "date": "2026-11-20", "force": "", "officer": "", "statusLabel": "",
    }  # fmt: skip
    later = alice.group_write(group, shared, reference)
    assert alice.push(group, [later])[0]["status"] == "saved"
    assert base64.b64decode(later["ciphertext"])[:4] == (2).to_bytes(4, "big")
    assert {r["id"]: r["deleted"] for r in alice.pull(group)}[note] is True
    with pytest.raises(ApiError) as gone:
        bob.pull(joined)
    assert gone.value.status == 404
