"""Lockout per name and device (django-axes and device cookies): nobody can aim it at someone else.

The attack: someone who knows her name and shares her address (home Wi-Fi, a phone network's
shared address) sends wrong passphrases and recovery codes, to lock her out. A device that has
signed in as a name holds a device cookie for it, and its wrong tries count against that cookie
alone. Devices without one share one count per name, and only they are locked out by it.
"""

import os
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client
from rest_framework.throttling import SimpleRateThrottle

from tests.casefile.helpers import NEW_ACCOUNT, b64, post
from tests.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = {
    "detail": "Too many attempts from this device. Wait 15 minutes and try again, or use your recovery code.",
    "code": "locked_out",
}
UNKNOWN_DEVICES_LOCKED = {
    "detail": "Too many wrong attempts for this name from devices that have not signed in before. "
    "Wait 15 minutes, or use a device you have signed in on before.",
    "code": "locked_out",
}
WRONG = {"detail": "That name and passphrase do not match. Check them and try again."}
RIGHT_LOGIN = {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}
RIGHT_RECOVERY = {"username": "sam", "recovery_key": NEW_ACCOUNT["recovery_key"]}
HOME = "203.0.113.10"  # her home Wi-Fi, or her phone network's shared address
DEVICE_COOKIE = "falseos_device"


@pytest.fixture(autouse=True)
def without_auth_throttle(monkeypatch):
    """These tests send more tries a minute than the throttle allows: it has its own tests."""
    for scope in ("auth", "auth_address"):
        monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, scope, None)


def device(address: str = HOME) -> Client:
    return Client(REMOTE_ADDR=address)


def wrong_login(client: Client, username: str = "sam"):
    return post(client, "login", {"username": username, "auth_key": b64(os.urandom(32))})


def wrong_recovery(client: Client, username: str = "sam"):
    return post(client, "recover", {"username": username, "recovery_key": b64(os.urandom(32))})


def let_time_pass(minutes: float) -> None:
    """Move every recorded attempt back in time, as if the clock had moved on."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def signed_in_before(address: str = HOME) -> Client:
    """One of sam's devices: it has signed in as her (so it holds her device cookie), then locked (signed out)."""
    client = device(address)
    assert post(client, "login", RIGHT_LOGIN).status_code == 200
    assert post(client, "logout", {}).status_code == 204
    return client


@pytest.fixture
def sam():
    assert post(device("198.51.100.1"), "register", NEW_ACCOUNT).status_code == 201


@pytest.fixture
def phone(sam) -> Client:
    return signed_in_before(HOME)


@pytest.fixture
def attack(sam):
    """50 wrong passphrases and 50 wrong recovery codes for sam, from her address, by a device that never signed in."""
    attacker = device(HOME)
    logins = [wrong_login(attacker) for _ in range(50)]
    recoveries = [wrong_recovery(attacker) for _ in range(50)]
    assert [r.status_code for r in logins] == [400] * 9 + [429] * 41
    assert [r.status_code for r in recoveries] == [400] * 9 + [429] * 41
    assert logins[-1].json() == recoveries[-1].json() == UNKNOWN_DEVICES_LOCKED
    return attacker


def test_an_attacker_at_her_address_cannot_lock_her_device_out_of_signing_in(phone, attack):
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200
    assert phone.get("/api/v1/collections/").status_code == 200


def test_her_device_still_uses_the_recovery_code_after_the_attack(phone, attack):
    assert post(phone, "recover", RIGHT_RECOVERY).status_code == 200


def test_her_device_still_has_its_own_ten_tries_after_the_attack(phone, attack):
    assert [wrong_login(phone).status_code for _ in range(9)] == [400] * 9
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200


def test_her_signed_in_device_still_confirms_changes_the_passphrase_and_deletes_after_the_attack(phone):
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200
    attacker = device(HOME)
    for _ in range(50):
        wrong_login(attacker)
    assert post(phone, "confirm", {"auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 204
    change = {"current_auth_key": NEW_ACCOUNT["auth_key"], "new_auth_key": b64(b"n" * 32)}
    change["wrapped_vault_key"] = NEW_ACCOUNT["wrapped_vault_key"]
    assert post(phone, "passphrase", change).status_code == 204
    assert post(phone, "delete", {"auth_key": b64(b"n" * 32)}).status_code == 204


def test_the_attack_locks_out_devices_that_have_not_signed_in_before_wherever_they_are(attack):
    elsewhere = device("192.0.2.20")
    assert post(elsewhere, "login", RIGHT_LOGIN).json() == UNKNOWN_DEVICES_LOCKED
    assert post(elsewhere, "recover", RIGHT_RECOVERY).json() == UNKNOWN_DEVICES_LOCKED


def test_her_own_ten_wrong_tries_lock_only_her_device(phone):
    answers = [wrong_login(phone) for _ in range(10)]
    assert [r.status_code for r in answers] == [400] * 9 + [429]
    assert answers[-1].json() == LOCKED
    r = post(phone, "login", RIGHT_LOGIN)
    assert r.status_code == 429  # even the right passphrase is not checked while locked out
    assert r.json() == LOCKED
    assert phone.get("/api/v1/collections/").status_code == 401
    assert post(signed_in_before("192.0.2.20"), "login", RIGHT_LOGIN).status_code == 200  # her laptop
    assert post(device(HOME), "login", RIGHT_LOGIN).status_code == 200  # a new device at home


def test_her_device_still_uses_the_recovery_code_after_its_own_wrong_passphrases(phone):
    for _ in range(10):
        wrong_login(phone)
    assert post(phone, "recover", RIGHT_RECOVERY).status_code == 200


def test_a_device_cookie_for_another_name_does_not_count_for_this_one(sam):
    attacker = device(HOME)
    mallory = NEW_ACCOUNT | {"username": "mallory"}
    assert post(attacker, "register", mallory).status_code == 201
    assert post(attacker, "logout", {}).status_code == 204
    assert [wrong_login(attacker).status_code for _ in range(10)] == [400] * 9 + [429]
    assert post(device("192.0.2.20"), "login", RIGHT_LOGIN).json() == UNKNOWN_DEVICES_LOCKED
    assert post(attacker, "login", mallory).status_code == 200  # his own name is not locked for him


def test_a_changed_device_cookie_counts_as_a_device_that_has_not_signed_in(phone):
    attacker = device(HOME)
    value = phone.cookies[DEVICE_COOKIE].value
    attacker.cookies[DEVICE_COOKIE] = value[:5] + ("A" if value[5] != "A" else "B") + value[6:]
    assert [wrong_login(attacker).status_code for _ in range(10)] == [400] * 9 + [429]
    assert post(device("192.0.2.20"), "login", RIGHT_LOGIN).json() == UNKNOWN_DEVICES_LOCKED
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200


def test_the_device_cookie_is_long_lived_http_only_lax_and_does_not_name_her(sam, settings):
    settings.SESSION_COOKIE_SECURE = True
    r = post(device(), "login", RIGHT_LOGIN)
    cookie = r.cookies[DEVICE_COOKIE]
    assert cookie["httponly"] and cookie["secure"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/api/v1/auth/"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert "sam" not in cookie.value


def test_another_name_is_not_locked_for_the_locked_out_devices(attack):
    assert wrong_login(device(HOME), username="someone-else").json() == WRONG


def test_the_lock_lifts_after_the_cool_down(attack):
    let_time_pass(minutes=14)
    assert post(device(), "login", RIGHT_LOGIN).status_code == 429
    let_time_pass(minutes=1.1)
    assert post(device(), "login", RIGHT_LOGIN).status_code == 200


def test_tries_while_locked_out_do_not_stretch_the_cool_down(attack):
    let_time_pass(minutes=10)
    for _ in range(3):
        assert wrong_login(device()).status_code == 429
    let_time_pass(minutes=5.1)
    assert post(device(), "login", RIGHT_LOGIN).status_code == 200


def test_an_unknown_name_is_answered_and_counted_exactly_like_a_real_one(sam):
    real, unknown = device("203.0.113.10"), device("203.0.113.11")
    for _ in range(10):
        a, b = wrong_login(real, "sam"), wrong_login(unknown, "nobody-here")
        assert (a.status_code, a.json()) == (b.status_code, b.json())
    assert a.status_code == 429
    assert wrong_login(device("192.0.2.20"), "nobody-here").json() == UNKNOWN_DEVICES_LOCKED


def test_a_right_passphrase_clears_that_devices_count(phone):
    for _ in range(9):
        wrong_login(phone)
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200
    assert [wrong_login(phone).status_code for _ in range(9)] == [400] * 9


def test_signing_in_on_a_new_device_does_not_clear_the_count_of_devices_that_have_not_signed_in(sam):
    attacker = device(HOME)
    for _ in range(9):
        wrong_login(attacker)
    assert post(device("192.0.2.20"), "login", RIGHT_LOGIN).status_code == 200
    assert wrong_login(attacker).json() == UNKNOWN_DEVICES_LOCKED


def test_wrong_recovery_codes_lock_the_recovery_code_on_that_device_only(phone):
    answers = [wrong_recovery(phone).status_code for _ in range(10)]
    assert answers == [400] * 9 + [429]
    assert post(phone, "recover", RIGHT_RECOVERY).json() == LOCKED
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200  # the passphrase has its own count
    assert post(device("192.0.2.20"), "recover", RIGHT_RECOVERY).status_code == 200


def test_wrong_passphrases_on_a_signed_in_device_count_against_that_device_only(phone):
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200
    change = {"current_auth_key": b64(os.urandom(32)), "new_auth_key": b64(os.urandom(32))}
    change["wrapped_vault_key"] = NEW_ACCOUNT["wrapped_vault_key"]
    for _ in range(5):
        assert post(phone, "passphrase", change).status_code == 400
    for _ in range(4):
        assert post(phone, "delete", {"auth_key": b64(os.urandom(32))}).status_code == 400
    assert post(phone, "delete", {"auth_key": b64(os.urandom(32))}).json() == LOCKED
    r = post(phone, "delete", {"auth_key": NEW_ACCOUNT["auth_key"]})
    assert r.status_code == 429  # the right passphrase is not even checked
    assert post(phone, "logout", {}).status_code == 204
    assert post(phone, "login", RIGHT_LOGIN).json() == LOCKED  # the same device, signed out
    assert post(device(HOME), "login", RIGHT_LOGIN).status_code == 200  # anyone else, even at her address


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(sam):
    forged = [Client(REMOTE_ADDR="203.0.113.10", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}") for n in range(11)]
    assert [wrong_login(client).status_code for client in forged] == [400] * 9 + [429] * 2
    assert AccessAttempt.objects.get().ip_address == "203.0.113.10"


def test_it_keeps_no_key_and_no_device_cookie_in_its_records(phone):
    key = os.urandom(32)
    post(phone, "login", {"username": "sam", "auth_key": b64(key)})
    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == 1
    stored = " ".join(str(value) for value in attempt.__dict__.values())
    assert b64(key) not in stored and key.hex() not in stored
    device_id = phone.cookies[DEVICE_COOKIE].value.split(":")[0]
    assert device_id not in stored


def test_a_sign_in_sent_as_a_form_is_refused_before_anything_reads_it(sam):
    key = b64(os.urandom(32))
    r = device("203.0.113.10").post("/api/v1/auth/login/", {"username": "sam", "auth_key": key})
    assert r.status_code == 415
    assert not AccessAttempt.objects.exists()


def test_admin_sign_in_is_locked_out_per_name_and_address(editor):
    a = device("203.0.113.10")
    answers = [
        a.post("/admin/login/", {"username": "editor", "password": "not the password"}).status_code for _ in range(10)
    ]
    assert answers == [200] * 9 + [429]
    r = a.post("/admin/login/", {"username": "editor", "password": "a long editor passphrase 42"})
    assert r.status_code == 429
    assert "Too many attempts from this device" in r.content.decode()
    elsewhere = device("192.0.2.20").post("/admin/login/", {"username": "editor", "password": EDITOR_PASSWORD})
    assert elsewhere.status_code == 302


def test_names_typed_into_the_admin_sign_in_do_not_count_towards_the_case_files_lockout(sam):
    admin = device(HOME)
    for name in ("sam", "sam#passphrase#unknown devices") * 10:
        admin.post("/admin/login/", {"username": name, "password": "not the password"})
    assert post(device(HOME), "login", RIGHT_LOGIN).status_code == 200
