"""Deleting a file, a case file or an account deletes the stored chunks too, not only the rows."""

import os

import pytest
from django.db import transaction
from django.test import Client

from casefile.accounts import services as accounts
from casefile.models import Blob, Collection
from casefile.sync.services import create_collection, delete_collections
from tests.casefile.helpers import NEW_ACCOUNT, new_blob, post, put_chunk, stored_files, upload

pytestmark = pytest.mark.django_db


def test_deleting_a_file_removes_its_chunks(as_alice, alices_collection, blob_root, django_capture_on_commit_callbacks):
    keep = upload(as_alice, alices_collection, os.urandom(3000))
    gone = upload(as_alice, alices_collection, os.urandom(3000))
    assert len(stored_files(blob_root)) == 6
    with django_capture_on_commit_callbacks(execute=True):
        r = as_alice.delete(f"/api/v1/blobs/{gone}/")
    assert r.status_code == 204
    assert not Blob.objects.filter(id=gone).exists()
    assert [path.parent.name for path in stored_files(blob_root)] == [keep] * 3
    assert not (blob_root / gone).exists()
    assert as_alice.get(f"/api/v1/blobs/{gone}/").status_code == 404


def test_deleting_an_unfinished_upload_removes_what_arrived(
    as_alice, alices_collection, blob_root, django_capture_on_commit_callbacks
):
    blob_id = new_blob(as_alice, alices_collection, 5000).json()["id"]
    put_chunk(as_alice, blob_id, 0, os.urandom(1000))
    with django_capture_on_commit_callbacks(execute=True):
        assert as_alice.delete(f"/api/v1/blobs/{blob_id}/").status_code == 204
    assert stored_files(blob_root) == []


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
