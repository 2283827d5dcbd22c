"""The reference client (tests/interop/client.py) against every known answer in docs/vectors/crypto-v1.json.

The browser's modules meet the same file in tests/js/*.test.mjs: two implementations, one set of answers.
"""

import base64
import hashlib
import json

import pytest
from cryptography.exceptions import InvalidTag
from django.conf import settings

from tests.interop import client

V = json.loads((settings.BASE_DIR / "docs" / "vectors" / "crypto-v1.json").read_text())
unhex = bytes.fromhex


def test_a_passphrase_gives_the_known_auth_key_and_opens_the_known_wrapped_vault_key():
    v = V["passphrase"]
    for typed in (v["passphrase"], v["same_passphrase_typed_differently"]):  # NFKC: "ﬁ" is "fi"
        auth_key, kek = client.derive_from_passphrase(typed, unhex(v["salt"]), v["iterations"])
        assert auth_key.hex() == v["auth_key"]
        assert client.open_box(kek, unhex(v["wrapped_vault_key"]), client.VAULT_KEY_AD).hex() == v["vault_key"]
    with pytest.raises(InvalidTag):  # the auth key the server sees is not the key that opens the vault key
        client.open_box(auth_key, unhex(v["wrapped_vault_key"]), client.VAULT_KEY_AD)


def test_a_recovery_code_however_typed_gives_the_known_keys():
    v = V["recovery_code"]
    assert client.normalise_recovery_code(v["typed"]) == v["code"].replace("-", "")
    auth_key, kek = client.derive_from_recovery_code(v["typed"])
    assert auth_key.hex() == v["auth_key"]
    assert client.open_box(kek, unhex(v["wrapped_vault_key"]), client.VAULT_KEY_AD).hex() == v["vault_key"]
    assert client.normalise_recovery_code(v["code"].replace("A", "0")) is None
    assert client.normalise_recovery_code(client.new_recovery_code()) is not None


def test_a_case_file_key_and_a_record_open_only_where_they_belong():
    v, r = V["collection_key"], V["record"]
    ad = client.collection_key_ad(v["collection_id"])
    assert client.open_box(unhex(v["vault_key"]), unhex(v["wrapped"]), ad).hex() == v["collection_key"]
    key = unhex(r["collection_key"])
    assert client.decrypt_record(key, r["collection_id"], r["record_id"], unhex(r["box"])) == r["value"]
    with pytest.raises(InvalidTag):  # moved to another record id
        client.decrypt_record(key, r["collection_id"], V["file"]["file_id"], unhex(r["box"]))
    # Sealed with the vector's nonce, the client writes the very same bytes.
    box = unhex(r["box"])
    assert (
        client.seal(
            key, client.record_json(r["value"]), client.record_ad(r["collection_id"], r["record_id"]), box[1:13]
        )
        == box
    )


def test_a_file_and_a_backup_open_with_their_known_keys():
    f, b = V["file"], V["backup"]
    data = client.open_box(unhex(f["key"]), unhex(f["box"]), client.file_ad(f["file_id"]))
    assert data.hex() == f["plaintext"] and hashlib.sha256(data).hexdigest() == f["sha256"]
    backup_key = client.passphrase_master(b["passphrase"], unhex(b["salt"]), 600_000)
    assert client.open_box(backup_key, unhex(b["box"]), client.BACKUP_AD).hex() == b["plaintext"]


def test_a_members_private_key_opens_the_sealed_keyring_and_a_group_record_names_its_key():
    g = V["group"]
    private = client.unwrap_private_key(unhex(g["vault_key"]), unhex(g["wrapped_private_key"]))
    assert client.raw_public(private).hex() == g["member_public_key"]
    keyring = client.open_keyring(private, g["group_id"], unhex(g["sealed_keyring"]))
    assert {str(v): base64.b64encode(k).decode() for v, k in keyring.items()} == g["keyring"]
    box = unhex(g["record_box"])
    assert int.from_bytes(box[:4], "big") == 2
    assert client.decrypt_group_record(keyring, g["group_id"], g["record_id"], box) == g["record_value"]
    with pytest.raises(KeyError):  # someone removed before key 2 holds only key 1
        client.decrypt_group_record({1: keyring[1]}, g["group_id"], g["record_id"], box)
    # And the other way: a keyring the client seals opens with the same private key.
    resealed = client.seal_keyring(client.raw_public(private), g["group_id"], keyring)
    assert client.open_keyring(private, g["group_id"], resealed) == keyring


def test_an_invite_secret_gives_the_known_proof_and_opens_the_known_invite():
    v = V["invite"]
    key, proof = client.invite_keys(v["secret"], v["invite_id"])
    assert base64.b64encode(proof).decode() == v["proof"]
    assert hashlib.sha256(proof).hexdigest() == v["proof_hash"]
    assert json.loads(client.open_box(key, unhex(v["sealed"]), client.invite_ad(v["invite_id"]))) == v["payload"]


def test_named_record_ids_are_the_known_ones():
    ids = V["named_record_ids"]
    for name, expected in ids["case_file"].items():
        assert client.named_record_id(V["record"]["collection_id"], name) == expected
    for name, expected in ids["group"].items():
        assert client.named_record_id(V["group"]["group_id"], name) == expected


def test_the_known_receipt_checks_and_a_changed_one_does_not():
    v = V["receipt"]
    assert client.verify_receipt(v["receipt"], v["key_document"])
    assert not client.verify_receipt({**v["receipt"], "sha256": V["record"]["collection_key"]}, v["key_document"])
    assert not client.verify_receipt({**v["receipt"], "key_id": "0" * 16}, v["key_document"])
