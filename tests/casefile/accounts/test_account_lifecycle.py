"""Changing the passphrase, recovering with the code, deleting the account."""

import base64
import os

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from casefile.models import Account, Collection, DeviceSession, Record
from casefile.sync.services import create_collection
from tests.casefile.helpers import NEW_ACCOUNT, b64, post, push, write

pytestmark = pytest.mark.django_db

NEW_KEY = b64(os.urandom(32))
NEW_WRAPPED = b64(os.urandom(60))


@pytest.fixture
def sam(client):
    assert post(client, "register", NEW_ACCOUNT).status_code == 201
    return client


def _login(key: str) -> int:
    return post(Client(), "login", {"username": "sam", "auth_key": key}).status_code


def test_changing_the_passphrase_rewraps_the_vault_key_and_retires_the_old_one(sam):
    other_device = Client()
    post(other_device, "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]})
    r = post(
        sam,
        "passphrase",
        {"current_auth_key": NEW_ACCOUNT["auth_key"], "new_auth_key": NEW_KEY, "wrapped_vault_key": NEW_WRAPPED},
    )
    assert r.status_code == 204
    assert _login(NEW_ACCOUNT["auth_key"]) == 400
    assert _login(NEW_KEY) == 200
    assert bytes(Account.objects.get().wrapped_vault_key) == base64.b64decode(NEW_WRAPPED)
    assert sam.get("/api/v1/collections/").status_code == 200  # this device stays signed in
    assert other_device.get("/api/v1/collections/").status_code == 401  # the others are signed out


@pytest.fixture
def laptop(sam):
    laptop = Client()
    assert post(laptop, "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 200
    return laptop


def change_passphrase(client, **options):
    body = {"current_auth_key": NEW_ACCOUNT["auth_key"], "new_auth_key": NEW_KEY, "wrapped_vault_key": NEW_WRAPPED}
    return post(client, "passphrase", body | options)


def devices(client) -> list[bool]:
    """Whether each listed device is the one asking."""
    return [device["current"] for device in client.get("/api/v1/auth/devices/").json()["devices"]]


def test_signing_out_the_other_devices_on_a_change_ends_their_sessions_and_rows(sam, laptop):
    assert change_passphrase(sam, sign_out_other_devices=True).status_code == 204
    r = laptop.get("/api/v1/collections/")
    assert (r.status_code, r["WWW-Authenticate"]) == (401, "Session")
    assert devices(sam) == [True]  # this device is still listed, under its new session key
    assert DeviceSession.objects.count() == 1


def test_the_other_devices_can_stay_signed_in_through_a_change(sam, laptop):
    assert change_passphrase(sam, sign_out_other_devices=False).status_code == 204
    assert laptop.get("/api/v1/collections/").status_code == 200
    assert laptop.get("/api/v1/collections/").status_code == 200
    assert sorted(devices(sam)) == [False, True]
    assert sorted(devices(laptop)) == [False, True]
    assert _login(NEW_ACCOUNT["auth_key"]) == 400  # the old passphrase is retired all the same
    assert _login(NEW_KEY) == 200


def test_keeping_the_other_devices_does_not_extend_their_sessions(sam, laptop):
    laptop_session = Session.objects.get(session_key=laptop.cookies["sessionid"].value)
    assert change_passphrase(sam, sign_out_other_devices=False).status_code == 204
    assert Session.objects.get(pk=laptop_session.pk).expire_date == laptop_session.expire_date


def test_changing_the_passphrase_needs_the_current_one(sam):
    r = post(
        sam,
        "passphrase",
        {"current_auth_key": b64(os.urandom(32)), "new_auth_key": NEW_KEY, "wrapped_vault_key": NEW_WRAPPED},
    )
    assert r.status_code == 400
    assert r.json() == {"current_auth_key": ["Your current passphrase is not right."]}
    assert _login(NEW_ACCOUNT["auth_key"]) == 200


def test_the_recovery_code_lets_you_set_a_new_passphrase(client):
    post(Client(), "register", NEW_ACCOUNT)
    r = post(client, "recover", {"username": "sam", "recovery_key": NEW_ACCOUNT["recovery_key"]})
    assert r.status_code == 200
    assert r.json()["recovery_wrapped_vault_key"] == NEW_ACCOUNT["recovery_wrapped_vault_key"]
    r = post(client, "passphrase", {"new_auth_key": NEW_KEY, "wrapped_vault_key": NEW_WRAPPED})
    assert r.status_code == 204
    assert _login(NEW_KEY) == 200
    assert _login(NEW_ACCOUNT["auth_key"]) == 400


def test_a_wrong_recovery_code_and_an_unknown_name_get_the_same_answer(client):
    post(Client(), "register", NEW_ACCOUNT)
    wrong = post(client, "recover", {"username": "sam", "recovery_key": b64(os.urandom(32))})
    unknown = post(client, "recover", {"username": "nobody-here", "recovery_key": b64(os.urandom(32))})
    assert wrong.status_code == unknown.status_code == 400
    assert wrong.json() == unknown.json()
    assert client.get("/api/v1/collections/").status_code == 401


def test_without_recovering_first_the_current_passphrase_is_needed(sam):
    r = post(sam, "passphrase", {"new_auth_key": NEW_KEY, "wrapped_vault_key": NEW_WRAPPED})
    assert r.status_code == 400
    assert _login(NEW_ACCOUNT["auth_key"]) == 200


def test_deleting_the_account_removes_it_and_every_case_file_only_it_could_open(sam, django_user_model):
    user = django_user_model.objects.get(username="sam")
    own = create_collection(user=user)
    push(sam, own, write(), write())
    shared = create_collection(user=user)
    bob = django_user_model.objects.create_user("bob")
    shared.memberships.create(user=bob, role="member")

    r = post(sam, "delete", {"auth_key": NEW_ACCOUNT["auth_key"]})
    assert r.status_code == 204
    assert not django_user_model.objects.filter(username="sam").exists()
    assert not Account.objects.exists()
    assert not Collection.objects.filter(pk=own.pk).exists() and not Record.objects.filter(collection=own).exists()
    assert list(Collection.objects.get(pk=shared.pk).members.all()) == [bob]
    assert sam.get("/api/v1/collections/").status_code == 401


def test_a_device_still_signed_in_hears_the_account_was_deleted_and_nobody_else_does(sam):
    laptop = Client()
    assert post(laptop, "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 200
    assert post(sam, "delete", {"auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 204

    deleted = {
        "detail": "This account was deleted on another device, with every case file in it.",
        "code": "account_deleted",
    }
    for _ in range(2):  # every request until it signs in again, not only the first
        r = laptop.get("/api/v1/collections/")
        assert (r.status_code, r.json()) == (401, deleted)
    # The device that deleted it, and anyone who only knows the name, hear nothing of it.
    assert sam.get("/api/v1/collections/").json()["code"] == "not_authenticated"
    assert Client().get("/api/v1/collections/").json()["code"] == "not_authenticated"
    assert (
        _login(NEW_ACCOUNT["auth_key"])
        == post(Client(), "login", {"username": "nobody", "auth_key": NEW_KEY}).status_code
        == 400
    )


def test_deleting_needs_the_passphrase(sam, django_user_model):
    r = post(sam, "delete", {"auth_key": b64(os.urandom(32))})
    assert r.status_code == 400
    assert django_user_model.objects.filter(username="sam").exists()


def test_signed_out_people_cannot_change_or_delete_anything(client):
    post(Client(), "register", NEW_ACCOUNT)
    assert post(client, "passphrase", {"new_auth_key": NEW_KEY, "wrapped_vault_key": NEW_WRAPPED}).status_code == 401
    assert post(client, "delete", {"auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 401
