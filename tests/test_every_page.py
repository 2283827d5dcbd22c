"""Walks every guide page and checks what each one must have, so a new page cannot forget."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages import guide_urls, is_same_origin, parse_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client):
    return {url: client.get(url) for url in guide_urls()}


def test_it_serves_every_guide_page(pages):
    assert len(pages) >= 1 + 2 + 2 + 10 + 5 + 7  # home, ladder, quick exit, steps, offences, countries, articles
    assert {url: r.status_code for url, r in pages.items() if r.status_code != 200} == {}


def test_every_page_says_it_is_not_legal_advice(pages):
    for url, r in pages.items():
        assert "General legal information, not legal advice" in r.content.decode(), url


def test_every_page_shows_the_999_banner(pages):
    for url, r in pages.items():
        html = r.content.decode()
        assert "In immediate danger? Call" in html and 'href="tel:999"' in html, url
        assert 'href="tel:112"' in html, url


def test_every_page_has_the_quick_exit_link(pages, settings):
    for url, r in pages.items():
        html = r.content.decode()
        assert f'data-module="quick-exit" href="{settings.QUICK_EXIT_URL}"' in html, url
        assert "Exit this site" in html, url


def test_every_page_loads_nothing_from_another_origin(pages):
    for url, r in pages.items():
        page = parse_page(r.content.decode())
        assert page.assets, url  # the collector does see the stylesheet and scripts
        assert [asset for asset in page.assets if not is_same_origin(asset)] == [], url


def test_every_page_has_no_inline_script_or_style(pages):
    for url, r in pages.items():
        page = parse_page(r.content.decode())
        assert (page.inline_scripts, page.inline_styles) == (0, 0), url


def test_every_page_sends_a_strict_csp(pages):
    for url, r in pages.items():
        csp = r.headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, url
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, url


def test_every_page_is_structured_for_screen_readers(pages):
    for url, r in pages.items():
        html = r.content.decode()
        page = parse_page(html)
        assert page.html_lang == "en-GB", url
        assert page.headings.count(1) == 1, url
        # Heading levels only ever go down one step at a time.
        assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False)), (url, page.headings)
        assert 'href="#main-content"' in html and 'id="main-content"' in html, url
        assert "<title>" in html and "– FalseOS</title>" in html, url


def test_every_page_says_plainly_that_its_text_is_not_yet_reviewed(pages):
    # The seed has had no editorial review: the import date must never read as one.
    for url, r in pages.items():
        if url.endswith(("/quick-exit/", "/casefile/")):
            continue  # not guide content: nothing to review
        html = r.content.decode()
        assert "not yet been reviewed by an editor" in html, url
        for claim in ("Reviewed by a ", "Reviewed by our editors", "last reviewed", "Last reviewed"):
            assert claim not in html, (url, claim)


def test_no_page_shows_internal_source_wording(pages):
    for url, r in pages.items():
        html = r.content.decode()
        assert "Source not named in the original guide" not in html, url
        assert "Not yet checked by our editors" not in html, url


# A copy of ../shared/seed/falseos-england-wales.txt, so the tests do not depend on a folder outside the repo.
ORIGINAL = (Path(settings.BASE_DIR) / "tests" / "data" / "falseos-england-wales.txt").read_text()
ORIGINAL_URLS = {url.rstrip(".,;)") for url in re.findall(r"https?://[^\s()]+", ORIGINAL)}
SOURCE_BLOCKS = re.compile(
    r'<li class="fo-sources__item">(.*?)</li>|<div class="fo-(?:channel|ladder)__sources">(.*?)</div>', re.S
)


def test_every_source_shown_is_the_originals_address_or_labelled_domain_only(pages):
    shown = 0
    for url, r in pages.items():
        for block in SOURCE_BLOCKS.finditer(r.content.decode()):
            text = block[1] or block[2]
            for href in re.findall(r'href="([^"]+)"', text):
                assert href in ORIGINAL_URLS, (url, href)
                shown += 1
            for domain in re.findall(r"Named as a source: (\S+) \(exact page not given\)\.", text):
                assert f"{domain} ↗" in ORIGINAL, (url, domain)
                shown += 1
    assert shown >= 60
