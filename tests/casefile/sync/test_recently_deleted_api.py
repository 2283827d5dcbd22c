"""Recently deleted: what a deleted record held stays on the server (as ciphertext) for DELETED_KEEP_DAYS.

A device restores a record by pushing that ciphertext back as its next version.
"""

import base64
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from casefile.evidence.services import remove_orphan_blobs
from casefile.models import DeletedRecord
from tests.casefile.helpers import ciphertext, pull, push, write

pytestmark = pytest.mark.django_db


def recently_deleted(client, collection):
    r = client.get(f"/api/v1/collections/{collection.id}/deleted/")
    assert r.status_code == 200, r.content
    return r.json()


def saved_then_deleted(client, collection, data: str | None = None) -> dict:
    entry = write(data=data or ciphertext())
    push(client, collection, entry)
    push(client, collection, write(entry["id"], base_version=1, deleted=True))
    return entry


def test_a_deleted_record_is_listed_with_what_it_held(as_alice, alices_collection, settings):
    entry = saved_then_deleted(as_alice, alices_collection)
    answer = recently_deleted(as_alice, alices_collection)
    assert answer["keep_days"] == settings.DELETED_KEEP_DAYS
    assert [(r["id"], r["ciphertext"]) for r in answer["records"]] == [(entry["id"], entry["ciphertext"])]
    assert pull(as_alice, alices_collection).json()["records"][0]["deleted"] is True  # deleted on every device


def test_another_device_restores_it_by_pushing_it_back(as_alice, alice, alices_collection):
    entry = saved_then_deleted(as_alice, alices_collection)
    laptop = Client()
    laptop.force_login(alice)
    copy = recently_deleted(laptop, alices_collection)["records"][0]
    r = push(laptop, alices_collection, write(copy["id"], base_version=2, data=copy["ciphertext"]))
    assert r.json()["results"][0]["status"] == "saved"
    restored = pull(as_alice, alices_collection).json()["records"][0]
    assert (restored["deleted"], restored["ciphertext"], restored["version"]) == (False, entry["ciphertext"], 3)
    assert recently_deleted(laptop, alices_collection)["records"] == []


def test_deleting_again_keeps_only_the_latest_copy(as_alice, alices_collection):
    entry = saved_then_deleted(as_alice, alices_collection)
    push(as_alice, alices_collection, write(entry["id"], base_version=2, data=entry["ciphertext"]))
    changed = ciphertext()
    push(as_alice, alices_collection, write(entry["id"], base_version=3, data=changed))
    push(as_alice, alices_collection, write(entry["id"], base_version=4, deleted=True))
    assert [r["ciphertext"] for r in recently_deleted(as_alice, alices_collection)["records"]] == [changed]


def test_newest_deletions_come_first(as_alice, alices_collection):
    first = saved_then_deleted(as_alice, alices_collection)
    second = saved_then_deleted(as_alice, alices_collection)
    assert [r["id"] for r in recently_deleted(as_alice, alices_collection)["records"]] == [second["id"], first["id"]]


def test_copies_past_the_grace_period_are_not_listed_and_are_purged(as_alice, alices_collection, settings):
    saved_then_deleted(as_alice, alices_collection)
    kept = saved_then_deleted(as_alice, alices_collection)
    old = timezone.now() - timedelta(days=settings.DELETED_KEEP_DAYS, seconds=1)
    DeletedRecord.objects.exclude(record_id=kept["id"]).update(deleted_at=old)
    assert [r["id"] for r in recently_deleted(as_alice, alices_collection)["records"]] == [kept["id"]]
    assert remove_orphan_blobs().expired_records == 1
    assert list(DeletedRecord.objects.values_list("record_id", flat=True).order_by()) == [uuid.UUID(kept["id"])]


def test_at_most_deleted_records_max_bytes_are_kept_per_case_file(as_alice, alices_collection, settings):
    settings.DELETED_RECORDS_MAX_BYTES = 250
    size_100 = base64.b64encode(b"c" * 100).decode()
    entries = [saved_then_deleted(as_alice, alices_collection, data=size_100) for _ in range(3)]
    listed = [r["id"] for r in recently_deleted(as_alice, alices_collection)["records"]]
    assert listed == [entries[2]["id"], entries[1]["id"]]


def test_only_members_see_what_was_deleted(as_alice, alices_collection, bob):
    saved_then_deleted(as_alice, alices_collection)
    other = Client()
    other.force_login(bob)
    assert other.get(f"/api/v1/collections/{alices_collection.id}/deleted/").status_code == 404
