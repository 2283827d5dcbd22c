"""The answers django-axes gives through settings: its lockout response, and whom and what it counts."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import status
from rest_framework.throttling import BaseThrottle

from casefile.accounts.lockout import CASEFILE_COUNTER, cooloff_minutes, message
from casefile.errors import TooManyTries


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the answer to the attempt that reaches the limit, and to a locked-out admin sign-in."""
    if request.path.startswith("/api/"):
        body = {"detail": message(credentials), "code": TooManyTries.code}
        return JsonResponse(body, status=status.HTTP_429_TOO_MANY_REQUESTS)
    text = f"Too many attempts from this device. Wait {cooloff_minutes()} minutes and try again."
    return HttpResponse(text, content_type="text/plain; charset=utf-8", status=status.HTTP_429_TOO_MANY_REQUESTS)


def client_address(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: the same address the per-address throttle uses (REST_FRAMEWORK NUM_PROXIES)."""
    return BaseThrottle().get_ident(request)


def counter_name(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the name a count is kept under.

    The case file's own counters as lockout.py names them; any other sign-in (the admin's) under
    the name typed, with "#" escaped, so that no name typed there can add to the case file's counts.
    """
    if credentials and credentials.get(CASEFILE_COUNTER):
        return credentials["username"]
    username = (credentials or {}).get("username") or getattr(request, "data", request.POST).get("username")
    return username.replace("#", "%23") if isinstance(username, str) else None


def lockout_parameters(request_or_attempt, credentials: dict | None = None) -> list:
    """AXES_LOCKOUT_PARAMETERS: the case file's counters by name alone, admin sign-ins by name and address.

    A case-file counter's name already says whose device it counts ("sam#passphrase#unknown
    devices", casefile/accounts/lockout.py); an address would only split it. The admin has no
    device cookies, and its staff are not who the lockout protects from their neighbours.
    """
    return ["username"] if credentials and credentials.get(CASEFILE_COUNTER) else [["username", "ip_address"]]
