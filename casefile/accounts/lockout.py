"""Sign-in lockout per name and device, through django-axes and device cookies.

Axes watches Django's ``authenticate()``; the case file checks auth keys itself, so it does
what the axes docs ask of custom authentication: it asks axes first (``is_allowed``) and
reports each wrong key with Django's ``user_login_failed`` signal.

Who is counted (OWASP's device cookies, casefile/accounts/device_cookies.py): wrong tries from a
device that has signed in as that name count against that device alone; wrong tries from every
other device share one count per name, "unknown devices", which locks out unknown devices only.
So someone who knows a person's name and shares her address can lock out new devices, but never
one she has signed in on. A signed-in session counts against its own device. The count is not
per address: an address is shared by a household or a whole phone network, and per address,
someone with many addresses would get ten tries at each.

Axes counts per ``username`` here, and the counter's name carries the rest:
``NAME#passphrase#device <hash>`` or ``NAME#passphrase#unknown devices`` (and the same with
``recovery code``), so the passphrase and the recovery code are separate secrets with separate
counts: a device locked out of the passphrase can still use the recovery code. Usernames never
contain "#", so counters never meet. Admin sign-ins count per name and address as axes does,
and a "#" typed into the admin's form cannot reach these counters (``axes_hooks``).
"""

import hashlib
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils import timezone

from casefile.accounts import device_cookies
from casefile.errors import TooManyAttempts

PASSPHRASE = "passphrase"  # noqa: S105 (the name of a secret, not one)
RECOVERY_CODE = "recovery code"
UNKNOWN_DEVICES = "unknown devices"
CASEFILE_COUNTER = "casefile_counter"  # marks the credentials this module reports, for axes_hooks


def cooloff_minutes() -> int:
    return round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def message(credentials: dict | None = None) -> str:
    """What to say to a locked-out attempt: it may be this device's own count, or the one unknown devices share."""
    minutes = cooloff_minutes()
    if credentials and str(credentials.get("username", "")).endswith(f"#{UNKNOWN_DEVICES}"):
        return (
            "Too many wrong attempts for this name from devices that have not signed in before. "
            f"Wait {minutes} minutes, or use a device you have signed in on before."
        )
    return f"Too many attempts from this device. Wait {minutes} minutes and try again, or use your recovery code."


def _who(request: HttpRequest, username: str, signed_in: bool) -> str:
    device = device_cookies.session_device_id(request) if signed_in else device_cookies.device_id_for(request, username)
    if device is None:
        return UNKNOWN_DEVICES
    # The records name the device by a hash: someone who reads them cannot present its cookie.
    return "device " + hashlib.sha256(device.encode()).hexdigest()[:16]


def _counter(username: str, secret: str, who: str) -> str:
    return f"{username}#{secret}#{who}"


def _credentials(request: HttpRequest, username: str, secret: str, signed_in: bool) -> dict:
    return {"username": _counter(username, secret, _who(request, username, signed_in)), CASEFILE_COUNTER: True}


def refuse_if_locked_out(
    request: HttpRequest, username: str, *, secret: str = PASSPHRASE, signed_in: bool = False
) -> None:
    """Raise TooManyAttempts if this device (or, for an unknown device, unknown devices) tried too often.

    ``signed_in``: the request comes from this person's own session, which counts against its own device.
    A locked-out attempt is not checked, so it neither counts nor stretches the cool-down.
    """
    credentials = _credentials(request, username, secret, signed_in)
    if not AxesProxyHandler.is_allowed(request, credentials):
        raise TooManyAttempts(message(credentials))


def record_failure(request: HttpRequest, username: str, *, secret: str = PASSPHRASE, signed_in: bool = False) -> None:
    """Count one wrong try. Unknown names count exactly as real ones do."""
    credentials = _credentials(request, username, secret, signed_in)
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)


def record_success(request: HttpRequest, username: str, *, signed_in: bool = False) -> None:
    """A right passphrase or recovery code clears this device's counts for this name.

    Not the count unknown devices share: one person's sign-in on a new device says nothing of the others.
    """
    who = _who(request, username, signed_in)
    if who == UNKNOWN_DEVICES:
        return
    for secret in (PASSPHRASE, RECOVERY_CODE):
        AxesProxyHandler.reset_attempts(username=_counter(username, secret, who))


def purge_login_records(*, older_than: timedelta) -> int:
    """Delete sign-in records (failures, lockouts and successful sign-ins) older than this. Returns how many."""
    cutoff = timezone.now() - older_than
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        _, per_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted += per_model.get(model._meta.label, 0)
    return deleted
