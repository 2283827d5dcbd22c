"""Request limits: sign-in requests per device, and fair use of sync per person.

Sign-in (AuthThrottle): salt, register, sign-in, recovery, confirm, passphrase and delete
requests count per device (AUTH_THROTTLE_RATE): its signed-in session, else its device cookie,
else its address, which every device without a cookie there shares. Under that, a ceiling
(AUTH_ADDRESS_THROTTLE_RATE) per address; a device asking about a name it has signed in as
counts against that name's ceiling instead, and a signed-in session against its account's. So
nobody at someone's address can use up the allowance of a device she has signed in on.

Sync: one count per person for pulls, one for pushes, one for upload chunks. The defaults
(SYNC_PULL_RATE, SYNC_PUSH_RATE, BLOB_UPLOAD_RATE) sit far above what a device does when it
syncs, so only a runaway or hostile client meets them. A refused request changes nothing on
the server, and the device keeps its changes and tries again later.
"""

import math

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import Throttled
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle, UserRateThrottle

from casefile.accounts import device_cookies


class SlowDown(Throttled):
    default_detail = "This account is syncing much more than usual, so the server is pausing it."
    extra_detail_singular = "Your changes are safe on this device. Sync will try again in {wait} second."
    extra_detail_plural = "Your changes are safe on this device. Sync will try again in {wait} seconds."


SLOWED_DOWN = OpenApiResponse(
    inline_serializer("SlowDown", {"detail": serializers.CharField()}),
    description="Over the person's fair-use limit: nothing was done. Try again after Retry-After seconds.",
)


class PerPersonThrottle(UserRateThrottle):
    """Counted per signed-in person (all their devices together), never per address."""

    def wait(self) -> int | None:
        # Whole seconds, at least 1: Retry-After rounds down and the message rounds up, and they should agree.
        wait = super().wait()
        return None if wait is None else max(math.ceil(wait), 1)


class PullThrottle(PerPersonThrottle):
    scope = "sync_pull"


class PushThrottle(PerPersonThrottle):
    scope = "sync_push"


class UploadThrottle(PerPersonThrottle):
    scope = "blob_upload"


class FairUse:
    """Mixin for API views: a refusal answers 429 with a sentence the case-file page can show, and Retry-After."""

    def throttled(self, request, wait):
        raise SlowDown(wait)


class TooManyRequests(Throttled):
    default_detail = "Too many sign-in requests just now."
    extra_detail_singular = "Wait {wait} second and try again."
    extra_detail_plural = "Wait {wait} seconds and try again."


def _requested_name(request) -> str | None:
    data = request.data  # parsed once; a body the view would refuse is refused here, with the same answer
    username = data.get("username") if isinstance(data, dict) else None
    return username if isinstance(username, str) else None


def _address(throttle: SimpleRateThrottle, request) -> str:
    # A request with no address at all (a test client, a broken proxy) shares one bucket rather than failing.
    return throttle.get_ident(request) or "unknown"


class _PerDevice(SimpleRateThrottle):
    scope = "auth"

    def get_cache_key(self, request, view) -> str:
        if request.user.is_authenticated:
            ident = "session-" + device_cookies.session_device_id(request)
        elif device := device_cookies.device_id(request):
            ident = "device-" + device
        else:
            ident = "address-" + _address(self, request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class _Ceiling(SimpleRateThrottle):
    scope = "auth_address"

    def get_cache_key(self, request, view) -> str:
        if request.user.is_authenticated:
            ident = f"account-{request.user.pk}"
        elif (name := _requested_name(request)) and device_cookies.device_id_for(request, name):
            ident = "name-" + device_cookies.name_tag(name)
        else:
            ident = "address-" + _address(self, request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AuthThrottle(BaseThrottle):
    """The device's own allowance first; only a request it allows counts towards the ceiling above it.

    So a client refused for its own flood does not use up the ceiling everyone behind its address shares.
    """

    def __init__(self):
        self.checks = [_PerDevice(), _Ceiling()]
        self.refused_by = None

    def allow_request(self, request, view) -> bool:
        for check in self.checks:
            if not check.allow_request(request, view):
                self.refused_by = check
                return False
        return True

    def wait(self) -> int | None:
        wait = self.refused_by.wait() if self.refused_by else None
        return None if wait is None else max(math.ceil(wait), 1)
