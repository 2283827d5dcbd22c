"""Your devices: every sign-in is listed in a few words, and any of them can be signed out."""

import pytest
from django.test import Client

from casefile.accounts.devices import describe_device
from tests.casefile.helpers import AUTH_KEY, NEW_ACCOUNT, b64, post

pytestmark = pytest.mark.django_db

ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"
WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"


def device(user_agent: str) -> Client:
    return Client(HTTP_USER_AGENT=user_agent)


@pytest.fixture
def phone_and_laptop():
    phone = device(ANDROID_CHROME)
    assert post(phone, "register", NEW_ACCOUNT).status_code == 201
    laptop = device(WINDOWS_FIREFOX)
    assert post(laptop, "login", {"username": "sam", "auth_key": b64(AUTH_KEY)}).status_code == 200
    return phone, laptop


def listed(client) -> list[dict]:
    response = client.get("/api/v1/auth/devices/")
    assert response.status_code == 200
    return response.json()["devices"]


def test_it_lists_each_signed_in_device_in_a_few_words(phone_and_laptop):
    phone, _laptop = phone_and_laptop
    devices = listed(phone)
    assert [(d["device"], d["current"]) for d in devices] == [
        ("Firefox on Windows", False),
        ("Chrome on Android", True),
    ]
    assert set(devices[0]) == {"id", "device", "signed_in", "current"}


def test_signing_out_a_device_ends_its_session_at_once(phone_and_laptop):
    phone, laptop = phone_and_laptop
    laptop_id = next(d["id"] for d in listed(phone) if not d["current"])
    assert phone.post(f"/api/v1/auth/devices/{laptop_id}/sign-out/").status_code == 204
    assert laptop.get("/api/v1/collections/").status_code == 401
    assert [d["device"] for d in listed(phone)] == ["Chrome on Android"]


def test_sign_out_everywhere_else_keeps_this_device(phone_and_laptop):
    phone, laptop = phone_and_laptop
    third = device(ANDROID_CHROME)
    post(third, "login", {"username": "sam", "auth_key": b64(AUTH_KEY)})
    assert phone.post("/api/v1/auth/devices/sign-out-others/").status_code == 204
    assert laptop.get("/api/v1/collections/").status_code == 401
    assert third.get("/api/v1/collections/").status_code == 401
    assert phone.get("/api/v1/collections/").status_code == 200
    assert len(listed(phone)) == 1


def test_a_logged_out_device_drops_off_the_list(phone_and_laptop):
    phone, laptop = phone_and_laptop
    laptop.post("/api/v1/auth/logout/")
    assert len(listed(phone)) == 1


def test_nobody_can_see_or_sign_out_someone_elses_devices(phone_and_laptop, django_user_model):
    phone, _ = phone_and_laptop
    stranger = Client()
    stranger.force_login(django_user_model.objects.create_user("stranger"))
    assert listed(stranger) == []
    for device_id in (d["id"] for d in listed(phone)):
        assert stranger.post(f"/api/v1/auth/devices/{device_id}/sign-out/").status_code == 404
    assert len(listed(phone)) == 2
    assert Client().get("/api/v1/auth/devices/").status_code == 401


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (ANDROID_CHROME, "Chrome on Android"),
        (WINDOWS_FIREFOX, "Firefox on Windows"),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit (KHTML) Version/18.0 Safari/604.1",
            "Safari on iPhone",
        ),
        ("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0", "Edge on Windows"),
        ("", "A browser"),
    ],
)
def test_it_describes_a_device_without_identifying_it(user_agent, expected):
    assert describe_device(user_agent) == expected
