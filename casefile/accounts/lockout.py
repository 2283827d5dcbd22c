"""Sign-in lockout per name and address, through django-axes.

Axes watches Django's ``authenticate()``; the case file checks auth keys itself, so it does
what the axes docs ask of custom authentication: it asks axes first (``is_allowed``) and
reports each wrong key with Django's ``user_login_failed`` signal. Attempts count per name
*and* address (``AXES_LOCKOUT_PARAMETERS``), so someone who knows a person's name cannot lock
them out from somewhere else. The passphrase and the recovery code are separate secrets with
separate counters: a device locked out of the passphrase can still use the recovery code.
"""

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils import timezone

from casefile.errors import TooManyAttempts

PASSPHRASE = "passphrase"  # noqa: S105 (the name of a secret, not one)
RECOVERY_CODE = "recovery code"


def cooloff_minutes() -> int:
    return round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def message() -> str:
    minutes = cooloff_minutes()
    return f"Too many attempts from this device. Wait {minutes} minutes and try again, or use your recovery code."


def _credentials(username: str, secret: str) -> dict:
    # Usernames never contain "#", so the recovery code's counter cannot meet anyone's passphrase counter.
    return {"username": username if secret == PASSPHRASE else f"{username}#{secret}"}


def refuse_if_locked_out(request: HttpRequest, username: str, *, secret: str = PASSPHRASE) -> None:
    """Raise TooManyAttempts if this device has had too many wrong tries at this person's secret.

    A locked-out attempt is not checked, so it neither counts nor stretches the cool-down.
    """
    if not AxesProxyHandler.is_allowed(request, _credentials(username, secret)):
        raise TooManyAttempts(message())


def record_failure(request: HttpRequest, username: str, *, secret: str = PASSPHRASE) -> None:
    """Count one wrong try. Unknown names count exactly as real ones do."""
    user_login_failed.send(sender=__name__, credentials=_credentials(username, secret), request=request)


def purge_login_records(*, older_than: timedelta) -> int:
    """Delete sign-in records (failures, lockouts and successful sign-ins) older than this. Returns how many."""
    cutoff = timezone.now() - older_than
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        _, per_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted += per_model.get(model._meta.label, 0)
    return deleted
