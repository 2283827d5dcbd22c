"""How long a sign-in lasts: an idle limit and an absolute one.

Idle: Django's own session expiry. Saving the session moves its end SESSION_IDLE_SECONDS on;
`session_lifetime` saves a signed-in session at most once every SESSION_REFRESH_SECONDS, so
the idle end is exact to that, and a sync's many requests write nothing to the session table.
Absolute: each sign-in stores its time in the session, and `session_lifetime` ends the
session SESSION_ABSOLUTE_SECONDS later however busy it is, so a stolen session cookie
cannot be kept alive for ever by using it.
Fresh: deleting and account changes need the passphrase or recovery code to have been
checked in the last FRESH_SIGN_IN_SECONDS (at sign-in, or again through auth/confirm/), so
a session left behind on a locked or borrowed phone cannot destroy anything.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from casefile.models import DeviceSession

SIGNED_IN_AT = "falseos_signed_in_at"
CONFIRMED_AT = "falseos_confirmed_at"
REFRESHED_AT = "falseos_refreshed_at"


def now_seconds() -> int:
    """The time as sessions store it: whole seconds since the epoch."""
    return int(timezone.now().timestamp())


def is_fresh(seconds: int | None) -> bool:
    """Whether a time stored by now_seconds() falls within the last FRESH_SIGN_IN_SECONDS."""
    return seconds is not None and 0 <= now_seconds() - seconds < settings.FRESH_SIGN_IN_SECONDS


@receiver(user_logged_in)
def remember_sign_in_time(sender, request: HttpRequest | None, user, **kwargs) -> None:
    # Every sign-in, through the case-file API or the admin: Django's login() sends this signal,
    # and each one checked a secret (passphrase, recovery code or admin password), so it is fresh too.
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = request.session[CONFIRMED_AT] = request.session[REFRESHED_AT] = now_seconds()


def mark_confirmed(request: HttpRequest) -> None:
    """The person has just shown their passphrase again, in an open session."""
    request.session[CONFIRMED_AT] = now_seconds()


def recently_confirmed(session) -> bool:
    return is_fresh(session.get(CONFIRMED_AT))


def past_absolute_limit(session) -> bool:
    if SESSION_KEY not in session:
        return False
    started = session.get(SIGNED_IN_AT)
    # A session without a sign-in time began before this limit existed: it ends once, and the next sign-in has one.
    return started is None or now_seconds() - started >= settings.SESSION_ABSOLUTE_SECONDS


def refresh_if_due(session) -> None:
    """Mark a signed-in session changed, so SessionMiddleware saves it and moves its idle end on, if it is time."""
    if SESSION_KEY in session and not session.modified:
        now = now_seconds()
        if now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_SECONDS:
            session[REFRESHED_AT] = now


def session_lifetime(get_response: Callable[[HttpRequest], HttpResponse]):
    """Signs out a session that has reached its absolute lifetime, before any view sees it; its device row goes too.

    After the view, refreshes the session's idle end when due (`refresh_if_due`).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if past_absolute_limit(request.session):
            ended = request.session.session_key
            logout(request)
            DeviceSession.objects.filter(session_key=ended).delete()
        response = get_response(request)
        refresh_if_due(request.session)
        return response

    return middleware
