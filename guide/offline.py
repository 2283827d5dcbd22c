"""What installed apps save for offline use, and how guide pages are cached and revalidated."""

import hashlib
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from guide import selectors
from guide.models import Article, ContentVersion, CountryGuide, Offence, Step
from guide.page_cache import current_version

# Every script the pages load: a new module is saved for offline use without anyone listing it here.
SOURCE_STATIC = settings.BASE_DIR / "static"
SCRIPTS = sorted(
    path.relative_to(SOURCE_STATIC).as_posix()
    for path in (SOURCE_STATIC / "js").rglob("*.js")
    if path.name != "serviceworker.js"
)

# The app shell: everything a guide page or the case file loads. Hashed names come from the static manifest.
APP_SHELL = [
    "css/falseos.css",
    *SCRIPTS,
    "icons/icon-192.png",
    "icons/icon-512.png",
    "icons/icon-maskable-512.png",
]


# What a deploy changes in the pages themselves, beside the content editors publish.
BUILD_SOURCES = ("templates", "static", "guide", "locale")


@cache
def build_id() -> str:
    """A fingerprint of the code that renders the guide: changes with any deploy that changes a page.

    Page ETags and the offline set carry it with the content version, so installed apps and browsers
    take a new release (a fixed quick exit, say) at once, not only when an editor next publishes.
    """
    digest = hashlib.sha256()
    for folder in BUILD_SOURCES:
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(settings.BASE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def published_guide_urls() -> list[str]:
    """Every page of the published guide, in reading order."""
    return [
        reverse("home"),
        *(step.get_absolute_url() for step in Step.objects.published()),
        *(offence.get_absolute_url() for offence in Offence.objects.published()),
        *(guide.get_absolute_url() for guide in CountryGuide.objects.published()),
        reverse("guide:ladder"),
        reverse("guide:finder"),
        *(article.get_absolute_url() for article in Article.objects.published()),
        reverse("guide:quick_exit"),
        reverse("casefile"),
    ]


def catalog_urls() -> list[str]:
    """The scripts' translations (falseos/i18n.py), one per interface language: a page loads its own language's."""
    return [reverse("javascript_catalog", args=[code]) for code, _name in settings.LANGUAGES]


def app_shell_urls() -> list[str]:
    return [*(static(path) for path in APP_SHELL), *catalog_urls()]


def _asset_bytes(path: str) -> int:
    if isinstance(staticfiles_storage, ManifestFilesMixin):
        return staticfiles_storage.size(staticfiles_storage.stored_name(path))
    # DEBUG (`make run`) serves the source files themselves: nothing has been collected.
    return Path(finders.find(path)).stat().st_size


def app_shell_bytes() -> int:
    return sum(_asset_bytes(path) for path in APP_SHELL)


def offline_manifest(version: ContentVersion) -> dict:
    return {
        "version": version.number,
        "build": build_id(),
        "updated": version.changed.isoformat(),
        "offline_url": reverse("offline"),
        "pages": published_guide_urls(),
        "assets": app_shell_urls(),
        "asset_bytes": app_shell_bytes(),
    }


def _etag(version: ContentVersion, preview: bool) -> str:
    return quote_etag(f"guide-{version.number}-{build_id()}{'-preview' if preview else ''}")


def guide_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ETag and Last-Modified from the content version, and 304 when unchanged.

    Public pages are marked for `guide.page_cache`; staff previews of unpublished
    items are private and never cached.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        version = current_version()
        preview = selectors.can_preview(request.user)
        etag = _etag(version, preview)
        last_modified = int(version.changed.timestamp())
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = view(request, *args, **kwargs)
            response.is_guide_page = not preview
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        # Only a true flag becomes a directive: `private=False` would be sent as the literal "private=False".
        patch_cache_control(response, no_cache=True, **({"private": True} if preview else {}))
        return response

    return wrapper
