"""Every answer under /api/ is JSON a device can read, whatever went wrong: never an HTML page, never a 500."""

import pytest
from django.test import Client

from tests.casefile.links.steps import new_group

pytestmark = pytest.mark.django_db

DEEP = "[" * 100_000


@pytest.fixture
def json_endpoints(as_alice, alices_collection):
    """An endpoint of each kind that reads a JSON body, signed in or not."""
    group = new_group(as_alice)
    return [
        "/api/v1/auth/salt/",
        "/api/v1/auth/register/",
        "/api/v1/collections/",
        f"/api/v1/collections/{alices_collection.id}/records/push/",
        f"/api/v1/collections/{alices_collection.id}/blobs/",
        f"/api/v1/collections/{group.id}/invites/",
        f"/api/v1/collections/{group.id}/rotate-key/",
        "/api/v1/receipts/",
    ]


def test_deeply_nested_json_is_a_400_on_every_json_endpoint(as_alice, json_endpoints):
    for url in json_endpoints:
        r = as_alice.post(url, DEEP, content_type="application/json")
        assert r.status_code == 400, url
        assert "JSON parse error" in r.json()["detail"], url


def test_a_json_body_over_the_form_limit_is_a_json_413_elsewhere(as_alice, settings):
    body = '{"wrapped_key": "' + "A" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + '"}'
    r = as_alice.post("/api/v1/collections/", body, content_type="application/json")
    assert r.status_code == 413
    assert r["Content-Type"] == "application/json"
    assert "too large" in r.json()["detail"]


def test_a_form_post_is_refused_in_json_whatever_its_size(alice, settings):
    # As a browser sends it, with the CSRF check on: the API reads JSON only, so it never parses the form.
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    token = browser.get("/api/v1/auth/csrf/").cookies["csrftoken"].value
    body = "x=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    r = browser.post(
        "/api/v1/collections/", body, content_type="application/x-www-form-urlencoded", HTTP_X_CSRFTOKEN=token
    )
    assert r.status_code == 415
    assert r["Content-Type"] == "application/json"


def test_too_many_query_fields_is_a_json_400(as_alice, alices_collection, settings):
    query = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    r = as_alice.get(f"/api/v1/collections/{alices_collection.id}/records/?{query}")
    assert r.status_code == 400
    assert r["Content-Type"] == "application/json"
    assert r.json()["detail"]


def test_an_unknown_api_address_is_a_json_404(as_alice):
    r = as_alice.get("/api/v1/no-such-thing/")
    assert r.status_code == 404
    assert r["Content-Type"] == "application/json"
    assert r.json() == {"detail": "Not found.", "code": "not_found"}


def test_a_server_error_is_a_json_500(alice, monkeypatch):
    def explode(user):
        raise RuntimeError("boom")

    monkeypatch.setattr("casefile.sync.apis.collections_for", explode)
    device = Client(raise_request_exception=False)
    device.force_login(alice)
    r = device.get("/api/v1/collections/")
    assert r.status_code == 500
    assert r.json() == {"detail": "Something went wrong on the server. Try again.", "code": "server_error"}
