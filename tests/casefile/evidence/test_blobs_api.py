"""Evidence files: create, upload in chunks, resume after a drop, download, and the limits."""

import io
import os
import uuid

import pytest
from rest_framework.test import APIRequestFactory, force_authenticate

from casefile.evidence.apis import BlobContentApi
from casefile.evidence.services import create_blob
from casefile.models import Blob
from tests.casefile.helpers import new_blob, put_chunk, stored_files, upload

pytestmark = pytest.mark.django_db

MiB = 1024 * 1024


def status_of(client, blob_id):
    return client.get(f"/api/v1/blobs/{blob_id}/")


def download(client, blob_id):
    return client.get(f"/api/v1/blobs/{blob_id}/content/")


def test_it_creates_an_empty_upload(as_alice, alices_collection):
    r = new_blob(as_alice, alices_collection, 1000)
    assert r.status_code == 201
    body = r.json()
    assert body == {"id": body["id"], "size": 1000, "received": 0, "complete": False}
    blob = Blob.objects.get(id=body["id"])
    assert (blob.collection, blob.owner.username) == (alices_collection, "alice")


def test_it_keeps_the_id_the_device_chose_and_a_retry_resumes_the_same_upload(as_alice, alices_collection):
    blob_id = str(uuid.uuid4())
    body = {"id": blob_id, "size": 5000}
    first = as_alice.post(f"/api/v1/collections/{alices_collection.id}/blobs/", body, content_type="application/json")
    assert (first.status_code, first.json()["id"]) == (201, blob_id)
    put_chunk(as_alice, blob_id, 0, os.urandom(1000))
    again = as_alice.post(f"/api/v1/collections/{alices_collection.id}/blobs/", body, content_type="application/json")
    assert again.status_code == 200
    assert again.json() == {"id": blob_id, "size": 5000, "received": 1000, "complete": False}
    assert Blob.objects.count() == 1


def test_an_id_that_is_someone_elses_file_answers_as_an_unknown_one_would(
    as_alice, alices_collection, bob, bobs_collection
):
    theirs = create_blob(user=bob, collection=bobs_collection, size=100)
    unknown = as_alice.get(f"/api/v1/blobs/{uuid.uuid4()}/")
    body = {"id": str(theirs.id), "size": 100}
    r = as_alice.post(f"/api/v1/collections/{alices_collection.id}/blobs/", body, content_type="application/json")
    assert (
        (r.status_code, r.json())
        == (unknown.status_code, unknown.json())
        == (404, {"detail": "Not found.", "code": "not_found"})
    )
    assert Blob.objects.get(id=theirs.id).owner == bob


def test_my_own_id_for_a_different_file_is_still_a_conflict(as_alice, alices_collection):
    mine = create_blob(user=alices_collection.memberships.get().user, collection=alices_collection, size=100)
    body = {"id": str(mine.id), "size": 200}
    r = as_alice.post(f"/api/v1/collections/{alices_collection.id}/blobs/", body, content_type="application/json")
    assert r.status_code == 409


def test_it_stores_chunks_and_gives_back_the_same_bytes(as_alice, alices_collection, blob_root):
    data = os.urandom(10_000)
    blob_id = new_blob(as_alice, alices_collection, len(data)).json()["id"]
    first = put_chunk(as_alice, blob_id, 0, data[:4096])
    assert first.status_code == 200
    assert first.json() == {"id": blob_id, "size": 10_000, "received": 4096, "complete": False}
    put_chunk(as_alice, blob_id, 4096, data[4096:8192])
    last = put_chunk(as_alice, blob_id, 8192, data[8192:])
    assert last.json() == {"id": blob_id, "size": 10_000, "received": 10_000, "complete": True}
    assert Blob.objects.get(id=blob_id).completed is not None

    r = download(as_alice, blob_id)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/octet-stream"
    assert r["Content-Length"] == "10000"
    assert r["Cache-Control"] == "no-store"
    assert b"".join(r.streaming_content) == data
    assert [path.relative_to(blob_root).as_posix() for path in stored_files(blob_root)] == [
        f"{blob_id}/000000",
        f"{blob_id}/000001",
        f"{blob_id}/000002",
    ]


def test_a_download_is_not_gzipped_and_keeps_its_length(as_alice, alices_collection):
    data = bytes(5000)  # compressible, to tempt GZipMiddleware
    blob_id = upload(as_alice, alices_collection, data, chunk=5000)
    r = as_alice.get(f"/api/v1/blobs/{blob_id}/content/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in r
    assert r["Content-Length"] == "5000"
    assert b"".join(r.streaming_content) == data


def test_a_download_ignores_what_the_accept_header_asks_for(as_alice, alices_collection):
    blob_id = upload(as_alice, alices_collection, b"x" * 100, chunk=100)
    r = as_alice.get(f"/api/v1/blobs/{blob_id}/content/", headers={"Accept": "application/octet-stream"})
    assert r.status_code == 200


def test_an_interrupted_upload_resumes_from_what_the_server_has(as_alice, alices_collection):
    data = os.urandom(3000)
    blob_id = new_blob(as_alice, alices_collection, len(data)).json()["id"]
    assert put_chunk(as_alice, blob_id, 0, data[:1000]).status_code == 200
    # Chunk 2 is lost on the way: the device does not know whether it arrived, so it asks.
    status = status_of(as_alice, blob_id)
    assert status.status_code == 200
    assert status.json() == {"id": blob_id, "size": 3000, "received": 1000, "complete": False}
    resume = status.json()["received"]
    for offset in range(resume, len(data), 1000):
        assert put_chunk(as_alice, blob_id, offset, data[offset : offset + 1000]).status_code == 200
    assert b"".join(download(as_alice, blob_id).streaming_content) == data


def test_a_chunk_at_the_wrong_offset_answers_409_with_where_to_resume(as_alice, alices_collection, blob_root):
    blob_id = new_blob(as_alice, alices_collection, 3000).json()["id"]
    put_chunk(as_alice, blob_id, 0, os.urandom(1000))
    for offset in (0, 500, 2000):
        r = put_chunk(as_alice, blob_id, offset, os.urandom(1000))
        assert r.status_code == 409
        assert r.json() == {
            "detail": "The server has the first 1,000 bytes. Continue from there.",
            "code": "wrong_offset",
            "received": 1000,
        }
    assert len(stored_files(blob_root)) == 1


def test_a_refused_chunk_is_read_to_its_end_before_the_answer(alice, alices_collection):
    """Answering before the body is read reaches HTTP clients such as curl or requests as a broken pipe.

    Django's own test and development servers read what a view left; gunicorn does not, so the view must.
    """
    blob = create_blob(user=alice, collection=alices_collection, size=3 * MiB)
    request = APIRequestFactory().put(
        f"/api/v1/blobs/{blob.id}/content/?offset=1024", b"x" * MiB, content_type="application/octet-stream"
    )
    force_authenticate(request, user=alice)
    r = BlobContentApi.as_view()(request, blob_id=blob.id)
    assert r.status_code == 409
    assert request.META["wsgi.input"].read() == b""  # nothing of the chunk left unread


def test_resending_the_last_chunk_after_a_lost_answer_says_it_is_already_complete(as_alice, alices_collection):
    data = os.urandom(2000)
    blob_id = upload(as_alice, alices_collection, data, chunk=1000)
    r = put_chunk(as_alice, blob_id, 1000, data[1000:])
    assert r.status_code == 409
    assert r.json()["received"] == 2000
    assert status_of(as_alice, blob_id).json()["complete"] is True
    assert b"".join(download(as_alice, blob_id).streaming_content) == data


def test_a_chunk_past_the_declared_size_is_refused(as_alice, alices_collection, blob_root):
    blob_id = new_blob(as_alice, alices_collection, 100).json()["id"]
    r = put_chunk(as_alice, blob_id, 0, os.urandom(101))
    assert r.status_code == 400
    assert r.json() == {"detail": "This chunk goes past the end of the file (100 bytes).", "code": "chunk_refused"}
    assert stored_files(blob_root) == []


def test_an_empty_chunk_is_refused(as_alice, alices_collection):
    blob_id = new_blob(as_alice, alices_collection, 100).json()["id"]
    r = put_chunk(as_alice, blob_id, 0, b"")
    assert r.status_code == 400
    assert r.json() == {"detail": "This chunk is empty.", "code": "chunk_refused"}


def test_a_too_large_chunk_is_refused_before_it_is_read(as_alice, alices_collection, settings, blob_root):
    settings.BLOB_CHUNK_BYTES = 1000
    blob_id = new_blob(as_alice, alices_collection, 5000).json()["id"]
    r = put_chunk(as_alice, blob_id, 0, os.urandom(1001))
    assert r.status_code == 413
    # `largest` lets a device whose saved page has an older chunk size carry on with this one.
    assert r.json() == {"detail": "Send at most 1,000 bytes at a time.", "code": "chunk_too_big", "largest": 1000}
    assert stored_files(blob_root) == []
    assert put_chunk(as_alice, blob_id, 0, os.urandom(1000)).status_code == 200


def test_a_chunk_cut_short_is_not_stored(as_alice, alices_collection, blob_root):
    blob_id = new_blob(as_alice, alices_collection, 5000).json()["id"]
    # The connection dropped: fewer bytes arrived than the request announced.
    sent = os.urandom(3000)
    r = as_alice.generic(
        "PUT",
        f"/api/v1/blobs/{blob_id}/content/?offset=0",
        sent,
        content_type="application/octet-stream",
        CONTENT_LENGTH="4000",
        **{"wsgi.input": io.BytesIO(sent)},
    )
    assert r.status_code == 400
    assert r.json() == {"detail": "This chunk arrived cut short. Send it again.", "code": "chunk_refused"}
    assert stored_files(blob_root) == []
    assert status_of(as_alice, blob_id).json()["received"] == 0


def test_nothing_past_the_announced_length_is_read(as_alice, alices_collection):
    blob_id = new_blob(as_alice, alices_collection, 5000).json()["id"]
    r = as_alice.generic(
        "PUT",
        f"/api/v1/blobs/{blob_id}/content/?offset=0",
        os.urandom(3000),
        content_type="application/octet-stream",
        CONTENT_LENGTH="500",
    )
    assert r.status_code == 200
    assert r.json()["received"] == 500


def test_the_largest_file_is_explained_and_nothing_is_stored(as_alice, alices_collection, settings):
    largest = settings.BLOB_MAX_BYTES
    assert largest == 50 * MiB + 64 * 1024
    r = new_blob(as_alice, alices_collection, largest + 1)
    assert r.status_code == 413
    assert r.json() == {
        "detail": "This file is too big. The largest file you can add is 50 MB.",
        "code": "blob_too_big",
    }
    assert not Blob.objects.exists()
    assert new_blob(as_alice, alices_collection, largest).status_code == 201


def test_a_full_storage_is_explained_and_nothing_is_stored(as_alice, alices_collection, settings):
    settings.BLOB_MAX_BYTES = 600 * MiB
    quota = settings.BLOB_QUOTA_BYTES
    assert quota == 1024 * MiB
    assert new_blob(as_alice, alices_collection, 600 * MiB).status_code == 201
    r = new_blob(as_alice, alices_collection, 500 * MiB)
    assert r.status_code == 413
    assert r.json() == {
        "detail": "Your storage is full (1 GB). Delete some evidence files, "
        "or export and remove old case files, to make room.",
        "code": "storage_full",
    }
    assert Blob.objects.count() == 1
    assert new_blob(as_alice, alices_collection, 424 * MiB).status_code == 201  # exactly full is allowed


def test_the_quota_is_per_person(as_alice, alices_collection, bob, bobs_collection, settings):
    settings.BLOB_QUOTA_BYTES = 1000
    create_blob(user=bob, collection=bobs_collection, size=1000)
    assert new_blob(as_alice, alices_collection, 1000).status_code == 201


def test_deleting_a_file_makes_room_again(as_alice, alices_collection, settings):
    settings.BLOB_QUOTA_BYTES = 1000
    blob_id = new_blob(as_alice, alices_collection, 1000).json()["id"]
    assert new_blob(as_alice, alices_collection, 1).status_code == 413
    assert as_alice.delete(f"/api/v1/blobs/{blob_id}/").status_code == 204
    assert new_blob(as_alice, alices_collection, 1000).status_code == 201


def test_an_unfinished_file_cannot_be_downloaded(as_alice, alices_collection):
    blob_id = new_blob(as_alice, alices_collection, 2000).json()["id"]
    put_chunk(as_alice, blob_id, 0, os.urandom(1000))
    r = download(as_alice, blob_id)
    assert r.status_code == 409
    assert r.json() == {"detail": "This file has not finished uploading.", "code": "blob_incomplete"}


def test_a_file_cannot_be_sent_in_endless_tiny_chunks(as_alice, alices_collection, monkeypatch):
    monkeypatch.setattr("casefile.limits.BLOB_MAX_CHUNKS", 3)
    blob_id = new_blob(as_alice, alices_collection, 10).json()["id"]
    for offset in range(3):
        assert put_chunk(as_alice, blob_id, offset, b"x").status_code == 200
    r = put_chunk(as_alice, blob_id, 3, b"x")
    assert r.status_code == 400
    assert "at most 3 chunks" in r.json()["detail"]


@pytest.mark.parametrize(
    "body",
    ["{not json", "[]", '"size"', '{"size": "big"}', '{"size": 1.5}', '{"size": true}', '{"size": null}', "{}"],
)
def test_a_malformed_start_is_a_400(as_alice, alices_collection, body):
    r = as_alice.post(f"/api/v1/collections/{alices_collection.id}/blobs/", body, content_type="application/json")
    assert r.status_code == 400
    assert not Blob.objects.exists()


@pytest.mark.parametrize("size", [0, -1])
def test_a_file_needs_at_least_one_byte(as_alice, alices_collection, size):
    r = new_blob(as_alice, alices_collection, size)
    assert r.status_code == 400
    assert r.json() == {
        "size": ["A file must have at least 1 byte."],
        "code": "invalid",
        "detail": "A file must have at least 1 byte.",
    }


def test_an_absurd_size_is_too_big_not_an_error(as_alice, alices_collection):
    assert new_blob(as_alice, alices_collection, 10**40).status_code == 413


@pytest.mark.parametrize("offset", [None, "", "abc", "-1", "1.5"])
def test_a_missing_or_malformed_offset_is_a_400(as_alice, alices_collection, offset):
    blob_id = new_blob(as_alice, alices_collection, 100).json()["id"]
    query = "" if offset is None else f"?offset={offset}"
    r = as_alice.put(f"/api/v1/blobs/{blob_id}/content/{query}", b"abc", content_type="application/octet-stream")
    assert r.status_code == 400
    assert r.json() == {
        "detail": "Say where this chunk starts: ?offset= and the number of bytes received so far.",
        "code": "chunk_refused",
    }


def test_a_chunk_must_be_raw_bytes(as_alice, alices_collection, blob_root):
    blob_id = new_blob(as_alice, alices_collection, 100).json()["id"]
    r = as_alice.put(f"/api/v1/blobs/{blob_id}/content/?offset=0", '{"a": 1}', content_type="application/json")
    assert r.status_code == 415
    assert stored_files(blob_root) == []


def test_an_unknown_blob_is_a_404(as_alice):
    unknown = uuid.uuid4()
    assert as_alice.get(f"/api/v1/blobs/{unknown}/").status_code == 404
    assert put_chunk(as_alice, unknown, 0, b"abc").status_code == 404
    assert as_alice.get("/api/v1/blobs/not-a-uuid/").status_code == 404
