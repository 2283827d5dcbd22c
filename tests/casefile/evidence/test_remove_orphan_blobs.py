"""`manage.py remove_orphan_blobs`: chunks with no file, and uploads abandoned half-way."""

import os
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from casefile.models import Blob
from tests.casefile.helpers import new_blob, put_chunk, stored_files, upload

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("remove_orphan_blobs", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def untidy(as_alice, alices_collection, blob_root):
    """A finished file, a fresh and an abandoned unfinished upload, and chunks nobody owns."""
    finished = upload(as_alice, alices_collection, os.urandom(2000))
    fresh = new_blob(as_alice, alices_collection, 5000).json()["id"]
    put_chunk(as_alice, fresh, 0, os.urandom(1000))
    abandoned = new_blob(as_alice, alices_collection, 5000).json()["id"]
    put_chunk(as_alice, abandoned, 0, os.urandom(1000))
    put_chunk(as_alice, abandoned, 1000, os.urandom(1000))
    Blob.objects.filter(id=abandoned).update(updated=timezone.now() - timedelta(hours=49))
    orphan = blob_root / str(uuid.uuid4())
    orphan.mkdir()
    (orphan / "000000").write_bytes(b"left behind")
    (orphan / "000001").write_bytes(b"left behind")
    (blob_root / "stray").write_bytes(b"?")
    return {"finished": finished, "fresh": fresh, "abandoned": abandoned, "orphan": orphan.name}


def test_it_removes_orphan_chunks_and_abandoned_uploads(untidy, blob_root, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out = run()
    assert out == (
        "Removed 3 stored chunks that belong to no file.\n"
        "Removed 1 unfinished uploads with nothing new for 48 hours (2 stored chunks).\n"
        "Removed 0 evidence files and 0 records deleted more than 30 days ago.\n"
    )
    assert set(Blob.objects.values_list("id", flat=True)) == {uuid.UUID(untidy["finished"]), uuid.UUID(untidy["fresh"])}
    assert sorted(path.name for path in blob_root.iterdir()) == sorted([untidy["finished"], untidy["fresh"]])
    assert len(stored_files(blob_root)) == 3


def test_a_dry_run_counts_and_deletes_nothing(untidy, blob_root, django_capture_on_commit_callbacks):
    before = stored_files(blob_root)
    with django_capture_on_commit_callbacks(execute=True):
        out = run("--dry-run")
    assert out.startswith("Would remove 3 stored chunks that belong to no file.\nWould remove 1 unfinished uploads")
    assert Blob.objects.count() == 3
    assert stored_files(blob_root) == before


def test_the_age_of_an_abandoned_upload_is_a_setting(untidy, settings, django_capture_on_commit_callbacks):
    settings.BLOB_INCOMPLETE_MAX_AGE_HOURS = 72
    with django_capture_on_commit_callbacks(execute=True):
        assert "Removed 0 unfinished uploads with nothing new for 72 hours" in run()
    assert Blob.objects.count() == 3


def test_an_upload_that_keeps_going_is_never_abandoned(as_alice, untidy):
    Blob.objects.filter(id=untidy["abandoned"]).update(created=timezone.now() - timedelta(days=30))
    Blob.objects.filter(id=untidy["fresh"]).update(created=timezone.now() - timedelta(days=30))
    run()
    assert put_chunk(as_alice, untidy["fresh"], 1000, os.urandom(1000)).status_code == 200


def test_an_empty_storage_is_fine(blob_root):
    assert not blob_root.exists()
    assert run().startswith("Removed 0 stored chunks")
