"""The admin lives where ADMIN_URL says, and only staff get in."""

import importlib

import pytest
from django.conf import settings as django_settings
from django.urls import clear_url_caches

import falseos.urls
from tests.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db


def _reload_urls() -> None:
    importlib.reload(falseos.urls)
    clear_url_caches()


@pytest.fixture
def admin_at(settings):
    """Move the admin, as starting the server with ADMIN_URL set would."""
    original = django_settings.ADMIN_URL

    def move(url: str) -> None:
        settings.ADMIN_URL = url
        _reload_urls()

    yield move
    settings.ADMIN_URL = original
    _reload_urls()


def test_the_admin_is_at_admin_by_default(client):
    r = client.get("/admin/")
    assert r.status_code == 302 and r.url == "/admin/login/?next=/admin/"


def test_the_admin_answers_at_the_configured_url_and_nowhere_else(client, admin_at):
    admin_at("office-7f3a/")
    r = client.get("/office-7f3a/")
    assert r.status_code == 302 and r.url == "/office-7f3a/login/?next=/office-7f3a/"
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404


def test_an_editor_signs_in_at_the_configured_url(client, editor, admin_at):
    admin_at("office-7f3a/")
    r = client.post("/office-7f3a/login/", {"username": "editor", "password": EDITOR_PASSWORD})
    assert r.status_code == 302
    assert client.get("/office-7f3a/guide/offence/").status_code == 200


def test_only_staff_get_in(client, django_user_model, editor, admin_at):
    admin_at("office-7f3a/")
    client.force_login(django_user_model.objects.create_user("not-staff"))
    r = client.get("/office-7f3a/")
    assert r.status_code == 302 and r.url.startswith("/office-7f3a/login/")
    client.force_login(editor)
    assert client.get("/office-7f3a/").status_code == 200
