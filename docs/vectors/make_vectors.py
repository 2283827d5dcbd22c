"""Known-answer vectors for the case file's formats (DESIGN.md, "Case-file cryptography"), written
from the description with Python's `cryptography`, not from static/js/casefile/crypto.js: a second
reading of the same formats, so a change to either that breaks what devices already hold shows.

    .venv/bin/python docs/vectors/make_vectors.py > docs/vectors/crypto-v1.json

Every input is fixed (the nonces too), so the output only changes when the formats do.
tests/js/crypto.test.mjs and tests/js/group-crypto.test.mjs check the browser's modules against the file,
tests/interop/test_client_vectors.py the Python reference client (tests/interop/client.py), and
tests/interop/test_crypto_vectors.py the file against this script and the server's own receipts and record ids.
docs/PROTOCOL.md says which section each vector covers.
"""

import base64
import hashlib
import json
import unicodedata

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
ITERATIONS = 600_000


def fixed(label: str, size: int) -> bytes:
    """Stand-in random bytes: the same every run, different per use."""
    return hashlib.sha256(label.encode()).digest()[:size]


def hkdf(master: bytes, info: str, salt: bytes = b"") -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info.encode()).derive(master)


def p256(label: str) -> ec.EllipticCurvePrivateKey:
    """A fixed P-256 key pair: its private scalar from the label."""
    return ec.derive_private_key(int.from_bytes(fixed(label, 32), "big") % (2**255), ec.SECP256R1())


def raw_public(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def seal_to(
    recipient: ec.EllipticCurvePrivateKey, ephemeral_label: str, nonce: bytes, data: bytes, label: str
) -> bytes:
    """The sealed box of static/js/casefile/group-crypto.js: an ephemeral public key, then a box under
    HKDF(ECDH secret, salt = ephemeral public key + recipient public key, "falseos sealed box v1")."""
    ephemeral = p256(ephemeral_label)
    shared = ephemeral.exchange(ec.ECDH(), recipient.public_key())
    key = hkdf(shared, "falseos sealed box v1", salt=raw_public(ephemeral) + raw_public(recipient))
    return raw_public(ephemeral) + seal(key, nonce, data, label)


def pbkdf2(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", unicodedata.normalize("NFKC", passphrase).encode(), salt, ITERATIONS)


def seal(key: bytes, nonce: bytes, plaintext: bytes, label: str) -> bytes:
    return bytes([FORMAT_VERSION]) + nonce + AESGCM(key).encrypt(nonce, plaintext, label.encode())


def named_record_id(collection_id: str, name: str) -> str:
    digest = hashlib.sha256(f"{collection_id}/{name}".encode()).digest()
    hex_ = digest[:16].hex()
    variant = f"{(digest[8] & 0x3F) | 0x80:02x}"
    return f"{hex_[:8]}-{hex_[8:12]}-5{hex_[13:16]}-{variant}{hex_[18:20]}-{hex_[20:32]}"


def receipt(seed: bytes, sha256: str, time: str) -> dict:
    """A timestamp receipt (PROTOCOL.md, "Receipts"): Ed25519 is deterministic, so the signature is a known answer."""
    private = Ed25519PrivateKey.from_private_bytes(seed)
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    message = f"falseos-receipt-v1\n{sha256}\n{time}".encode()
    return {
        "signing_key_seed": seed.hex(),
        "key_document": {
            "algorithm": "Ed25519",
            "key_id": hashlib.sha256(public).hexdigest()[:16],
            "public_key": base64.b64encode(public).decode(),
            "message_format": "falseos-receipt-v1\\n<sha256 hex>\\n<time>",
        },
        "message": message.decode(),
        "receipt": {
            "sha256": sha256,
            "time": time,
            "key_id": hashlib.sha256(public).hexdigest()[:16],
            "signature": base64.b64encode(private.sign(message)).decode(),
        },
    }


def vectors() -> dict:
    vault_key = fixed("vault key", 32)
    collection_id = "0b7c6f6e-3d2a-4c1e-9f5b-2a8d4e6f1c30"
    record_id = "5e2f1a9c-7b3d-4e8f-a1c2-d3e4f5a6b7c8"
    collection_key = fixed("collection key", 32)

    # "ﬁ" is one compatibility character: NFKC makes it "fi", so both spellings open the account.
    passphrase = "correct horse ﬁve staple"  # noqa: S105 (a published test input)
    salt = fixed("salt", 16)
    master = pbkdf2(passphrase, salt)
    kek = hkdf(master, "falseos passphrase key-encryption key v1")

    recovery_code = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    recovery_master = recovery_code.replace("-", "").encode()
    recovery_kek = hkdf(recovery_master, "falseos recovery code key-encryption key v1")

    record = {"kind": "diary", "date": "2027-03-28", "time": "01:30", "what": "Messages all night – “again”"}
    record_plaintext = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    file_key = fixed("file key", 32)
    file_id = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    file_bytes = b"\x89PNG\r\n\x1a\n not really a picture"
    backup_passphrase = "a different phrase for the backup"  # noqa: S105 (a published test input)
    backup_salt = fixed("backup salt", 16)
    backup_bytes = b'{"caseFiles": []}'

    group_id = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
    member = p256("member key")
    keyring = {"1": fixed("group key 1", 32), "2": fixed("group key 2", 32)}
    keyring_json = json.dumps({v: base64.b64encode(k).decode() for v, k in keyring.items()}, separators=(",", ":"))
    group_record = {"kind": "reference", "reference": "CAD 1234/20NOV26"}
    invite_id = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"
    invite_secret = fixed("invite secret", 32)
    invite_key = hkdf(invite_secret, "falseos invite key v1", salt=invite_id.encode())
    proof = hkdf(invite_secret, "falseos invite join proof v1", salt=invite_id.encode())
    # What links.js seals into an invite: the group, its name, who invites, and the group's keyring.
    invite = {
        "groupId": group_id,
        "groupName": "People targeted by the same person",
        "inviterName": "Sam",
        "keyring": {v: base64.b64encode(k).decode() for v, k in keyring.items()},
    }
    reference_id = "4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d"
    named = ["details", "exhibits", "rung-3", f"link-{group_id}"]
    group_named = ["details", "member-7", "note-7", f"reference-7-{reference_id}"]

    return {
        "about": "Known answers for static/js/casefile/crypto.js, made by docs/vectors/make_vectors.py. "
        "Bytes are hex. A box is version byte 01, a 12-byte nonce, then AES-256-GCM ciphertext and its 16-byte tag.",
        "passphrase": {
            "passphrase": passphrase,
            "same_passphrase_typed_differently": "correct horse five staple",
            "salt": salt.hex(),
            "iterations": ITERATIONS,
            "auth_key": hkdf(master, "falseos passphrase auth key v1").hex(),
            "vault_key": vault_key.hex(),
            "wrapped_vault_key": seal(kek, fixed("nonce 1", 12), vault_key, "falseos vault key v1").hex(),
        },
        "recovery_code": {
            "typed": "abcd efgh jklm npqr stuv wxyz 2345 6789",
            "code": recovery_code,
            "auth_key": hkdf(recovery_master, "falseos recovery code auth key v1").hex(),
            "vault_key": vault_key.hex(),
            "wrapped_vault_key": seal(recovery_kek, fixed("nonce 2", 12), vault_key, "falseos vault key v1").hex(),
        },
        "collection_key": {
            "vault_key": vault_key.hex(),
            "collection_id": collection_id,
            "collection_key": collection_key.hex(),
            "wrapped": seal(
                vault_key, fixed("nonce 3", 12), collection_key, f"falseos collection key v1 {collection_id}"
            ).hex(),
        },
        "record": {
            "collection_key": collection_key.hex(),
            "collection_id": collection_id,
            "record_id": record_id,
            "value": record,
            "box": seal(
                collection_key, fixed("nonce 4", 12), record_plaintext, f"falseos record v1 {collection_id} {record_id}"
            ).hex(),
        },
        "file": {
            "key": file_key.hex(),
            "file_id": file_id,
            "plaintext": file_bytes.hex(),
            "sha256": hashlib.sha256(file_bytes).hexdigest(),
            "box": seal(file_key, fixed("nonce 5", 12), file_bytes, f"falseos file v1 {file_id}").hex(),
        },
        "backup": {
            "passphrase": backup_passphrase,
            "salt": backup_salt.hex(),
            "plaintext": backup_bytes.hex(),
            "box": seal(
                pbkdf2(backup_passphrase, backup_salt), fixed("nonce 6", 12), backup_bytes, "falseos backup v1"
            ).hex(),
        },
        "group": {
            "vault_key": vault_key.hex(),
            "member_public_key": raw_public(member).hex(),
            "wrapped_private_key": seal(
                vault_key,
                fixed("nonce 7", 12),
                member.private_bytes(
                    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                ),
                "falseos private key v1",
            ).hex(),
            "group_id": group_id,
            "keyring": {v: base64.b64encode(k).decode() for v, k in keyring.items()},
            "sealed_keyring": seal_to(
                member, "ephemeral key", fixed("nonce 8", 12), keyring_json.encode(), f"falseos keyring v1 {group_id}"
            ).hex(),
            "record_id": record_id,
            "record_value": group_record,
            # Written with key 2: the version, 4 bytes big-endian, goes first and into the associated data.
            "record_box": (
                (2).to_bytes(4, "big")
                + seal(
                    keyring["2"],
                    fixed("nonce 9", 12),
                    json.dumps(group_record, separators=(",", ":")).encode(),
                    f"falseos group record v1 {group_id} {record_id} 2",
                )
            ).hex(),
        },
        "invite": {
            "invite_id": invite_id,
            "secret": base64.urlsafe_b64encode(invite_secret).decode().rstrip("="),
            "proof": base64.b64encode(proof).decode(),
            # The server keeps this, and compares it with the SHA-256 of the proof a joiner sends (links/services.py).
            "proof_hash": hashlib.sha256(proof).hexdigest(),
            "payload": invite,
            "sealed": seal(
                invite_key,
                fixed("nonce 10", 12),
                json.dumps(invite, separators=(",", ":")).encode(),
                f"falseos invite v1 {invite_id}",
            ).hex(),
        },
        "named_record_id": {
            "collection_id": collection_id,
            "name": "details",
            "id": named_record_id(collection_id, "details"),
        },
        # Every name a device gives a record id to: a case file's (its collection id), a group's (its group id).
        "named_record_ids": {
            "case_file": {name: named_record_id(collection_id, name) for name in named},
            "group": {name: named_record_id(group_id, name) for name in group_named},
        },
        "receipt": receipt(
            fixed("receipt signing key", 32), hashlib.sha256(file_bytes).hexdigest(), "2026-11-21T10:31:02Z"
        ),
    }


if __name__ == "__main__":
    print(json.dumps(vectors(), indent=2, ensure_ascii=False))
