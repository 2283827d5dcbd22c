"""The JavaScript side of translation: Django's JavaScriptCatalog, one script per interface language."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.i18n import JavaScriptCatalog

from guide.offline import build_id

# Only our own apps' and LOCALE_PATHS' djangojs catalogs (static/js is extracted into locale/):
# left to itself JavaScriptCatalog would also ship the admin's strings to every visitor.
CATALOG_PACKAGES = ["guide", "casefile"]


def javascript_catalog(request: HttpRequest, language: str) -> HttpResponse:
    """The catalog for one language, named in the path so no cache ever holds one language under another's URL.

    It changes only with a deploy (new .mo files), so its ETag is the build fingerprint; `no-cache`
    makes browsers revalidate (a cheap 304) and the service worker saves it with each build's offline set.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404("No such language.")
    etag = quote_etag(f"jsi18n-{language}-{build_id()}")
    response = get_conditional_response(request, etag=etag)
    if response is None:
        with translation.override(language):
            response = JavaScriptCatalog.as_view(packages=CATALOG_PACKAGES)(request)
    response["ETag"] = etag
    patch_cache_control(response, public=True, no_cache=True)
    return response
