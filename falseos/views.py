from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from guide import selectors
from guide.offline import guide_page, offline_manifest


@guide_page
def home(request: HttpRequest) -> HttpResponse:
    sections = selectors.home_sections(request.user)
    return render(request, "home.html", {"sections": sections, "reviewed_on": sections.oldest_review})


@guide_page
def offline(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker for a page that was never saved, when there is no signal."""
    sections = selectors.home_sections(request.user)
    return render(request, "offline.html", {"sections": sections, "reviewed_on": sections.oldest_review})


@never_cache
def offline_manifest_json(request: HttpRequest) -> JsonResponse:
    """What an installed app saves for offline use: every published guide page and the app shell."""
    return JsonResponse(offline_manifest(selectors.content_version()))


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without context processors: the database may be the thing that failed."""
    html = loader.get_template("500.html").render({"quick_exit_url": settings.QUICK_EXIT_URL})
    return HttpResponse(html, status=500)
