"""Every answer under /api/ is JSON a device can read, whatever went wrong: never an HTML page, never a 500."""

import pytest

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
