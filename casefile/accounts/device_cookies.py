"""Device cookies: a device that has signed in as a name is told apart from every other device.

OWASP's "Slow down online guessing attacks with device cookies". Each sign-in (register,
passphrase, recovery code) gives the device a long-lived cookie naming the names it signed in
as. Wrong tries from a device with a cookie for that name count against that device alone
(casefile/accounts/lockout.py), and it has its own sign-in allowance (casefile/throttles.py).

The cookie is `<device id>:<tag>,<tag>...`, signed with Django's signing (so it cannot be made
or changed without SECRET_KEY), HttpOnly, SameSite=Lax, Secure like the session cookie, and sent
only to /api/v1/auth/. The device id is random; a tag is an HMAC of a name, so the cookie does
not say which names they are. A signed-in session keeps its device id too, so its own wrong
passphrases count against its own device even if the cookie has gone.
"""

import re
import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

COOKIE_NAME = "falseos_device"
COOKIE_PATH = "/api/v1/auth/"
SIGNING_SALT = "falseos.device-cookie"
SESSION_KEY = "falseos_device"
MAX_NAMES = 8  # names one device remembers; the oldest sign-in drops off first

_ID = re.compile(r"[A-Za-z0-9_-]{22}")
_TAG = re.compile(r"[0-9a-f]{32}")
_PENDING = "_falseos_device_cookie"


def _max_age() -> int:
    return settings.DEVICE_COOKIE_DAYS * 24 * 60 * 60


def name_tag(username: str) -> str:
    """Stands for a name in the cookie and in throttle keys, without saying it."""
    return salted_hmac(SIGNING_SALT, username, algorithm="sha256").hexdigest()[:32]


def _read(request: HttpRequest) -> tuple[str, list[str]] | None:
    """The device id and name tags of a valid cookie; None without one, or with a changed or expired one."""
    value = request.get_signed_cookie(COOKIE_NAME, default=None, salt=SIGNING_SALT, max_age=_max_age())
    if not value or value.count(":") != 1:
        return None
    device_id, tags = value.split(":")
    tags = tags.split(",")
    if not _ID.fullmatch(device_id) or not all(_TAG.fullmatch(tag) for tag in tags):
        return None
    return device_id, tags


def device_id(request: HttpRequest) -> str | None:
    """This device's id, if it has signed in here as anyone."""
    cookie = _read(request)
    return cookie[0] if cookie else None


def device_id_for(request: HttpRequest, username: str) -> str | None:
    """This device's id, if it has signed in as this name."""
    cookie = _read(request)
    return cookie[0] if cookie and name_tag(username) in cookie[1] else None


def session_device_id(request: HttpRequest) -> str:
    """The device id of a signed-in session: the one its sign-in gave, or one of its own for an older session."""
    if not _ID.fullmatch(str(request.session.get(SESSION_KEY, ""))):
        request.session[SESSION_KEY] = secrets.token_urlsafe(16)
    return request.session[SESSION_KEY]


def earn(request: HttpRequest, username: str) -> None:
    """This device has just signed in as this name: its session and its next answer carry its device id.

    Call after login(), which may start the session afresh. The cookie itself goes on the answer (set_cookie).
    """
    cookie = _read(request)
    device, tags = cookie if cookie else (secrets.token_urlsafe(16), [])
    tag = name_tag(username)
    tags = [tag, *(other for other in tags if other != tag)][:MAX_NAMES]
    request.session[SESSION_KEY] = device
    setattr(request, _PENDING, f"{device}:{','.join(tags)}")


def set_cookie(request: HttpRequest, response: HttpResponse) -> None:
    """Put the cookie a sign-in earned on its answer; nothing if this request earned none."""
    value = getattr(request, _PENDING, None)
    if value is None:
        return
    response.set_signed_cookie(
        COOKIE_NAME,
        value,
        salt=SIGNING_SALT,
        max_age=_max_age(),
        path=COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
