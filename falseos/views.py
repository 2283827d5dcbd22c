import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache

from guide import selectors
from guide.offline import guide_page, offline_manifest


@guide_page
def home(request: HttpRequest) -> HttpResponse:
    sections = selectors.home_sections(request.user)
    return render(request, "home.html", {"sections": sections, "review": sections.review})


@guide_page
def offline(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker for a page that was never saved, when there is no signal."""
    sections = selectors.home_sections(request.user)
    return render(request, "offline.html", {"sections": sections, "review": sections.review})


@never_cache
def offline_manifest_json(request: HttpRequest) -> JsonResponse:
    """What an installed app saves for offline use: every published guide page and the app shell."""
    return JsonResponse(offline_manifest(selectors.content_version()))


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: this process answers. Nothing else, so a database outage never gets healthy servers restarted."""
    return JsonResponse({"status": "ok"})


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _cache_answers() -> bool:
    """The shared cache holds every request limit: without it no limit holds, so this server must not take traffic."""
    probe = f"readyz-{uuid.uuid4().hex}"
    try:
        cache.set(probe, 1, timeout=5)
        answered = cache.get(probe) == 1
        cache.delete(probe)
    except Exception:  # each backend raises its own errors: Redis's, the database's
        return False
    return answered


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database and the shared cache answer, so this server can take requests."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    body = {"status": "ok" if all(checks.values()) else "error"}
    body |= {name: "ok" if fine else "unreachable" for name, fine in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)


def _is_api(request: HttpRequest) -> bool:
    # A device reading the case-file API shows `detail` to the person; an HTML page would read as no answer.
    return request.path.startswith("/api/")


def _api_error(detail: str, code: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """What Django refuses before a view runs (a body or query too big): the 400 page, or JSON for the API."""
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return _api_error("This request is too large.", "payload_too_large", 413)
    return _api_error("Something was wrong with that request.", "bad_request", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not _is_api(request):
        return defaults.permission_denied(request, exception)
    return _api_error("You do not have permission to do that.", "permission_denied", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not _is_api(request):
        return defaults.page_not_found(request, exception)
    return _api_error("Not found.", "not_found", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without context processors: the database may be the thing that failed."""
    if _is_api(request):
        return _api_error("Something went wrong on the server. Try again.", "server_error", 500)
    html = loader.get_template("500.html").render({"quick_exit_url": settings.QUICK_EXIT_URL})
    return HttpResponse(html, status=500)
