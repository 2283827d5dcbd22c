"""Error pages keep the banner and quick exit, and never show a debug page."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_an_unknown_address_gets_a_friendly_404(client, settings):
    assert settings.DEBUG is False
    r = client.get("/this/does/not/exist/")
    assert r.status_code == 404
    html = r.content.decode()
    assert "Page not found" in html
    assert "In immediate danger? Call 999 now." in html
    assert "Exit this site" in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_a_server_error_gets_a_calm_500_page_with_quick_exit(settings, monkeypatch):
    def explode(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("falseos.views.selectors.home_sections", explode)
    r = Client(raise_request_exception=False).get("/")
    assert r.status_code == 500
    html = r.content.decode()
    assert "Sorry, something went wrong" in html
    assert f'href="{settings.QUICK_EXIT_URL}"' in html
    assert "In immediate danger? Call 999 now." in html
    assert "boom" not in html
