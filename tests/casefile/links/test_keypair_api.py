import base64

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from casefile.models import Account
from tests.casefile.helpers import ciphertext, make_account

pytestmark = pytest.mark.django_db


def public_key() -> str:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return base64.b64encode(key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)).decode()


@pytest.fixture
def as_account(client, alice):
    make_account(alice)
    client.force_login(alice)
    return client


def put_keypair(client, public, wrapped):
    body = {"public_key": public, "wrapped_private_key": wrapped}
    return client.put("/api/v1/auth/keypair/", body, "application/json")


def test_it_keeps_the_key_pair_a_device_made(as_account, alice):
    public, wrapped = public_key(), ciphertext(167)
    r = put_keypair(as_account, public, wrapped)
    assert r.status_code == 200
    assert r.json() == {"public_key": public, "wrapped_private_key": wrapped}
    account = Account.objects.get(user=alice)
    assert base64.b64encode(bytes(account.public_key)).decode() == public
    assert r["Cache-Control"] == "no-store"


def test_sending_the_same_pair_again_is_a_harmless_retry(as_account):
    public, wrapped = public_key(), ciphertext(167)
    assert put_keypair(as_account, public, wrapped).status_code == 200
    assert put_keypair(as_account, public, wrapped).status_code == 200


def test_a_second_different_pair_is_refused_so_no_group_loses_its_keys(as_account, alice):
    first = public_key()
    put_keypair(as_account, first, ciphertext(167))
    r = put_keypair(as_account, public_key(), ciphertext(167))
    assert r.status_code == 409
    assert r.json() == {"detail": "This account already has keys for linked cases.", "code": "conflict"}
    assert base64.b64encode(bytes(Account.objects.get(user=alice).public_key)).decode() == first


@pytest.mark.parametrize(
    "public",
    [
        base64.b64encode(b"\x04" + b"\x01" * 64).decode(),  # 65 bytes, but not a point on the curve
        base64.b64encode(b"\x04" * 33).decode(),
        "not base64!",
    ],
)
def test_it_refuses_something_that_is_not_a_public_key(as_account, public):
    r = put_keypair(as_account, public, ciphertext(167))
    assert r.status_code == 400
    assert "public_key" in r.json()


def test_nobody_signed_in_cannot_set_one(client):
    assert put_keypair(client, public_key(), ciphertext(167)).status_code == 401
