"""The device's link-group cryptography (static/js/casefile/group-crypto.js), written again in Python.

It lets a test check, from what the server stores and the person's passphrase, which group
records someone can decrypt: an independent implementation, so it also checks the device's crypto.
"""

import base64
import json
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_der_private_key

from casefile.models import Account, Collection, Membership, Record
from tests.browser.casefile_steps import PASSPHRASE

FORMAT = 1
NONCE = 12


def _hkdf(secret: bytes, info: str, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info.encode()).derive(secret)


def _open(key: bytes, box: bytes, label: str) -> bytes:
    assert box[0] == FORMAT
    return AESGCM(key).decrypt(box[1 : 1 + NONCE], box[1 + NONCE :], label.encode())


def _private_key(account: Account, passphrase: str) -> ec.EllipticCurvePrivateKey:
    master = PBKDF2HMAC(
        algorithm=hashes.SHA256(), length=32, salt=bytes(account.kdf_salt), iterations=account.kdf_iterations
    ).derive(unicodedata.normalize("NFKC", passphrase).encode())
    kek = _hkdf(master, "falseos passphrase key-encryption key v1")
    vault = _open(kek, bytes(account.wrapped_vault_key), "falseos vault key v1")
    return load_der_private_key(_open(vault, bytes(account.wrapped_private_key), "falseos private key v1"), None)


def keyring_of(username: str, group: Collection, passphrase: str = PASSPHRASE) -> dict[int, bytes]:
    """The group keys this person holds now: their keyring, opened with their private key."""
    account = Account.objects.get(user__username=username)
    private_key = _private_key(account, passphrase)
    own_public = private_key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    sealed = bytes(Membership.objects.get(user__username=username, collection=group).wrapped_key)
    ephemeral = sealed[:65]
    shared = private_key.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), ephemeral))
    box_key = _hkdf(shared, "falseos sealed box v1", salt=ephemeral + own_public)
    keyring = json.loads(_open(box_key, sealed[65:], f"falseos keyring v1 {group.id}"))
    return {int(version): base64.b64decode(key) for version, key in keyring.items()}


def key_version(record: Record) -> int:
    return int.from_bytes(bytes(record.ciphertext)[:4], "big")


def decrypt(keyring: dict[int, bytes], record: Record) -> dict | None:
    """The record's content, or None if none of these keys opens it."""
    box = bytes(record.ciphertext)
    label = f"falseos group record v1 {record.collection_id} {record.record_id} {key_version(record)}"
    for key in keyring.values():  # every key is tried, not only the one the header names
        try:
            return json.loads(_open(key, box[4:], label))
        except InvalidTag:
            continue
    return None
