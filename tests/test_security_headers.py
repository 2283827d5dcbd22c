"""Walks every URL pattern in the URL conf and checks the security headers on each answer.

Nothing here lists URLs by hand: a new route is requested automatically (with sample
values for its converters, real guide slugs where a real page exists), so it cannot
ship without the headers.
"""

import itertools
import re
import uuid

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, UUIDConverter
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern
from django.utils.regex_helper import normalize

from tests.pages import guide_urls

pytestmark = pytest.mark.django_db

ROUTE_PARAMETER = re.compile(r"<(?:[^>:]+:)?([^>]+)>")
# Tried in turn for a parameter until the URL resolves to the pattern being walked.
SAMPLE_TEXT = ["1", "guide", "example"]


def _template(pattern) -> tuple[str, dict]:
    """A %-format string for one level of the URL conf, and its parameters' converters (None for regex groups)."""
    if isinstance(pattern, RoutePattern):
        return ROUTE_PARAMETER.sub(r"%(\1)s", str(pattern._route)), dict(pattern.converters)
    fmt, params = normalize(pattern._regex)[0]
    return fmt, dict.fromkeys(params)


def _walk(resolver: URLResolver, prefix: str = "", params: dict | None = None):
    for entry in resolver.url_patterns:
        fmt, converters = _template(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + fmt, (params or {}) | converters)
        else:
            assert isinstance(entry, URLPattern)
            yield entry, prefix + fmt, (params or {}) | converters


def _samples(converter) -> list[str]:
    if isinstance(converter, UUIDConverter):
        return [str(uuid.uuid4())]
    if isinstance(converter, IntConverter):
        return ["1"]
    return SAMPLE_TEXT


def _resolves_to(url: str, pattern: URLPattern) -> bool:
    try:
        return resolve(url).func is pattern.callback
    except Resolver404:
        return False


def every_url() -> dict[str, str]:
    """One URL per pattern in the URL conf (keyed by the pattern's route), real pages where there are some."""
    real = {}
    for url in guide_urls():
        real.setdefault(resolve(url).func, url)
    urls, missing = {}, []
    for pattern, fmt, converters in _walk(get_resolver()):
        route = fmt % {name: f"<{name}>" for name in converters}
        if pattern.callback in real:
            urls[route] = real[pattern.callback]
            continue
        names = list(converters)
        for values in itertools.product(*(_samples(converters[name]) for name in names)):
            url = "/" + fmt % dict(zip(names, values, strict=True))
            if _resolves_to(url, pattern):
                urls[route] = url
                break
        else:
            missing.append(route)
    assert missing == [], "add sample values for these routes' parameters"
    return urls


@pytest.fixture
def production(settings):
    """Production values (DEBUG off, https only), on a request that came in over https."""
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.LANGUAGE_COOKIE_SECURE = True
    return Client()


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def header_problems(url: str, response) -> list[str]:
    """Every way this response falls short of the baseline in DESIGN.md (Security and safety baseline)."""
    problems = []
    headers = response.headers
    csp = headers.get("Content-Security-Policy")
    if not csp:
        problems.append("no Content-Security-Policy")
    else:
        directives = csp_directives(csp)
        if "'unsafe-inline'" in csp or "'unsafe-eval'" in csp:
            problems.append("CSP allows unsafe-inline or unsafe-eval")
        for name, sources in {
            "object-src": ["'none'"],
            "base-uri": ["'none'"],
            "frame-ancestors": ["'none'"],
            "form-action": ["'self'"],
        }.items():
            if directives.get(name) != sources:
                problems.append(f"CSP {name} is {directives.get(name)}")
    expected = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    problems += [f"{name} is {headers.get(name)!r}" for name, value in expected.items() if headers.get(name) != value]
    if not headers.get("Permissions-Policy"):
        problems.append("no Permissions-Policy")
    hsts = headers.get("Strict-Transport-Security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    if not max_age or int(max_age.group(1)) < 31_536_000 or "includeSubDomains" not in hsts:
        problems.append(f"Strict-Transport-Security is {hsts!r}")
    if url.startswith("/api/") and headers.get("Cache-Control") != "no-store":
        problems.append(f"API answer has Cache-Control {headers.get('Cache-Control')!r}")
    problems += cookie_problems(response)
    return problems


def cookie_problems(response) -> list[str]:
    problems = []
    for name, morsel in response.cookies.items():
        if not morsel["secure"]:
            problems.append(f"cookie {name} is not Secure")
        if not morsel["samesite"]:
            problems.append(f"cookie {name} has no SameSite")
        if name == django_settings.SESSION_COOKIE_NAME and not morsel["httponly"]:
            problems.append(f"cookie {name} is not HttpOnly")
    return problems


def test_it_finds_every_kind_of_route():
    urls = every_url()
    assert len(urls) > 50  # the admin alone has dozens
    for route in ["", "steps/<slug>/", "casefile/", "api/v1/collections/<collection_id>/records/", "admin/"]:
        assert route in urls, route
    assert urls["steps/<slug>/"] != "/steps/1/"  # a real step, not a 404


def test_every_route_answers_with_the_security_headers(production):
    problems = {}
    for url in every_url().values():
        r = production.get(url, secure=True)
        assert r.status_code < 500, (url, r.status_code)
        if found := header_problems(url, r):
            problems[url] = found
    assert problems == {}


def test_every_static_file_answers_with_the_security_headers(production):
    names = sorted(
        str(path.relative_to(django_settings.STATICFILES_DIRS[0])).replace("\\", "/")
        for path in django_settings.STATICFILES_DIRS[0].rglob("*")
        if path.is_file()
    )
    assert names
    problems = {}
    for name in names:
        url = staticfiles_storage.url(name)
        r = production.get(url, secure=True)
        assert r.status_code == 200, url
        if found := header_problems(url, r):
            problems[url] = found
    assert problems == {}


def test_the_session_and_csrf_cookies_are_secure_httponly_and_same_site(production):
    r = production.get("/api/v1/auth/csrf/", secure=True)
    assert django_settings.CSRF_COOKIE_NAME in r.cookies
    assert cookie_problems(r) == []
    body = {"username": "sam", "auth_key": "A" * 43 + "=", "wrapped_vault_key": "B" * 80}
    body |= {"recovery_wrapped_vault_key": "C" * 80, "recovery_key": "D" * 43 + "="}
    r = production.post("/api/v1/auth/register/", body, content_type="application/json", secure=True)
    assert r.status_code == 201
    assert django_settings.SESSION_COOKIE_NAME in r.cookies
    assert cookie_problems(r) == []
