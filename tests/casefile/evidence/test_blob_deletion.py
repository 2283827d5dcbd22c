"""Deleting a file keeps it in "Recently deleted" for DELETED_KEEP_DAYS; deleting a case file or an account
deletes the stored chunks at once, not only the rows."""

import os
import uuid
from datetime import timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from casefile.accounts import services as accounts
from casefile.evidence.services import remove_orphan_blobs
from casefile.models import Blob, Collection
from casefile.sync.services import create_collection, delete_collections
from tests.casefile.helpers import NEW_ACCOUNT, new_blob, post, put_chunk, stored_files, upload

pytestmark = pytest.mark.django_db


def test_a_deleted_file_is_kept_for_the_grace_period_and_only_then_purged(
    as_alice, alices_collection, blob_root, settings, django_capture_on_commit_callbacks
):
    keep = upload(as_alice, alices_collection, os.urandom(3000))
    gone = upload(as_alice, alices_collection, os.urandom(3000))
    assert len(stored_files(blob_root)) == 6
    with django_capture_on_commit_callbacks(execute=True):
        r = as_alice.delete(f"/api/v1/blobs/{gone}/")
    assert r.status_code == 204
    assert as_alice.get(f"/api/v1/blobs/{gone}/").status_code == 404  # gone from the case file...
    assert len(stored_files(blob_root)) == 6  # ...but still on the server, so the deletion can be undone

    with django_capture_on_commit_callbacks(execute=True):
        remove_orphan_blobs()
    assert len(stored_files(blob_root)) == 6  # not before DELETED_KEEP_DAYS

    Blob.objects.filter(pk=gone).update(
        deleted_at=timezone.now() - timedelta(days=settings.DELETED_KEEP_DAYS, seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = remove_orphan_blobs()
    assert report.expired_files == 1
    assert not Blob.objects.filter(id=gone).exists()
    assert [path.parent.name for path in stored_files(blob_root)] == [keep] * 3
    assert not (blob_root / gone).exists()


def test_a_deleted_file_can_be_restored(as_alice, alices_collection):
    blob_id = upload(as_alice, alices_collection, b"x" * 3000)
    as_alice.delete(f"/api/v1/blobs/{blob_id}/")
    r = as_alice.post(f"/api/v1/blobs/{blob_id}/restore/")
    assert r.status_code == 200
    assert r.json()["received"] == 3000
    assert b"".join(as_alice.get(f"/api/v1/blobs/{blob_id}/content/").streaming_content) == b"x" * 3000


def test_restoring_a_file_that_is_not_deleted_or_not_yours_answers_404(as_alice, alices_collection, bob):
    blob_id = upload(as_alice, alices_collection, b"x" * 100)
    assert as_alice.post(f"/api/v1/blobs/{blob_id}/restore/").status_code == 404
    as_alice.delete(f"/api/v1/blobs/{blob_id}/")
    other = Client()
    other.force_login(bob)
    assert other.post(f"/api/v1/blobs/{blob_id}/restore/").status_code == 404


def test_deleted_files_do_not_count_towards_the_quota_but_restoring_needs_room(as_alice, alices_collection, settings):
    settings.BLOB_QUOTA_BYTES = 5000
    first = upload(as_alice, alices_collection, b"x" * 3000)
    as_alice.delete(f"/api/v1/blobs/{first}/")
    upload(as_alice, alices_collection, b"y" * 3000)  # room again, although the first is still kept
    r = as_alice.post(f"/api/v1/blobs/{first}/restore/")
    assert r.status_code == 413
    assert "Your storage is full" in r.json()["detail"]


def test_at_most_the_quota_again_is_kept_in_recently_deleted_oldest_going_first(
    as_alice, alices_collection, settings, blob_root, django_capture_on_commit_callbacks
):
    settings.BLOB_QUOTA_BYTES = 5000
    ids = []
    for _ in range(3):
        ids.append(upload(as_alice, alices_collection, os.urandom(2000)))
        with django_capture_on_commit_callbacks(execute=True):
            as_alice.delete(f"/api/v1/blobs/{ids[-1]}/")
    assert list(Blob.objects.order_by("deleted_at").values_list("id", flat=True)) == [uuid.UUID(i) for i in ids[1:]]
    assert not (blob_root / ids[0]).exists()


def test_deleting_an_unfinished_upload_keeps_what_arrived_until_it_is_purged(
    as_alice, alices_collection, blob_root, django_capture_on_commit_callbacks
):
    blob_id = new_blob(as_alice, alices_collection, 5000).json()["id"]
    put_chunk(as_alice, blob_id, 0, os.urandom(1000))
    with django_capture_on_commit_callbacks(execute=True):
        assert as_alice.delete(f"/api/v1/blobs/{blob_id}/").status_code == 204
    assert len(stored_files(blob_root)) == 1


def test_files_stay_when_the_deletion_is_rolled_back(alice, as_alice, alices_collection, blob_root):
    upload(as_alice, alices_collection, os.urandom(3000))
    with pytest.raises(RuntimeError), transaction.atomic():
        accounts.delete_account(user=alice)
        raise RuntimeError("something later in the same transaction failed")
    assert Blob.objects.count() == 1
    assert len(stored_files(blob_root)) == 3


def test_deleting_a_case_file_removes_its_files(
    alice, as_alice, alices_collection, blob_root, django_capture_on_commit_callbacks
):
    other = create_collection(user=alice)
    upload(as_alice, alices_collection, os.urandom(3000))
    kept = upload(as_alice, other, os.urandom(1000))
    with django_capture_on_commit_callbacks(execute=True):
        delete_collections(collection_ids=[alices_collection.id])
    assert not Collection.objects.filter(pk=alices_collection.pk).exists()
    assert [path.parent.name for path in stored_files(blob_root)] == [kept]


def test_deleting_the_account_removes_every_file_it_uploaded(
    django_user_model, bob, blob_root, django_capture_on_commit_callbacks
):
    sam = Client()
    assert post(sam, "register", NEW_ACCOUNT).status_code == 201
    user = django_user_model.objects.get(username="sam")
    own = create_collection(user=user)
    shared = create_collection(user=user)
    shared.memberships.create(user=bob, role="member")
    upload(sam, own, os.urandom(3000))
    upload(sam, shared, os.urandom(2000))
    bobs_device = Client()
    bobs_device.force_login(bob)
    bobs = upload(bobs_device, shared, os.urandom(1000))
    assert len(stored_files(blob_root)) == 6

    with django_capture_on_commit_callbacks(execute=True):
        assert post(sam, "delete", {"auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 204

    assert list(Blob.objects.values_list("id", flat=True)) == [Blob.objects.get(owner=bob).id]
    assert [path.parent.name for path in stored_files(blob_root)] == [bobs]
    assert sorted(path.name for path in blob_root.iterdir()) == [bobs]
