"""Fair-use limits on sync, per person: one count for pulls, one for pushes, one for upload chunks.

The defaults (SYNC_PULL_RATE, SYNC_PUSH_RATE, BLOB_UPLOAD_RATE) sit far above what a device
does when it syncs, so only a runaway or hostile client meets them. A refused request changes
nothing on the server, and the device keeps its changes and tries again later.
"""

import math

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import Throttled
from rest_framework.throttling import UserRateThrottle


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
