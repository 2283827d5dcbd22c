"""The app can be installed to a home screen, and never talks to another origin."""

import struct

import pytest
from playwright.sync_api import expect

from tests.browser.offline import install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", body[16:24])


def test_the_manifest_describes_an_installable_app(page, app_server):
    manifest = page.request.get("/manifest.json").json()
    assert manifest["name"] == "FalseOS"
    assert manifest["short_name"]
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == "en-GB"
    declared = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= declared
    for icon in manifest["icons"]:
        response = page.request.get(icon["src"])
        assert response.ok and response.headers["content-type"] == "image/png"
        width, height = _png_size(response.body())
        assert f"{width}x{height}" == icon["sizes"]


def test_chromium_finds_nothing_stopping_installation(profile_context, app_server):
    page = profile_context.new_page()
    install(page)
    session = page.context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == f"{app_server.url}/"


def test_the_app_requests_nothing_from_another_origin(page, app_server, context):
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    install(page)
    for name in ["Criminal harassment", "If the person is in Australia"]:
        page.goto("/")
        page.get_by_role("link", name=name).first.click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert requests, "no requests were recorded"
    assert [url for url in requests if not url.startswith(app_server.url)] == []
