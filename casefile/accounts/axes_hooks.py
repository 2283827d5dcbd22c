"""The answers django-axes gives through settings: its lockout response and the client address it counts."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import status
from rest_framework.throttling import BaseThrottle

from casefile.accounts.lockout import cooloff_minutes, message


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the answer to the attempt that reaches the limit, and to a locked-out admin sign-in."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message()}, status=status.HTTP_429_TOO_MANY_REQUESTS)
    text = f"Too many attempts from this device. Wait {cooloff_minutes()} minutes and try again."
    return HttpResponse(text, content_type="text/plain; charset=utf-8", status=status.HTTP_429_TOO_MANY_REQUESTS)


def client_address(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: the same address the per-address throttle uses (REST_FRAMEWORK NUM_PROXIES)."""
    return BaseThrottle().get_ident(request)
