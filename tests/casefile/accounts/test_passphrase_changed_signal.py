"""A device signed out by a passphrase change on another device is told why, and nobody else is.

The attack: someone who knows only the name, or holds a session cookie of their own, must learn
nothing about the passphrase from these answers; the device that was signed out must hear it plainly,
so it stops opening its copy with the old passphrase.
"""

import os

import pytest
from django.test import Client

from tests.casefile.helpers import NEW_ACCOUNT, b64, post

pytestmark = pytest.mark.django_db

PASSPHRASE_CHANGED = {
    "detail": "The passphrase for this account was changed on another device. Enter the new one.",
    "code": "passphrase_changed",
}
SIGNED_OUT = {
    "detail": "You are signed out. Unlock your case file with your passphrase to sign in again.",
    "code": "not_authenticated",
}
NEW_KEY = b64(os.urandom(32))
RIGHT_LOGIN = {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}


@pytest.fixture
def phone():
    phone = Client()
    assert post(phone, "register", NEW_ACCOUNT).status_code == 201
    return phone


@pytest.fixture
def laptop(phone):
    laptop = Client()
    assert post(laptop, "login", RIGHT_LOGIN).status_code == 200
    return laptop


def change_passphrase(client, **options):
    body = {"current_auth_key": NEW_ACCOUNT["auth_key"], "new_auth_key": NEW_KEY, "wrapped_vault_key": b64(b"w" * 60)}
    return post(client, "passphrase", body | options)


def test_a_device_signed_out_by_a_passphrase_change_is_told_why(phone, laptop):
    assert change_passphrase(phone).status_code == 204
    for _ in range(2):  # every request until it signs in again, not only the first
        r = laptop.get("/api/v1/collections/")
        assert (r.status_code, r["WWW-Authenticate"], r.json()) == (401, "Session", PASSPHRASE_CHANGED)


def test_the_device_that_changed_it_and_devices_kept_signed_in_hear_nothing_of_it(phone, laptop):
    assert change_passphrase(phone, sign_out_other_devices=False).status_code == 204
    assert laptop.get("/api/v1/collections/").status_code == 200
    assert phone.get("/api/v1/collections/").status_code == 200


def test_signing_in_again_with_the_new_passphrase_clears_the_reason(phone, laptop):
    change_passphrase(phone)
    assert post(laptop, "login", {"username": "sam", "auth_key": NEW_KEY}).status_code == 200
    assert laptop.get("/api/v1/collections/").status_code == 200
    assert post(laptop, "logout", {}).status_code == 204
    assert laptop.get("/api/v1/collections/").json() == SIGNED_OUT


def test_signing_out_ends_the_reason_with_the_session(phone, laptop):
    change_passphrase(phone)
    assert post(laptop, "logout", {}).status_code == 204
    assert laptop.get("/api/v1/collections/").json() == SIGNED_OUT


def test_someone_who_knows_only_the_name_learns_nothing(phone, laptop):
    change_passphrase(phone)
    stranger = Client()
    r = post(stranger, "login", RIGHT_LOGIN)  # the old passphrase, had they known it
    unknown = post(Client(), "login", {"username": "nobody-here", "auth_key": NEW_ACCOUNT["auth_key"]})
    assert r.status_code == unknown.status_code == 400
    assert r.json() == unknown.json()
    assert stranger.get("/api/v1/collections/").json() == SIGNED_OUT


def test_a_device_signed_out_from_the_devices_list_is_told_only_that_it_is_signed_out(phone, laptop):
    assert post(phone, "devices/sign-out-others", {}).status_code == 204
    assert laptop.get("/api/v1/collections/").json() == SIGNED_OUT
