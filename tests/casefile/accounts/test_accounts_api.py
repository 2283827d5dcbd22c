"""Salt lookup, register, login and logout: the passphrase never leaves the device."""

import base64
import os

import pytest
from django.test import Client

from casefile.models import Account
from tests.casefile.helpers import AUTH_KEY, NEW_ACCOUNT, b64, post

pytestmark = pytest.mark.django_db


def test_unknown_and_real_names_get_the_same_kind_of_salt_answer(client):
    unknown = post(client, "salt", {"username": "nobody-here"})
    assert unknown.status_code == 200
    assert set(unknown.json()) == {"salt", "iterations", "kdf"}
    assert len(base64.b64decode(unknown.json()["salt"])) == 16
    assert unknown.json()["iterations"] == 600_000
    assert post(client, "salt", {"username": "nobody-here"}).json() == unknown.json()  # stable, like a real one


def test_registering_does_not_change_the_salt_anyone_sees(client):
    before = post(client, "salt", {"username": "sam"}).json()
    assert post(client, "register", NEW_ACCOUNT).status_code == 201
    assert post(Client(), "salt", {"username": "sam"}).json() == before


def test_it_stores_only_hashes_and_wrapped_keys(client):
    post(client, "register", NEW_ACCOUNT)
    account = Account.objects.get(user__username="sam")
    assert account.user.password.startswith("argon2")
    assert AUTH_KEY.hex() not in account.user.password
    assert account.recovery_auth_hash.startswith("argon2")
    assert bytes(account.wrapped_vault_key) == base64.b64decode(NEW_ACCOUNT["wrapped_vault_key"])


def test_it_signs_in_with_the_right_auth_key_and_hands_back_the_wrapped_vault_key(client):
    post(Client(), "register", NEW_ACCOUNT)
    r = post(client, "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]})
    assert r.status_code == 200
    assert r.json()["wrapped_vault_key"] == NEW_ACCOUNT["wrapped_vault_key"]
    assert client.get("/api/v1/collections/").status_code == 200


def test_signing_in_hands_back_the_linked_cases_key_pair_once_a_device_made_one(client):
    r = post(client, "register", NEW_ACCOUNT)
    assert (r.json()["public_key"], r.json()["wrapped_private_key"]) == (None, None)
    Account.objects.filter(user__username="sam").update(public_key=b"\x04" * 65, wrapped_private_key=b"w" * 167)
    r = post(Client(), "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]})
    assert r.json()["public_key"] == b64(b"\x04" * 65)
    assert r.json()["wrapped_private_key"] == b64(b"w" * 167)


def test_a_wrong_key_and_an_unknown_name_get_the_same_answer(client):
    post(Client(), "register", NEW_ACCOUNT)
    wrong = post(client, "login", {"username": "sam", "auth_key": b64(os.urandom(32))})
    unknown = post(client, "login", {"username": "nobody-here", "auth_key": b64(os.urandom(32))})
    assert wrong.status_code == unknown.status_code == 400
    assert (
        wrong.json() == unknown.json() == {"detail": "That name and passphrase do not match. Check them and try again."}
    )
    assert client.get("/api/v1/collections/").status_code == 401


def test_a_taken_name_is_refused_clearly(client):
    post(client, "register", NEW_ACCOUNT)
    r = post(Client(), "register", NEW_ACCOUNT)
    assert r.status_code == 400
    assert r.json() == {"username": ["Choose another name."]}
    assert Account.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"username": "a"}, "username"),
        ({"username": "has spaces"}, "username"),
        ({"auth_key": b64(os.urandom(16))}, "auth_key"),
        ({"auth_key": "not base64!"}, "auth_key"),
        ({"wrapped_vault_key": b64(os.urandom(8))}, "wrapped_vault_key"),
        ({"recovery_key": ""}, "recovery_key"),
    ],
)
def test_it_refuses_malformed_registrations(client, change, field):
    r = post(client, "register", NEW_ACCOUNT | change)
    assert r.status_code == 400
    assert field in r.json()
    assert not Account.objects.exists()


def test_signing_out_ends_the_session(client):
    post(client, "register", NEW_ACCOUNT)
    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert client.get("/api/v1/collections/").status_code == 401


def test_sign_in_needs_a_csrf_token():
    browser = Client(enforce_csrf_checks=True)
    r = post(browser, "login", {"username": "sam", "auth_key": b64(os.urandom(32))})
    assert r.status_code == 403
    assert "CSRF" in r.json()["detail"]


def test_sign_in_attempts_are_throttled_per_address(client):
    for _ in range(20):
        post(client, "login", {"username": "sam", "auth_key": b64(os.urandom(32))})
    r = post(client, "login", {"username": "sam", "auth_key": b64(os.urandom(32))})
    assert r.status_code == 429


def test_a_forged_forwarded_for_header_does_not_dodge_the_throttle():
    for n in range(20):
        post(Client(HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"), "salt", {"username": "sam"})
    r = post(Client(HTTP_X_FORWARDED_FOR="10.0.1.1"), "salt", {"username": "sam"})
    assert r.status_code == 429


def test_it_gives_a_signed_out_device_the_csrf_cookie_it_needs_to_sign_in(client):
    r = client.get("/api/v1/auth/csrf/")
    assert r.status_code == 204
    assert r.cookies["csrftoken"].value
    assert r["Cache-Control"] == "no-store"
