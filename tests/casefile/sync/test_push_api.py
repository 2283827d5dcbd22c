"""Push: versions decide, conflicts keep both, retries are safe, bad input is refused whole."""

import base64
import uuid

import pytest

from casefile.models import Record
from tests.casefile.helpers import ciphertext, push, write

pytestmark = pytest.mark.django_db


def test_it_saves_a_new_record_as_version_one(as_alice, alices_collection):
    new = write()
    r = push(as_alice, alices_collection, new)
    assert r.status_code == 200
    assert r.json()["results"] == [{"id": new["id"], "status": "saved", "version": 1, "author": None, "server": None}]
    stored = Record.objects.get(record_id=new["id"])
    assert bytes(stored.ciphertext) == base64.b64decode(new["ciphertext"])
    assert stored.seq == 1


def test_it_saves_an_edit_made_on_the_current_version(as_alice, alices_collection):
    first = write()
    push(as_alice, alices_collection, first)
    edit = write(first["id"], base_version=1)
    assert push(as_alice, alices_collection, edit).json()["results"][0]["status"] == "saved"
    assert Record.objects.get(record_id=first["id"]).version == 2


def test_an_edit_made_on_an_old_version_is_a_conflict_with_the_server_copy(as_alice, alices_collection):
    first = write()
    push(as_alice, alices_collection, first)
    device_a = write(first["id"], base_version=1)
    push(as_alice, alices_collection, device_a)
    device_b = write(first["id"], base_version=1)  # made offline from version 1 too
    result = push(as_alice, alices_collection, device_b).json()["results"][0]
    assert result["status"] == "conflict"
    assert result["server"] == {
        "id": first["id"],
        "version": 2,
        "ciphertext": device_a["ciphertext"],
        "deleted": False,
        "author": None,  # a case file's records have none
    }
    assert bytes(Record.objects.get(record_id=first["id"]).ciphertext) == base64.b64decode(device_a["ciphertext"])


def test_resending_a_batch_whose_answer_was_lost_changes_nothing(as_alice, alices_collection):
    batch = [write(), write()]
    first = push(as_alice, alices_collection, *batch).json()
    again = push(as_alice, alices_collection, *batch).json()
    assert again == first
    alices_collection.refresh_from_db()
    assert alices_collection.seq == 2


def test_a_delete_leaves_a_tombstone_other_devices_learn_of(as_alice, alices_collection):
    first = write()
    push(as_alice, alices_collection, first)
    result = push(as_alice, alices_collection, write(first["id"], base_version=1, deleted=True)).json()["results"][0]
    assert result == {"id": first["id"], "status": "saved", "version": 2, "author": None, "server": None}
    record = Record.objects.get(record_id=first["id"])
    assert record.deleted and bytes(record.ciphertext) == b""


def test_one_batch_can_mix_saved_and_conflicting_writes(as_alice, alices_collection):
    existing = write()
    push(as_alice, alices_collection, existing)
    fresh, stale = write(), write(existing["id"], base_version=0)
    statuses = [result["status"] for result in push(as_alice, alices_collection, fresh, stale).json()["results"]]
    assert statuses == ["saved", "conflict"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"writes": []}, "writes"),
        ({"writes": [{"id": "not-a-uuid", "base_version": 0, "ciphertext": ciphertext()}]}, "writes"),
        ({"writes": [{"id": str(uuid.uuid4()), "base_version": -1, "ciphertext": ciphertext()}]}, "writes"),
        ({"writes": [{"id": str(uuid.uuid4()), "base_version": 0, "ciphertext": "%%%not base64"}]}, "writes"),
        ({"writes": [{"id": str(uuid.uuid4()), "base_version": 0, "ciphertext": ciphertext(20)}]}, "writes"),
        ({"writes": "everything"}, "writes"),
        ({}, "writes"),
    ],
)
def test_it_refuses_malformed_writes_and_saves_none_of_the_batch(as_alice, alices_collection, body, field):
    good = write()
    body = {"writes": [good, *body["writes"]]} if isinstance(body.get("writes"), list) and body["writes"] else body
    r = as_alice.post(
        f"/api/v1/collections/{alices_collection.id}/records/push/", body, content_type="application/json"
    )
    assert r.status_code == 400
    assert field in r.json()
    assert not Record.objects.exists()


def test_it_refuses_the_same_record_twice_in_one_batch(as_alice, alices_collection):
    twice = write()
    r = push(as_alice, alices_collection, twice, twice)
    assert r.status_code == 400
    assert r.json() == {
        "writes": ["Each record may appear only once in a batch."],
        "code": "invalid",
        "detail": "Each record may appear only once in a batch.",
    }


def test_it_refuses_malformed_json(as_alice, alices_collection):
    r = as_alice.post(
        f"/api/v1/collections/{alices_collection.id}/records/push/", "{writes: [", content_type="application/json"
    )
    assert r.status_code == 400
    assert "JSON parse error" in r.json()["detail"]


def test_it_refuses_too_many_writes_at_once(as_alice, alices_collection, settings):
    r = push(as_alice, alices_collection, *[write() for _ in range(settings.SYNC_MAX_BATCH + 1)])
    assert r.status_code == 400
    assert not Record.objects.exists()


def test_it_refuses_an_oversized_record(as_alice, alices_collection, settings):
    r = push(as_alice, alices_collection, write(data=ciphertext(settings.SYNC_MAX_RECORD_BYTES + 1)))
    assert r.status_code == 400
    assert "at most" in str(r.json())


def test_it_refuses_an_oversized_request_before_reading_it(as_alice, alices_collection, settings):
    settings.SYNC_MAX_REQUEST_BYTES = 1000
    r = push(as_alice, alices_collection, write(data=ciphertext(2000)))
    assert r.status_code == 413
    assert r.json()["detail"] == "This upload is too large. Send fewer records at a time."


def test_it_accepts_a_batch_larger_than_djangos_form_limit(as_alice, alices_collection, settings):
    # A device whose next batch is this big must still be able to sync.
    assert settings.SYNC_MAX_REQUEST_BYTES > 3 * 1024 * 1024 > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    writes = [write(data=ciphertext(200_000)) for _ in range(16)]
    r = push(as_alice, alices_collection, *writes)
    assert r.status_code == 200, r.content[:200]
    assert Record.objects.filter(collection=alices_collection).count() == 16
