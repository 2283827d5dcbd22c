"""Sync costs: a pull must cost O(changes), not O(records); a push close to a raw insert."""

import base64
import os
import statistics
import time
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from casefile.models import Collection, Record
from casefile.sync.services import Write, create_collection, push_records

ROUNDS = 30


def _fill(collection: Collection, count: int) -> None:
    blob = os.urandom(64)
    for start in range(0, count, 5000):
        Record.objects.bulk_create(
            Record(collection=collection, record_id=uuid.uuid4(), version=1, seq=seq, ciphertext=blob, size=64)
            for seq in range(start + 1, min(start + 5000, count) + 1)
        )
    Collection.objects.filter(pk=collection.pk).update(seq=count)
    collection.refresh_from_db()


def _median_time(action, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pull_ten_changes(client: Client, user) -> tuple[float, float]:
    """Median time to pull 10 new changes from a collection of 1,000 and of 100,000 records."""
    timings = []
    for size in (1_000, 100_000):
        collection = create_collection(user=user)
        _fill(collection, size)
        cursor = f"{collection.epoch.hex}.{collection.seq}"
        push_records(collection=collection, writes=[Write(uuid.uuid4(), 0, os.urandom(64), False) for _ in range(10)])
        url = f"/api/v1/collections/{collection.id}/records/"

        def pull(url=url, cursor=cursor):
            body = client.get(url, {"since": cursor}).json()
            assert len(body["records"]) == 10

        pull()
        timings.append(_median_time(pull))
    return timings[0], timings[1]


def push_batch_vs_bulk_create(client: Client, user, size: int = 500) -> tuple[float, float]:
    """Median time to push `size` new records through the API, and to bulk_create the same rows."""
    blob = base64.b64encode(os.urandom(64)).decode()
    api_times, orm_times = [], []
    for _ in range(10):
        collection = create_collection(user=user)
        writes = [{"id": str(uuid.uuid4()), "base_version": 0, "ciphertext": blob} for _ in range(size)]
        start = time.perf_counter()
        response = client.post(
            f"/api/v1/collections/{collection.id}/records/push/", {"writes": writes}, content_type="application/json"
        )
        api_times.append(time.perf_counter() - start)
        assert response.status_code == 200

        other = create_collection(user=user)
        raw = base64.b64decode(blob)
        start = time.perf_counter()
        with transaction.atomic():
            Record.objects.bulk_create(
                Record(collection=other, record_id=uuid.uuid4(), version=1, seq=n, ciphertext=raw, size=64)
                for n in range(1, size + 1)
            )
        orm_times.append(time.perf_counter() - start)
    return statistics.median(api_times), statistics.median(orm_times)


def push_edits_vs_new_records(client: Client, user, size: int = 500) -> tuple[float, float]:
    """Median time to push `size` edits of existing records, and `size` new records, through the API."""
    blob = base64.b64encode(os.urandom(64)).decode()
    edit_times, new_times = [], []
    for _ in range(10):
        collection = create_collection(user=user)
        url = f"/api/v1/collections/{collection.id}/records/push/"
        writes = [{"id": str(uuid.uuid4()), "base_version": 0, "ciphertext": blob} for _ in range(size)]
        start = time.perf_counter()
        assert client.post(url, {"writes": writes}, content_type="application/json").status_code == 200
        new_times.append(time.perf_counter() - start)
        edits = [{**write, "base_version": 1} for write in writes]
        start = time.perf_counter()
        answer = client.post(url, {"writes": edits}, content_type="application/json")
        edit_times.append(time.perf_counter() - start)
        assert {result["status"] for result in answer.json()["results"]} == {"saved"}
    return statistics.median(edit_times), statistics.median(new_times)


def run() -> list[str]:
    user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
    client = Client()
    client.force_login(user)
    small, large = pull_ten_changes(client, user)
    api, orm = push_batch_vs_bulk_create(client, user)
    edits, new = push_edits_vs_new_records(client, user)
    return [
        f"  pull 10 new changes, 100,000 vs 1,000 records in the case file: {large / small:.2f}x (target <= 1.5x)",
        f"    {large * 1e3:.2f} ms vs {small * 1e3:.2f} ms",
        f"  push 500 records through the API vs raw ORM bulk_create: {api / orm:.2f}x (target <= 3x)",
        f"    {api * 1e3:.1f} ms vs {orm * 1e3:.1f} ms",
        f"  push 500 edits vs push 500 new records, through the API: {edits / new:.2f}x (target <= 3x)",
        f"    {edits * 1e3:.1f} ms vs {new * 1e3:.1f} ms",
    ]
