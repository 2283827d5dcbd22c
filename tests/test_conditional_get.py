"""Guide pages revalidate cheaply: ETag and Last-Modified follow the content version."""

import pytest
from django.test import Client

from guide.models import Offence

pytestmark = pytest.mark.django_db


def test_it_answers_304_when_the_page_has_not_changed(client):
    first = client.get("/offences/stalking/")
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert first["Cache-Control"] == "no-cache"
    again = client.get("/offences/stalking/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_it_answers_304_on_if_modified_since(client):
    first = client.get("/escalation/")
    again = client.get("/escalation/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_it_sends_the_new_page_after_an_editor_changes_it(client):
    first = client.get("/offences/stalking/")
    offence = Offence.objects.get(slug="stalking")
    offence.max_penalty = "A corrected penalty line."
    offence.save()
    again = client.get("/offences/stalking/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "A corrected penalty line." in again.content.decode()


def test_a_cached_page_keeps_its_security_headers(client):
    client.get("/offences/stalking/")  # fills the cache
    cached = client.get("/offences/stalking/")
    assert "Content-Security-Policy" in cached.headers
    assert cached.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert cached.headers["X-Content-Type-Options"] == "nosniff"


def test_staff_previews_are_private_and_never_shared(editor_client, unpublished_offence):
    preview = editor_client.get(unpublished_offence.get_absolute_url())
    assert preview.status_code == 200
    assert sorted(preview["Cache-Control"].split(", ")) == ["no-cache", "private"]
    editor_client.get("/")  # an editor's home page, with the unpublished item, is never cached for others
    public_home = Client().get("/")
    assert unpublished_offence.title not in public_home.content.decode()
    assert public_home["ETag"] != editor_client.get("/")["ETag"]


def test_it_serves_gzip_to_browsers_that_accept_it(client):
    r = client.get("/offences/stalking/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert r["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in r["Vary"]
