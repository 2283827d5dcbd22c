"""Lockout per name and address (django-axes): wrong tries lock that name on that device only, for a while."""

import os
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client

from tests.casefile.helpers import NEW_ACCOUNT, b64, post

pytestmark = pytest.mark.django_db

LOCKED = {"detail": "Too many attempts from this device. Wait 15 minutes and try again, or use your recovery code."}
WRONG = {"detail": "That name and passphrase do not match. Check them and try again."}
RIGHT_LOGIN = {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}
RIGHT_RECOVERY = {"username": "sam", "recovery_key": NEW_ACCOUNT["recovery_key"]}


def device(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def wrong_login(client: Client, username: str = "sam"):
    return post(client, "login", {"username": username, "auth_key": b64(os.urandom(32))})


def let_time_pass(minutes: float) -> None:
    """Move every recorded attempt back in time, as if the clock had moved on."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


@pytest.fixture
def sam():
    assert post(Client(REMOTE_ADDR="198.51.100.1"), "register", NEW_ACCOUNT).status_code == 201


@pytest.fixture
def locked_out_device(sam) -> Client:
    """Device A, after ten wrong passphrases for sam: the tenth is the one that locks."""
    a = device("203.0.113.10")
    answers = [wrong_login(a) for _ in range(10)]
    assert [r.status_code for r in answers] == [400] * 9 + [429]
    assert answers[-1].json() == LOCKED
    return a


def test_ten_wrong_passphrases_lock_that_name_on_that_device(locked_out_device):
    r = post(locked_out_device, "login", RIGHT_LOGIN)
    assert r.status_code == 429  # even the right passphrase is not checked while locked out
    assert r.json() == LOCKED
    assert locked_out_device.get("/api/v1/collections/").status_code == 401


def test_the_right_person_still_signs_in_from_another_address(locked_out_device):
    b = device("192.0.2.20")
    assert post(b, "login", RIGHT_LOGIN).status_code == 200
    assert b.get("/api/v1/collections/").status_code == 200


def test_another_name_is_not_locked_on_the_locked_out_device(locked_out_device):
    assert wrong_login(locked_out_device, username="someone-else").json() == WRONG


def test_the_lock_lifts_after_the_cool_down(locked_out_device):
    let_time_pass(minutes=14)
    assert post(locked_out_device, "login", RIGHT_LOGIN).status_code == 429
    let_time_pass(minutes=1.1)
    assert post(locked_out_device, "login", RIGHT_LOGIN).status_code == 200


def test_tries_while_locked_out_do_not_stretch_the_cool_down(locked_out_device):
    let_time_pass(minutes=10)
    for _ in range(3):
        assert wrong_login(locked_out_device).status_code == 429
    let_time_pass(minutes=5.1)
    assert post(locked_out_device, "login", RIGHT_LOGIN).status_code == 200


def test_the_recovery_code_still_works_on_the_locked_out_device_and_elsewhere(locked_out_device):
    assert post(locked_out_device, "recover", RIGHT_RECOVERY).status_code == 200
    assert post(device("192.0.2.20"), "recover", RIGHT_RECOVERY).status_code == 200


def test_an_unknown_name_is_answered_and_counted_exactly_like_a_real_one(sam):
    real, unknown = device("203.0.113.10"), device("203.0.113.11")
    for _ in range(10):
        a, b = wrong_login(real, "sam"), wrong_login(unknown, "nobody-here")
        assert (a.status_code, a.json()) == (b.status_code, b.json())
    assert a.status_code == 429
    assert post(unknown, "login", {"username": "nobody-here", "auth_key": b64(os.urandom(32))}).json() == LOCKED


def test_a_right_passphrase_clears_the_count(sam):
    a = device("203.0.113.10")
    for _ in range(9):
        wrong_login(a)
    assert post(a, "login", RIGHT_LOGIN).status_code == 200
    assert [wrong_login(a).status_code for _ in range(9)] == [400] * 9


def test_wrong_recovery_codes_lock_the_recovery_code_on_that_device(sam):
    a = device("203.0.113.10")
    wrong = {"username": "sam", "recovery_key": b64(os.urandom(32))}
    answers = [post(a, "recover", wrong).status_code for _ in range(10)]
    assert answers == [400] * 9 + [429]
    assert post(a, "recover", RIGHT_RECOVERY).json() == LOCKED
    assert post(device("192.0.2.20"), "recover", RIGHT_RECOVERY).status_code == 200


def test_wrong_passphrases_on_a_signed_in_device_count_towards_the_same_lockout(sam):
    a = device("203.0.113.10")
    assert post(a, "login", RIGHT_LOGIN).status_code == 200
    change = {"current_auth_key": b64(os.urandom(32)), "new_auth_key": b64(os.urandom(32))}
    change["wrapped_vault_key"] = NEW_ACCOUNT["wrapped_vault_key"]
    for _ in range(5):
        assert post(a, "passphrase", change).status_code == 400
    for _ in range(4):
        assert post(a, "delete", {"auth_key": b64(os.urandom(32))}).status_code == 400
    assert post(a, "delete", {"auth_key": b64(os.urandom(32))}).json() == LOCKED
    r = post(a, "delete", {"auth_key": NEW_ACCOUNT["auth_key"]})
    assert r.status_code == 429  # the right passphrase is not even checked
    assert post(Client(REMOTE_ADDR="203.0.113.10"), "login", RIGHT_LOGIN).status_code == 429
    assert post(device("192.0.2.20"), "login", RIGHT_LOGIN).status_code == 200


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(sam):
    forged = [Client(REMOTE_ADDR="203.0.113.10", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}") for n in range(11)]
    assert [wrong_login(client).status_code for client in forged] == [400] * 9 + [429] * 2
    assert AccessAttempt.objects.get().ip_address == "203.0.113.10"


def test_it_keeps_no_key_in_its_records(sam):
    key = os.urandom(32)
    a = device("203.0.113.10")
    post(a, "login", {"username": "sam", "auth_key": b64(key)})
    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == 1
    stored = " ".join(str(value) for value in attempt.__dict__.values())
    assert b64(key) not in stored and key.hex() not in stored


def test_a_sign_in_sent_as_a_form_is_refused_before_anything_reads_it(sam):
    key = b64(os.urandom(32))
    r = device("203.0.113.10").post("/api/v1/auth/login/", {"username": "sam", "auth_key": key})
    assert r.status_code == 415
    assert not AccessAttempt.objects.exists()


def test_admin_sign_in_is_locked_out_too(editor):
    a = device("203.0.113.10")
    answers = [
        a.post("/admin/login/", {"username": "editor", "password": "not the password"}).status_code for _ in range(10)
    ]
    assert answers == [200] * 9 + [429]
    r = a.post("/admin/login/", {"username": "editor", "password": "a long editor passphrase 42"})
    assert r.status_code == 429
    assert "Too many attempts from this device" in r.content.decode()
