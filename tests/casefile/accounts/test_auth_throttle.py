"""The sign-in throttle: per device, under a higher ceiling per address, so no client can use up anyone else's.

The attack: someone at her address (home Wi-Fi, a phone network's shared address) sends
requests as fast as the server answers, so that her own devices get 429 when she signs in.
"""

import os

import pytest
from django.test import Client
from rest_framework.throttling import SimpleRateThrottle

from tests.casefile.helpers import NEW_ACCOUNT, b64, post

pytestmark = pytest.mark.django_db

HOME = "203.0.113.10"
RIGHT_LOGIN = {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}


@pytest.fixture
def phone() -> Client:
    """Sam's phone at home: it registered, so it holds her device cookie; then it locked (signed out)."""
    phone = Client(REMOTE_ADDR=HOME)
    assert post(phone, "register", NEW_ACCOUNT).status_code == 201
    assert post(phone, "logout", {}).status_code == 204
    return phone


def flood(client: Client, times: int = 100) -> list[int]:
    return [post(client, "salt", {"username": "sam"}).status_code for _ in range(times)]


def test_an_attacker_at_her_address_cannot_use_up_her_devices_allowance(phone):
    assert 429 in flood(Client(REMOTE_ADDR=HOME))
    assert post(phone, "salt", {"username": "sam"}).status_code == 200
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200


def test_her_signed_in_device_is_not_throttled_by_an_attacker_at_her_address(phone):
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200
    flood(Client(REMOTE_ADDR=HOME))
    assert post(phone, "confirm", {"auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 204


def test_devices_without_a_device_cookie_share_their_addresss_allowance():
    assert flood(Client(REMOTE_ADDR=HOME), 20) == [200] * 20
    assert post(Client(REMOTE_ADDR=HOME), "salt", {"username": "sam"}).status_code == 429
    assert post(Client(REMOTE_ADDR="192.0.2.20"), "salt", {"username": "sam"}).status_code == 200


def test_the_answer_says_what_happened_and_how_long_to_wait():
    flood(Client(REMOTE_ADDR=HOME), 20)
    r = post(Client(REMOTE_ADDR=HOME), "salt", {"username": "sam"})
    assert r.status_code == 429
    wait = int(r["Retry-After"])
    # Near the edge of a counting window the allowance frees up within seconds: then it may be "1 second".
    seconds = "1 second" if wait == 1 else f"{wait} seconds"
    assert r.json() == {
        "detail": f"Too many sign-in requests just now. Wait {seconds} and try again.",
        "code": "throttled",
    }


def test_devices_asking_about_names_they_have_not_signed_in_as_share_a_ceiling_per_address(phone, monkeypatch):
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "auth_address", "30/min")
    first, second = Client(REMOTE_ADDR=HOME), Client(REMOTE_ADDR=HOME)
    for n, client in enumerate((first, second)):  # each earns a device cookie for a name of its own
        assert post(client, "register", NEW_ACCOUNT | {"username": f"mallory{n}"}).status_code == 201
    assert flood(first, 20) == [200] * 20  # its own allowance
    assert flood(second, 10) == [200] * 7 + [429] * 3  # the ceiling: 3 registers (hers too) and 27 salts
    assert post(phone, "salt", {"username": "sam"}).status_code == 200  # she counts against her name's ceiling
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200


def test_wrong_tries_by_an_attacker_do_not_throttle_her_device(phone):
    attacker = Client(REMOTE_ADDR=HOME)
    for _ in range(30):
        post(attacker, "login", {"username": "sam", "auth_key": b64(os.urandom(32))})
    assert post(phone, "login", RIGHT_LOGIN).status_code == 200


def test_a_request_with_no_address_is_throttled_like_any_other_not_a_500():
    nowhere = Client()
    answers = [
        nowhere.post("/api/v1/auth/salt/", {"username": "sam"}, "application/json", REMOTE_ADDR=None).status_code
        for _ in range(25)
    ]  # as a broken proxy might pass it on
    assert set(answers) == {200, 429}
