"""How long a sign-in lasts: a new session key at each sign-in, an idle limit, and an absolute one.

Time moves by patching django.utils.timezone.now, which Django's sessions and this app read:
nothing here sleeps.
"""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from casefile.accounts.sessions import SIGNED_IN_AT
from casefile.models import DeviceSession
from tests.casefile.helpers import NEW_ACCOUNT, post

pytestmark = pytest.mark.django_db

LOGIN = {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}
SIGNED_OUT = "You are signed out. Unlock your case file with your passphrase to sign in again."


@pytest.fixture
def phone(clock):
    """Signed in now, through the case-file API."""
    phone = Client()
    assert post(phone, "register", NEW_ACCOUNT).status_code == 201
    return phone


def signed_in(client) -> bool:
    r = client.get("/api/v1/collections/")
    assert r.status_code in {200, 401}
    if r.status_code == 401:
        assert (r["WWW-Authenticate"], r.json()["detail"]) == ("Session", SIGNED_OUT)
    return r.status_code == 200


def test_signing_in_gives_the_session_a_new_key(client):
    post(Client(), "register", NEW_ACCOUNT)
    before = client.session.session_key  # a session from before signing in, as a planted cookie would be
    assert post(client, "login", LOGIN).status_code == 200
    after = client.cookies["sessionid"].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    assert DeviceSession.objects.filter(session_key=after).exists()


def test_a_session_in_use_stays_signed_in_beyond_the_idle_time(phone, clock):
    for _ in range(3):
        clock.advance(days=13)
        assert signed_in(phone)


def test_a_session_left_unused_for_the_idle_time_ends(phone, clock):
    clock.advance(days=13, hours=23)
    assert signed_in(phone)
    clock.advance(days=14, seconds=1)
    assert not signed_in(phone)
    assert post(phone, "login", LOGIN).status_code == 200
    assert DeviceSession.objects.count() == 1  # the ended session's row went at this sign-in


def test_a_session_ends_at_its_absolute_lifetime_however_busy(phone, clock):
    key = phone.cookies["sessionid"].value
    for _ in range(8):
        clock.advance(days=11)
        assert signed_in(phone)
    clock.advance(days=2)  # 90 days since signing in
    assert not signed_in(phone)
    assert not DeviceSession.objects.filter(session_key=key).exists()
    assert not Session.objects.filter(session_key=key).exists()
    assert post(phone, "login", LOGIN).status_code == 200  # signing in again starts a new lifetime
    assert signed_in(phone)


def test_the_limits_come_from_settings(phone, clock, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 3600
    settings.SESSION_COOKIE_AGE = 600
    clock.advance(minutes=9)
    assert signed_in(phone)  # and this request moves the idle end to 10 minutes from now
    clock.advance(minutes=11)
    assert not signed_in(phone)

    assert post(phone, "login", LOGIN).status_code == 200
    for _ in range(6):
        clock.advance(minutes=9)
        assert signed_in(phone)
    clock.advance(minutes=6)
    assert not signed_in(phone)


def test_a_session_without_a_sign_in_time_ends(phone):
    # Sessions from before the absolute limit existed carry no sign-in time: they end once.
    session = Session.objects.get(session_key=phone.cookies["sessionid"].value)
    data = session.get_decoded()
    del data[SIGNED_IN_AT]
    session.session_data = Session.get_session_store_class()().encode(data)
    session.save()
    assert not signed_in(phone)


def session_row(client) -> Session:
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def test_requests_within_the_refresh_time_leave_the_session_row_alone(phone, clock, settings):
    settings.SESSION_REFRESH_SECONDS = 300
    before = session_row(phone).expire_date
    for _ in range(4):
        clock.advance(seconds=60)
        assert signed_in(phone)
    assert session_row(phone).expire_date == before


def test_the_first_request_after_the_refresh_time_moves_the_idle_end_on(phone, clock, settings):
    settings.SESSION_REFRESH_SECONDS = 300
    clock.advance(seconds=301)
    assert signed_in(phone)
    assert session_row(phone).expire_date == clock.now + timedelta(seconds=settings.SESSION_COOKIE_AGE)
