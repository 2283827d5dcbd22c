"""Concurrent pushes on PostgreSQL: seq strictly increasing, and a pulling client never skips a change.

select_for_update is a no-op on SQLite, so this runs in the PostgreSQL pass of CI.
"""

import os
import threading
import uuid

import pytest
from django.db import connection, connections

from casefile.models import Collection, Record
from casefile.sync import cursors
from casefile.sync.selectors import changes_since
from casefile.sync.services import Write, create_collection, push_records

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs this there"),
]

WRITERS, BATCHES, PER_BATCH = 6, 10, 3


def test_concurrent_pushes_never_leave_a_gap_a_cursor_could_skip(alice):
    collection = create_collection(user=alice)
    start = threading.Barrier(WRITERS + 1)
    writers_done = threading.Event()
    errors: list[BaseException] = []
    seen: set[uuid.UUID] = set()

    def writer():
        try:
            start.wait()
            for _ in range(BATCHES):
                batch = [Write(uuid.uuid4(), 0, os.urandom(40), False) for _ in range(PER_BATCH)]
                push_records(collection=collection, writes=batch)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    def puller():
        cursor = cursors.start(collection)
        try:
            start.wait()
            while True:
                finished = writers_done.is_set()
                fresh = Collection.objects.get(pk=collection.pk)
                records, _more = changes_since(fresh, cursor, 50)
                seen.update(record.record_id for record in records)
                if records:
                    cursor = cursors.Cursor(fresh.epoch, records[-1].seq)
                elif finished:
                    break
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)] + [threading.Thread(target=puller)]
    for thread in threads:
        thread.start()
    for thread in threads[:-1]:
        thread.join(timeout=60)
    writers_done.set()
    threads[-1].join(timeout=60)

    assert errors == []
    total = WRITERS * BATCHES * PER_BATCH
    seqs = sorted(Record.objects.filter(collection=collection).values_list("seq", flat=True))
    assert seqs == list(range(1, total + 1))
    assert Collection.objects.get(pk=collection.pk).seq == total
    assert seen == set(Record.objects.filter(collection=collection).values_list("record_id", flat=True))
