"""Timestamp receipts: the server signs "this SHA-256 existed at this time" with Ed25519.

The device sends only the hash of a file, never the file. Anyone with the public key
(`/.well-known/falseos-receipt-key.json`) can check a receipt later, offline:

    message = "falseos-receipt-v1\\n" + sha256 + "\\n" + time      (UTF-8)

`verify_receipt` needs nothing from Django, so it can be copied into a standalone checker.
"""

import base64
import binascii
import hashlib
import re
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALGORITHM = "Ed25519"
VERSION = "falseos-receipt-v1"
MESSAGE_FORMAT = VERSION + "\\n<sha256 hex>\\n<time>"
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def message(sha256: str, time: str) -> bytes:
    return f"{VERSION}\n{sha256}\n{time}".encode()


def key_id(public_key: bytes) -> str:
    """A short name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def public_key_bytes(seed: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_document(seed: bytes) -> dict:
    public = public_key_bytes(seed)
    return {
        "algorithm": ALGORITHM,
        "key_id": key_id(public),
        "public_key": base64.b64encode(public).decode(),
        "message_format": MESSAGE_FORMAT,
    }


def sign(seed: bytes, sha256: str, now: datetime) -> dict:
    """A receipt for a SHA-256 (64 lowercase hex digits) at `now`, to the second, in UTC."""
    if not SHA256_HEX.fullmatch(sha256):
        raise ValueError("sha256 must be 64 lowercase hexadecimal digits.")
    time = now.astimezone(UTC).strftime(TIME_FORMAT)
    private = Ed25519PrivateKey.from_private_bytes(seed)
    return {
        "sha256": sha256,
        "time": time,
        "key_id": key_id(public_key_bytes(seed)),
        "signature": base64.b64encode(private.sign(message(sha256, time))).decode(),
    }


def verify_receipt(receipt: dict, public_key_b64: str) -> bool:
    """True only if the receipt was signed by this key for exactly this hash and time."""
    try:
        sha256, time, signature = receipt["sha256"], receipt["time"], receipt["signature"]
        if not (isinstance(sha256, str) and isinstance(time, str) and isinstance(signature, str)):
            return False
        if not SHA256_HEX.fullmatch(sha256):
            return False
        datetime.strptime(time, TIME_FORMAT)  # the format itself says UTC ("Z")
        public = base64.b64decode(public_key_b64, validate=True)
        if "key_id" in receipt and receipt["key_id"] != key_id(public):
            return False
        Ed25519PublicKey.from_public_bytes(public).verify(
            base64.b64decode(signature, validate=True), message(sha256, time)
        )
    except (KeyError, TypeError, ValueError, binascii.Error, InvalidSignature):
        return False
    return True
