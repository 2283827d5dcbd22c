"""Where an account is signed in, and signing devices out. Reads and writes in one small module.

A row is made at each sign-in through the case-file API. A device counts as signed in while
its session exists and has not expired, so sessions ended any other way (logout, a
passphrase change, expiry) drop out of the list without extra bookkeeping.
"""

import re

from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from casefile.models import DeviceSession

ENDED_BECAUSE = "falseos_ended_because"
PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 (why a session ended, not a secret)
ACCOUNT_DELETED = "account_deleted"

BROWSERS = [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
SYSTEMS = [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
           ("Mac OS X", "Mac"), ("Linux", "Linux")]  # fmt: skip


def describe_device(user_agent: str) -> str:
    """A few words a person recognises: "Chrome on Android". Nothing that identifies the device itself."""
    browser = next((name for marker, name in BROWSERS if marker in user_agent), "A browser")
    system = next((name for marker, name in SYSTEMS if re.search(re.escape(marker), user_agent)), "")
    return f"{browser} on {system}" if system else browser


def _live_sessions() -> QuerySet[Session]:
    return Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")


def record_sign_in(request: HttpRequest, user: AbstractBaseUser) -> None:
    DeviceSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={"user": user, "device": describe_device(request.headers.get("User-Agent", ""))},
    )
    # Rows of this person's sessions that expired or ended without a sign-out: nobody will see them again.
    DeviceSession.objects.filter(user=user).exclude(session_key__in=_live_sessions()).delete()


def signed_in_devices(user: AbstractBaseUser) -> QuerySet[DeviceSession]:
    return DeviceSession.objects.filter(user=user, session_key__in=_live_sessions()).order_by("-signed_in")


def follow_new_session_key(old_key: str | None, new_key: str | None) -> None:
    """This device's session took a new key (Django does that on a passphrase change): keep it on the list."""
    if old_key and new_key and old_key != new_key:
        DeviceSession.objects.filter(session_key=old_key).update(session_key=new_key)


def keep_signed_in(user: AbstractBaseUser, devices: QuerySet[DeviceSession]) -> None:
    """Keep these devices signed in although the passphrase changed.

    Django ends every session whose stored password hash no longer matches the account's; store
    the new one in each of these sessions. Only the session data changes, not when it expires.
    """
    new_hash = user.get_session_auth_hash()
    keys = devices.values_list("session_key", flat=True)
    for session in Session.objects.filter(session_key__in=keys, expire_date__gt=timezone.now()):
        data = session.get_decoded()
        if data.get(SESSION_KEY) != str(user.pk):
            continue
        data[HASH_SESSION_KEY] = new_hash
        session.session_data = Session.get_session_store_class()().encode(data)
        session.save(update_fields=["session_data"])


def access_device(user: AbstractBaseUser, device_id: int) -> DeviceSession:
    """The user's own signed-in device, or 404: nobody can sign out someone else's."""
    try:
        return signed_in_devices(user).get(pk=device_id)
    except DeviceSession.DoesNotExist:
        raise Http404 from None


@transaction.atomic
def sign_out_devices(devices: QuerySet[DeviceSession]) -> int:
    """End these sessions now: each device's next request is signed out."""
    keys = list(devices.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    return DeviceSession.objects.filter(session_key__in=keys).delete()[0]


@transaction.atomic
def end_sessions(devices: QuerySet[DeviceSession], *, because: str) -> int:
    """Sign these devices out, as sign_out_devices does, but leave each session holding why it ended.

    Only the device holding that session's cookie can hear the reason (casefile.api_errors), so someone
    who knows no more than the name learns nothing. The session keeps its expiry and nothing else.
    """
    keys = list(devices.values_list("session_key", flat=True))
    store = Session.get_session_store_class()()
    for session in Session.objects.filter(session_key__in=keys, expire_date__gt=timezone.now()):
        session.session_data = store.encode({ENDED_BECAUSE: because})
        session.save(update_fields=["session_data"])
    return DeviceSession.objects.filter(session_key__in=keys).delete()[0]


def ended_because(request: HttpRequest) -> str | None:
    """Why this device's last session ended, if it ended in a way it should be told of (end_sessions)."""
    session = getattr(request, "session", None)
    return session.get(ENDED_BECAUSE) if session is not None and SESSION_KEY not in session else None
