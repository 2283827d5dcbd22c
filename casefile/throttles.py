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

Every count lives in the shared cache (settings.CACHES), so a limit holds however many workers
and servers answer: see CountedThrottle.
"""

import contextlib
import math

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import Throttled
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle, SimpleRateThrottle, UserRateThrottle

from casefile.accounts import device_cookies


class SlowDown(Throttled):
    default_detail = "This account is syncing much more than usual, so the server is pausing it."
    extra_detail_singular = "Your changes are safe on this device. Sync will try again in {wait} second."
    extra_detail_plural = "Your changes are safe on this device. Sync will try again in {wait} seconds."


SLOWED_DOWN = OpenApiResponse(
    inline_serializer("SlowDown", {"detail": serializers.CharField()}),
    description="Over the person's fair-use limit: nothing was done. Try again after Retry-After seconds.",
)


class CountedThrottle(SimpleRateThrottle):
    """Counts requests with the cache's atomic increment, over a sliding window of the rate's period.

    DRF's own throttles read a list of past requests, add one and write it back: two workers answering at
    the same moment both read the same list, and one count is lost, so with many workers a limit lets many
    times its number through. An increment cannot lose a count on Redis.

    Two counters per period, this one and the one before, weighted by how far into this one we are (the
    sliding-window estimate): unlike a plain fixed window, the allowance does not start again at a window's
    edge, and a refused request is taken back out, so only allowed requests count, as in DRF.
    """

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window, into = divmod(self.now, self.duration)
        self.fraction = into / self.duration
        self.window_ends = (window + 1) * self.duration
        counter, self.before = f"{self.key}:{int(window)}", self.cache.get(f"{self.key}:{int(window) - 1}", 0)
        self.cache.add(counter, 0, timeout=2 * self.duration + 1)  # only the first request of the window makes it
        try:
            self.count = self.cache.incr(counter)
        except ValueError:  # it expired between the two calls: this request starts the count again
            self.cache.set(counter, 1, timeout=2 * self.duration + 1)
            self.count = 1
        if self.before * (1 - self.fraction) + self.count <= self.num_requests:
            return True
        with contextlib.suppress(ValueError):  # gone already: nothing to take back
            self.cache.decr(counter)
        self.count -= 1
        return False

    def wait(self) -> float | None:
        """Seconds until the estimate has room for one more request."""
        if self.count >= self.num_requests or not self.before:
            return self.window_ends - self.now
        # The fraction of this period from which the estimate has room for this count and one more request.
        room_from = 1 - (self.num_requests - self.count - 1) / self.before
        return max(room_from - self.fraction, 0) * self.duration


class SharedScopedThrottle(CountedThrottle, ScopedRateThrottle):
    """DRF's ScopedRateThrottle (a view's throttle_scope), counted in the shared cache."""

    def allow_request(self, request, view) -> bool:
        # As ScopedRateThrottle does: the rate is known only once the view names its scope.
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class PerPersonThrottle(CountedThrottle, UserRateThrottle):
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


def _address(throttle: CountedThrottle, request) -> str:
    # A request with no address at all (a test client, a broken proxy) shares one bucket rather than failing.
    return throttle.get_ident(request) or "unknown"


class _PerDevice(CountedThrottle):
    scope = "auth"

    def get_cache_key(self, request, view) -> str:
        if request.user.is_authenticated:
            ident = "session-" + device_cookies.session_device_id(request)
        elif device := device_cookies.device_id(request):
            ident = "device-" + device
        else:
            ident = "address-" + _address(self, request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class _Ceiling(CountedThrottle):
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
