"""The case-file page: one app shell, the same for everyone, so it can be saved for offline use.

Everything personal is decrypted and drawn on the device by static/js/casefile/.
"""

import functools

from django.conf import settings
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache

from casefile.limits import MIN_PASSPHRASE_LENGTH, device_limits, largest_file
from casefile.vocabulary import PLATFORMS, POLICE_FORCES, REFERENCE_STATUSES, RUNG_STATUSES, agencies, tracker_rungs
from guide.offline import guide_page
from guide.selectors import page_texts


@guide_page
def app(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "casefile/app.html",
        {
            "idle_lock_seconds": settings.CASEFILE_IDLE_LOCK_SECONDS,
            "deleted_keep_days": settings.DELETED_KEEP_DAYS,
            "platforms": PLATFORMS,
            "police_forces": POLICE_FORCES,
            "agencies": agencies(),
            "reference_statuses": REFERENCE_STATUSES,
            "rung_statuses": RUNG_STATUSES,
            "rungs": tracker_rungs(),
            "ladder_url": reverse("guide:ladder"),
            "evidence_guide_url": reverse("guide:article", args=["evidence"]),
            "limits": device_limits(),
            "file_max_bytes": largest_file(),
            "blob_max_mb": largest_file() // (1024 * 1024),
            "cross_reference_request": page_texts().get("cross_reference_request"),
        },
    )


@never_cache
def join(request: HttpRequest, invite_id) -> HttpResponse:
    """An invite link opens the case-file app, which reads the invite's secret from the fragment.

    Not a guide page: each invite has its own address, and none of them belongs in a cache.
    """
    return app.__wrapped__(request)


@cache_control(public=True, max_age=86400)
def common_passphrases(request: HttpRequest) -> HttpResponse:
    """Django's list of common passwords, those long enough to pass the length rule, for the device to check.

    The passphrase never reaches the server, so the check happens in the browser.
    """
    return HttpResponse("\n".join(long_common_passphrases()), content_type="text/plain; charset=utf-8")


@functools.cache
def long_common_passphrases() -> list[str]:
    return [word for word in CommonPasswordValidator().passwords if len(word) >= MIN_PASSPHRASE_LENGTH]
