"""A new recovery code from Settings: it needs the passphrase and a fresh sign-in, and the old code stops working.

The attack: a phone left signed in, or someone who saw the old code. Whoever holds the session alone
must not be able to swap in a code of their own; and after a new code, the old one must recover nothing.
"""

import base64
import os

import pytest
from django.conf import settings
from django.test import Client

from casefile.models import Account
from tests.casefile.helpers import NEW_ACCOUNT, b64, post

pytestmark = pytest.mark.django_db

STALE_AFTER = {"seconds": settings.FRESH_SIGN_IN_SECONDS + 1}
NEW_RECOVERY_KEY = os.urandom(32)
NEW_CODE = {
    "auth_key": NEW_ACCOUNT["auth_key"],
    "recovery_wrapped_vault_key": b64(b"n" * 60),
    "recovery_key": b64(NEW_RECOVERY_KEY),
}


@pytest.fixture
def phone(clock):
    phone = Client()
    assert post(phone, "register", NEW_ACCOUNT).status_code == 201
    return phone


def recovers(recovery_key: str) -> bool:
    return post(Client(), "recover", {"username": "sam", "recovery_key": recovery_key}).status_code == 200


def test_it_replaces_the_recovery_code_so_the_old_one_stops_working(phone):
    assert post(phone, "recovery-code", NEW_CODE).status_code == 204
    assert not recovers(NEW_ACCOUNT["recovery_key"])
    assert recovers(NEW_CODE["recovery_key"])
    r = post(Client(), "recover", {"username": "sam", "recovery_key": NEW_CODE["recovery_key"]})
    assert r.json()["recovery_wrapped_vault_key"] == NEW_CODE["recovery_wrapped_vault_key"]


def test_it_stores_only_a_hash_of_the_new_codes_key_and_its_wrapped_vault_key(phone):
    post(phone, "recovery-code", NEW_CODE)
    account = Account.objects.get()
    assert account.recovery_auth_hash.startswith("argon2")
    assert NEW_RECOVERY_KEY.hex() not in account.recovery_auth_hash
    assert NEW_CODE["recovery_key"] not in account.recovery_auth_hash
    assert bytes(account.recovery_wrapped_vault_key) == base64.b64decode(NEW_CODE["recovery_wrapped_vault_key"])


def test_it_refuses_a_wrong_passphrase_and_keeps_the_old_code(phone):
    r = post(phone, "recovery-code", NEW_CODE | {"auth_key": b64(os.urandom(32))})
    assert r.status_code == 400
    assert r.json() == {"auth_key": ["Your passphrase is not right."]}
    assert recovers(NEW_ACCOUNT["recovery_key"])
    assert not recovers(NEW_CODE["recovery_key"])


def test_wrong_passphrases_count_towards_this_devices_lockout(phone):
    wrong = NEW_CODE | {"auth_key": b64(b"w" * 32)}
    answers = [post(phone, "recovery-code", wrong).status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert answers == [400] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    assert post(phone, "recovery-code", NEW_CODE).status_code == 429  # the right one is not checked while locked out
    assert recovers(NEW_ACCOUNT["recovery_key"])


def test_it_needs_a_fresh_sign_in(phone, clock):
    clock.advance(**STALE_AFTER)
    r = post(phone, "recovery-code", NEW_CODE)
    assert r.status_code == 403
    assert r.json()["code"] == "fresh_sign_in_required"
    assert recovers(NEW_ACCOUNT["recovery_key"])
    assert post(phone, "confirm", {"auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 204
    assert post(phone, "recovery-code", NEW_CODE).status_code == 204


def test_it_needs_a_session():
    post(Client(), "register", NEW_ACCOUNT)
    r = post(Client(), "recovery-code", NEW_CODE)
    assert r.status_code == 401
    assert recovers(NEW_ACCOUNT["recovery_key"])


def test_it_is_throttled_like_the_other_sign_in_requests(phone):
    wrong = NEW_CODE | {"recovery_key": ""}  # refused before any passphrase is checked, so no lockout meets it
    answers = [post(phone, "recovery-code", wrong).status_code for _ in range(20)]  # the signed-in session's allowance
    assert answers == [400] * 20
    r = post(phone, "recovery-code", NEW_CODE)
    assert r.status_code == 429
    assert r.json()["detail"].startswith("Too many sign-in requests just now.")
    assert recovers(NEW_ACCOUNT["recovery_key"])
