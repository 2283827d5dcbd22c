"""A database error part-way through a push: the whole batch is rolled back and the device is told to try again.

The failure is injected at every SQL statement of the request in turn: the session and access checks, the row
locks, each record's insert or update, the collection's new seq and the savepoints around them.
"""

import itertools

import pytest
from django.db import DatabaseError, OperationalError, connection

from casefile.models import Collection, Record
from tests.casefile.helpers import FailAt, push, write

pytestmark = pytest.mark.django_db

NOTHING_SAVED = {
    "detail": "The server could not save your changes just now. They are safe on this device; try again soon.",
    "code": "try_again",
}


def stored(collection) -> tuple:
    """Everything a push can change: the collection's seq and every record row."""
    records = Record.objects.filter(collection=collection).order_by("record_id")
    rows = [(r.record_id, r.version, r.seq, bytes(r.ciphertext), r.deleted, r.size, r.updated) for r in records]
    return Collection.objects.get(pk=collection.pk).seq, rows


@pytest.fixture
def one_statement_per_record(monkeypatch):
    # bulk_create and bulk_update write the whole batch in one statement; one row per statement gives each
    # record of the batch its own point of failure.
    monkeypatch.setattr(connection.ops, "bulk_batch_size", lambda fields, objs: 1)


@pytest.mark.parametrize("error", [OperationalError, DatabaseError])
@pytest.mark.parametrize("rows_per_statement", ["one", "all"])
def test_a_database_error_anywhere_in_a_push_saves_nothing_and_the_retry_saves_it_once(
    as_alice, alices_collection, request, error, rows_per_statement
):
    edited, deleted, moved_on = write(), write(), write()
    push(as_alice, alices_collection, edited, deleted, moved_on)
    push(as_alice, alices_collection, write(moved_on["id"], base_version=1))
    batch = [
        write(),
        write(edited["id"], base_version=1),
        write(),
        write(deleted["id"], base_version=1, deleted=True),
        write(moved_on["id"], base_version=1),  # made on an old version: a conflict
    ]
    if rows_per_statement == "one":
        request.getfixturevalue("one_statement_per_record")
    before = stored(alices_collection)
    as_alice.raise_request_exception = False

    failed_sql = []
    for n in itertools.count(1):
        failure = FailAt(n, error("the disk is full"))
        with connection.execute_wrapper(failure):
            r = push(as_alice, alices_collection, *batch)
        if failure.failed_sql is None:
            break  # the request got past its last statement: this was the retry that worked
        failed_sql.append(failure.failed_sql)
        assert (r.status_code, r.json()) == (503, NOTHING_SAVED), failure.failed_sql
        assert r.headers["Retry-After"] == "5"
        assert stored(alices_collection) == before, failure.failed_sql

    record_writes = [
        sql for sql in failed_sql if sql.startswith(('INSERT INTO "casefile_record"', 'UPDATE "casefile_record"'))
    ]
    assert len(record_writes) == (4 if rows_per_statement == "one" else 2)
    assert any(sql.startswith('UPDATE "casefile_collection"') for sql in failed_sql)

    assert r.status_code == 200
    results = r.json()["results"]
    assert [(result["status"], result["version"]) for result in results] == [
        ("saved", 1), ("saved", 2), ("saved", 1), ("saved", 2), ("conflict", 2)
    ]  # fmt: skip
    seq = before[0] + 4
    assert stored(alices_collection)[0] == seq
    assert Record.objects.filter(collection=alices_collection).count() == 5

    again = push(as_alice, alices_collection, *batch)
    assert again.json() == r.json()
    assert stored(alices_collection)[0] == seq


def test_it_logs_the_error_without_the_database_message(as_alice, alices_collection, caplog):
    failure = FailAt(1, OperationalError(f"duplicate key (collection_id)=({alices_collection.id})"))
    as_alice.raise_request_exception = False
    with connection.execute_wrapper(failure):
        r = push(as_alice, alices_collection, write())
    assert r.status_code == 503
    assert "A push was rolled back after a database error (OperationalError)." in caplog.text
    assert str(alices_collection.id) not in caplog.text
