"""Every evidence-file endpoint, tried as someone else and as nobody."""

import os

import pytest
from django.test import Client

from casefile.models import Blob
from tests.casefile.helpers import new_blob, put_chunk, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def bobs_blob(bob, bobs_collection):
    bobs_device = Client()
    bobs_device.force_login(bob)
    return Blob.objects.get(id=upload(bobs_device, bobs_collection, os.urandom(2000), chunk=1000))


def calls(client, blob, collection) -> dict:
    return {
        "create": lambda: new_blob(client, collection, 100),
        "status": lambda: client.get(f"/api/v1/blobs/{blob.id}/"),
        "upload": lambda: put_chunk(client, blob.id, blob.received, b"abc"),
        "download": lambda: client.get(f"/api/v1/blobs/{blob.id}/content/"),
        "delete": lambda: client.delete(f"/api/v1/blobs/{blob.id}/"),
    }


ENDPOINTS = ["create", "status", "upload", "download", "delete"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_another_person_finds_nothing(as_alice, bobs_blob, bobs_collection, blob_root, endpoint):
    before = stored_files(blob_root)
    r = calls(as_alice, bobs_blob, bobs_collection)[endpoint]()
    assert r.status_code == 404
    assert stored_files(blob_root) == before
    assert Blob.objects.filter(owner__username="alice").count() == 0
    assert Blob.objects.get(id=bobs_blob.id).received == 2000


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_nobody_signed_in_gets_nothing(client, bobs_blob, bobs_collection, endpoint):
    r = calls(client, bobs_blob, bobs_collection)[endpoint]()
    assert r.status_code == 401
    assert r["Cache-Control"] == "no-store"
    assert Blob.objects.filter(id=bobs_blob.id).exists()


def test_someone_elses_file_looks_the_same_as_one_that_does_not_exist(as_alice, bobs_blob):
    theirs = as_alice.get(f"/api/v1/blobs/{bobs_blob.id}/")
    unknown = as_alice.get("/api/v1/blobs/00000000-0000-4000-8000-000000000000/")
    assert (theirs.status_code, theirs.json()) == (unknown.status_code, unknown.json())
