"""Fair-use limits on pull, push and upload: per person, with a plain answer and when to try again.

The limits are lowered here to a few requests a minute; the defaults are far above normal sync.
"""

import pytest
import yaml
from django.conf import settings
from django.test import Client

from casefile.throttles import PullThrottle, PushThrottle, UploadThrottle
from tests.casefile.helpers import new_blob, pull, push, put_chunk, write

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture
def as_bob(bob):
    browser = Client()
    browser.force_login(bob)
    return browser


@pytest.fixture
def low_limits(monkeypatch):
    for throttle in (PullThrottle, PushThrottle, UploadThrottle):
        monkeypatch.setattr(throttle, "rate", f"{LIMIT}/min", raising=False)


def assert_slowed_down(r):
    assert r.status_code == 429
    assert 1 <= int(r["Retry-After"]) <= 60
    detail = r.json()["detail"]
    assert "syncing much more than usual" in detail
    wait = int(r["Retry-After"])
    seconds = "1 second" if wait == 1 else f"{wait} seconds"  # near a counting window's edge it can be 1
    assert f"Your changes are safe on this device. Sync will try again in {seconds}." in detail


def test_pulling_too_often_is_refused_with_when_to_try_again(low_limits, as_alice, alices_collection):
    for _ in range(LIMIT):
        assert pull(as_alice, alices_collection).status_code == 200
    assert_slowed_down(pull(as_alice, alices_collection))


def test_a_refused_push_saves_nothing(low_limits, as_alice, alices_collection):
    for _ in range(LIMIT):
        assert push(as_alice, alices_collection, write()).status_code == 200
    refused = write()
    assert_slowed_down(push(as_alice, alices_collection, refused))
    assert not alices_collection.records.filter(record_id=refused["id"]).exists()
    assert alices_collection.records.count() == LIMIT


def test_uploading_chunks_too_often_is_refused(low_limits, as_alice, alices_collection):
    blob_id = new_blob(as_alice, alices_collection, 100).json()["id"]  # starting a file is one upload request
    for offset in range(LIMIT - 1):
        assert put_chunk(as_alice, blob_id, offset, b"x").status_code == 200
    r = put_chunk(as_alice, blob_id, LIMIT - 1, b"x")
    assert_slowed_down(r)
    assert as_alice.get(f"/api/v1/blobs/{blob_id}/").json()["received"] == LIMIT - 1


def test_starting_files_too_often_is_refused(low_limits, as_alice, alices_collection):
    for _ in range(LIMIT):
        assert new_blob(as_alice, alices_collection, 10).status_code == 201
    assert_slowed_down(new_blob(as_alice, alices_collection, 10))
    assert alices_collection.blobs.count() == LIMIT


def test_reading_a_file_back_does_not_count_as_uploading(low_limits, as_alice, alices_collection):
    blob_id = new_blob(as_alice, alices_collection, 1).json()["id"]
    assert put_chunk(as_alice, blob_id, 0, b"x").status_code == 200
    for _ in range(LIMIT * 2):
        assert as_alice.get(f"/api/v1/blobs/{blob_id}/content/").status_code == 200


@pytest.mark.parametrize("kind", ["pull", "push", "upload"])
def test_one_person_over_the_limit_does_not_slow_anyone_else(
    low_limits, as_alice, alices_collection, as_bob, bobs_collection, kind
):
    call = {
        "pull": lambda browser, collection: pull(browser, collection),
        "push": lambda browser, collection: push(browser, collection, write()),
        "upload": lambda browser, collection: new_blob(browser, collection, 10),
    }[kind]
    for _ in range(LIMIT):
        call(as_alice, alices_collection)
    assert call(as_alice, alices_collection).status_code == 429
    for _ in range(LIMIT):
        assert call(as_bob, bobs_collection).status_code in {200, 201}


def test_the_limit_counts_the_person_not_the_device(low_limits, alice, alices_collection):
    devices = [Client() for _ in range(LIMIT + 1)]
    for device in devices:
        device.force_login(alice)
    for device in devices[:LIMIT]:
        assert pull(device, alices_collection).status_code == 200
    assert pull(devices[-1], alices_collection).status_code == 429


def test_pulls_pushes_and_uploads_are_counted_apart(low_limits, as_alice, alices_collection):
    for _ in range(LIMIT):
        assert pull(as_alice, alices_collection).status_code == 200
    assert push(as_alice, alices_collection, write()).status_code == 200
    assert new_blob(as_alice, alices_collection, 10).status_code == 201


def per_minute(throttle) -> float:
    limit = throttle()
    return limit.num_requests * 60 / limit.duration


def test_the_default_limits_leave_room_for_a_full_resync_and_a_large_file():
    # A resync of 100,000 records in pages of the largest size, and a 50 MB file in chunks, each within a minute.
    assert per_minute(PullThrottle) >= 100_000 / settings.SYNC_PAGE_SIZE
    assert per_minute(PushThrottle) >= 100
    assert per_minute(UploadThrottle) >= 1 + 50 * 1024 * 1024 / settings.BLOB_CHUNK_BYTES


def test_the_schema_tells_devices_about_the_limits(editor_client):
    paths = yaml.safe_load(editor_client.get("/api/v1/schema/").content)["paths"]
    for path, method in [
        ("/api/v1/collections/{collection_id}/records/", "get"),
        ("/api/v1/collections/{collection_id}/records/push/", "post"),
        ("/api/v1/collections/{collection_id}/blobs/", "post"),
        ("/api/v1/blobs/{blob_id}/content/", "put"),
    ]:
        assert "429" in paths[path][method]["responses"], (method, path)
