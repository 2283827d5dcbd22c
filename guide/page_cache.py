"""Published guide pages served from memory, per content version, almost as cheaply as a static file.

Sits just inside WhiteNoise. Only anonymous GETs without a query string, to an allowed
host, take the fast path (no session cookie: nothing personal can be on the page). Each process
keeps its own small cache; the key holds the content version, so an editor's
change is picked up within CONTENT_VERSION_TTL seconds in every process and at
once in the one that saved it.
"""

import re
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from guide import selectors
from guide.models import ContentVersion

MAX_ENTRIES = 512
ACCEPTS_GZIP = re.compile(r"\bgzip\b")

_version: tuple[float, ContentVersion] | None = None
_pages: OrderedDict[tuple, "CachedPage"] = OrderedDict()


def current_version() -> ContentVersion:
    """The content version, re-read from the database at most every CONTENT_VERSION_TTL seconds."""
    global _version
    now = time.monotonic()
    if _version is None or _version[0] <= now:
        _version = (now + settings.CONTENT_VERSION_TTL, selectors.content_version())
    return _version[1]


def _known_version() -> ContentVersion | None:
    """As current_version, but a database outage gives the last version seen (or None) instead of an error."""
    try:
        return current_version()
    except DatabaseError:
        return _version[1] if _version else None


def forget() -> None:
    """Drop what this process remembers, e.g. after the content version changed here."""
    global _version
    _version = None
    _pages.clear()


@dataclass(frozen=True)
class CachedPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, response: HttpResponse) -> "CachedPage":
        return cls(content=response.content, headers=tuple(response.headers.items()))

    def response_for(self, request: HttpRequest) -> HttpResponse:
        headers = dict(self.headers)
        last_modified = parse_http_date_safe(headers.get("Last-Modified", ""))
        response = get_conditional_response(request, etag=headers.get("ETag"), last_modified=last_modified)
        if response is None:
            response = HttpResponse(self.content)
        for name, value in self.headers:
            response.headers[name] = value
        if response.status_code == 304:
            del response.headers["Content-Length"]
        return response


def _key(request: HttpRequest) -> tuple | None:
    if request.method != "GET" or request.META.get("QUERY_STRING") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    version = _known_version()
    if version is None:
        return None
    gzip = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    # get_host() checks ALLOWED_HOSTS (DisallowedHost, a 400), as Django would before any view: a cached page
    # must not answer a forged Host. Keyed by host too, in case a page ever names the address it was asked by.
    return (version.number, version.changed, request.get_host(), request.path, gzip)


def guide_page_cache(get_response):
    def middleware(request: HttpRequest) -> HttpResponse:
        key = _key(request)
        if key is None:
            return get_response(request)
        if (page := _pages.get(key)) is not None:
            _pages.move_to_end(key)
            return page.response_for(request)
        response = get_response(request)
        if (
            getattr(response, "is_guide_page", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        ):
            _pages[key] = CachedPage.of(response)
            if len(_pages) > MAX_ENTRIES:
                _pages.popitem(last=False)
        return response

    return middleware
