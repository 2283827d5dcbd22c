"""Timestamp receipts: the server signs a file's SHA-256 with the time; anyone can check it with the public key."""

import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from casefile.evidence.receipts import verify_receipt

pytestmark = pytest.mark.django_db

SHA256 = hashlib.sha256(b"a screenshot of the message").hexdigest()


def ask(client, body):
    return client.post("/api/v1/receipts/", body, content_type="application/json")


@pytest.fixture
def public_key(client) -> str:
    return client.get("/.well-known/falseos-receipt-key.json").json()["public_key"]


def test_it_signs_a_hash_with_the_time(as_alice, public_key):
    before = datetime.now(UTC).replace(microsecond=0)
    r = ask(as_alice, {"sha256": SHA256})
    assert r.status_code == 200
    receipt = r.json()
    assert set(receipt) == {"sha256", "time", "key_id", "signature"}
    assert receipt["sha256"] == SHA256
    assert receipt["time"].endswith("Z") and len(receipt["time"]) == len("2025-12-04T09:30:00Z")
    signed_at = datetime.strptime(receipt["time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert before <= signed_at <= datetime.now(UTC)
    assert receipt["key_id"] == hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:16]
    assert len(base64.b64decode(receipt["signature"])) == 64
    assert verify_receipt(receipt, public_key)


def test_the_signature_covers_exactly_the_documented_message(as_alice, public_key):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    receipt = ask(as_alice, {"sha256": SHA256}).json()
    message = ("falseos-receipt-v1\n" + receipt["sha256"] + "\n" + receipt["time"]).encode()
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
    key.verify(base64.b64decode(receipt["signature"]), message)  # raises if not


def test_a_changed_hash_or_time_does_not_verify(as_alice, public_key):
    receipt = ask(as_alice, {"sha256": SHA256}).json()
    flipped = "0" if SHA256[10] != "0" else "1"
    assert not verify_receipt({**receipt, "sha256": SHA256[:10] + flipped + SHA256[11:]}, public_key)
    later = datetime.strptime(receipt["time"], "%Y-%m-%dT%H:%M:%SZ") + timedelta(seconds=1)
    assert not verify_receipt({**receipt, "time": later.strftime("%Y-%m-%dT%H:%M:%SZ")}, public_key)


def test_another_key_does_not_verify(as_alice):
    receipt = ask(as_alice, {"sha256": SHA256}).json()
    other_key = base64.b64encode(bytes(range(32))).decode()
    assert not verify_receipt(receipt, other_key)


@pytest.mark.parametrize(
    "receipt",
    [
        {},
        {"sha256": SHA256},
        {"sha256": 1, "time": 2, "signature": 3},
        {"sha256": SHA256, "time": "x", "signature": "!"},
    ],
)
def test_a_malformed_receipt_does_not_verify(receipt, public_key):
    assert verify_receipt(receipt, public_key) is False


def test_verifying_with_a_malformed_key_is_false_not_an_error(as_alice):
    receipt = ask(as_alice, {"sha256": SHA256}).json()
    assert verify_receipt(receipt, "not base64!") is False
    assert verify_receipt(receipt, base64.b64encode(b"short").decode()) is False


@pytest.mark.parametrize(
    "body",
    [
        {"sha256": SHA256.upper()},
        {"sha256": SHA256[:-1]},
        {"sha256": SHA256 + "0"},
        {"sha256": SHA256[:-1] + "g"},
        {"sha256": " " + SHA256[1:]},
        {"sha256": SHA256 + "\n"},
        {"sha256": ["x"]},
        {"sha256": None},
        {},
    ],
)
def test_anything_but_64_lowercase_hex_digits_is_a_clear_400(as_alice, body):
    r = ask(as_alice, body)
    assert r.status_code == 400
    assert "sha256" in r.json()


def test_the_message_says_what_to_send(as_alice):
    r = ask(as_alice, {"sha256": "abc"})
    message = "Send the SHA-256 of the file as 64 lowercase hexadecimal digits."
    assert r.json() == {"sha256": [message], "detail": message, "code": "invalid"}


def test_malformed_json_is_a_400(as_alice):
    assert as_alice.post("/api/v1/receipts/", "{nope", content_type="application/json").status_code == 400


def test_only_signed_in_people_get_receipts(client):
    assert ask(client, {"sha256": SHA256}).status_code == 401


def test_receipts_are_throttled_per_person(as_alice, monkeypatch):
    from rest_framework.throttling import ScopedRateThrottle

    rates = {**ScopedRateThrottle.THROTTLE_RATES, "receipts": "3/min"}
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)
    cache.clear()
    codes = [ask(as_alice, {"sha256": SHA256}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_the_public_key_is_published_for_anyone(client, settings):
    r = client.get("/.well-known/falseos-receipt-key.json")
    assert r.status_code == 200
    assert "public" in r["Cache-Control"] and "max-age=3600" in r["Cache-Control"]
    body = r.json()
    assert body["algorithm"] == "Ed25519"
    assert len(base64.b64decode(body["public_key"])) == 32
    assert body["key_id"] == hashlib.sha256(base64.b64decode(body["public_key"])).hexdigest()[:16]
    assert body["message_format"] == "falseos-receipt-v1\\n<sha256 hex>\\n<time>"


def test_the_key_follows_the_setting(client, settings):
    first = client.get("/.well-known/falseos-receipt-key.json").json()
    settings.RECEIPT_SIGNING_KEY = bytes(32)
    second = client.get("/.well-known/falseos-receipt-key.json").json()
    assert first["public_key"] != second["public_key"]
    # The all-zero seed's public key is well known: 3b6a27bc...
    assert base64.b64decode(second["public_key"]).hex().startswith("3b6a27bc")


def test_the_development_key_is_stable(settings):
    seed = settings.RECEIPT_SIGNING_KEY
    assert seed == hashlib.sha256(b"falseos-dev-receipt-key\n" + settings.SECRET_KEY.encode()).digest()
