"""Evidence-file uploads: the chunk API against writing the same bytes to the blob storage directly.

The API side pays, per 4 MiB chunk, one request (session, two queries, a row lock and a commit)
and two copies of the body (the test client's and the parser's); the storage side only the write.
"""

import os
import shutil
import statistics
import tempfile
import time
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import Client
from django.test.utils import override_settings

from casefile.models import Blob
from casefile.sync.services import create_collection

ROUNDS = 5
TOTAL = 20 * 1000 * 1000
CHUNK = 4 * 1024 * 1024


def _upload_through_api(client: Client, collection, data: bytes) -> float:
    start = time.perf_counter()
    blob_id = client.post(
        f"/api/v1/collections/{collection.id}/blobs/", {"size": len(data)}, content_type="application/json"
    ).json()["id"]
    for offset in range(0, len(data), CHUNK):
        response = client.put(
            f"/api/v1/blobs/{blob_id}/content/?offset={offset}",
            data[offset : offset + CHUNK],
            content_type="application/octet-stream",
        )
        assert response.status_code == 200, response.content
    elapsed = time.perf_counter() - start
    assert response.json()["complete"]
    return elapsed


def _write_to_storage(data: bytes) -> float:
    store = storages["blobs"]
    blob_id = uuid.uuid4()
    start = time.perf_counter()
    for index, offset in enumerate(range(0, len(data), CHUNK)):
        store.save(f"{blob_id}/{index:06d}", ContentFile(data[offset : offset + CHUNK]))
    return time.perf_counter() - start


def run() -> list[str]:
    root = tempfile.mkdtemp(prefix="falseos-bench-blobs-")
    blobs = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}}
    try:
        with override_settings(STORAGES={**settings.STORAGES, "blobs": blobs}, BLOB_QUOTA_BYTES=10**12):
            user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
            client = Client()
            client.force_login(user)
            collection = create_collection(user=user)
            data = os.urandom(TOTAL)
            api_times, raw_times = [], []
            for _ in range(ROUNDS):  # alternate, so both see the same machine conditions
                api_times.append(_upload_through_api(client, collection, data))
                raw_times.append(_write_to_storage(data))
            Blob.objects.filter(owner=user).delete()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    api, raw = statistics.median(api_times), statistics.median(raw_times)
    return [
        f"  upload 20 MB in 4 MiB chunks through the API vs writing it straight to storage: {api / raw:.2f}x",
        f"    {api * 1e3:.0f} ms ({TOTAL / api / 1e6:.0f} MB/s) vs {raw * 1e3:.0f} ms ({TOTAL / raw / 1e6:.0f} MB/s)",
    ]
