"""The case-file page: one app shell, the same for everyone, so it can be saved for offline use.

Everything personal is decrypted and drawn on the device by static/js/casefile/.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from casefile.selectors import agencies, tracker_rungs
from casefile.vocabulary import PLATFORMS, REFERENCE_STATUSES, RUNG_STATUSES
from guide.offline import guide_page

# The largest original file a device will add (50 MiB); BLOB_MAX_BYTES adds room for encryption's extra bytes.
FILE_MAX_BYTES = 50 * 1024 * 1024


@guide_page
def app(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "casefile/app.html",
        {
            "idle_lock_seconds": settings.CASEFILE_IDLE_LOCK_SECONDS,
            "platforms": PLATFORMS,
            "agencies": agencies(),
            "reference_statuses": REFERENCE_STATUSES,
            "rung_statuses": RUNG_STATUSES,
            "rungs": tracker_rungs(),
            "ladder_url": reverse("guide:ladder"),
            "evidence_guide_url": reverse("guide:article", args=["evidence"]),
            "file_max_bytes": FILE_MAX_BYTES,
            "blob_max_mb": FILE_MAX_BYTES // (1024 * 1024),
        },
    )
