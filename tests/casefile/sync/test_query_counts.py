"""What one pull and one push cost the database: a fixed number of queries, however many records.

A sync is many requests, so none of them writes the session (casefile/accounts/sessions.py refreshes
a session's idle end at most once every SESSION_REFRESH_SECONDS).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.casefile.helpers import pull, push, write

pytestmark = pytest.mark.django_db

PULL_QUERIES = 4
# Session, user, access, then under a savepoint: lock the case file, read the records, check the quota, (write the
# records), save the case file's counters.
PUSH_QUERIES_BESIDES_RECORD_WRITES = 9


def session_writes(queries) -> list[str]:
    return [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].lstrip().startswith("SELECT")]


@pytest.mark.parametrize("records", [1, 200])
def test_a_pull_runs_the_same_few_queries_however_many_records_it_returns(as_alice, alices_collection, records):
    push(as_alice, alices_collection, *[write() for _ in range(records)])
    with CaptureQueriesContext(connection) as queries:
        answer = pull(as_alice, alices_collection, limit=200)
    assert answer.status_code == 200
    assert len(answer.json()["records"]) == records
    assert len(queries) == PULL_QUERIES, [q["sql"] for q in queries]
    assert session_writes(queries) == []


@pytest.mark.parametrize("records", [1, 200])
def test_a_push_of_new_and_changed_records_runs_the_same_few_queries(as_alice, alices_collection, records):
    first = [write() for _ in range(records)]
    push(as_alice, alices_collection, *first)
    edits = [write(each["id"], base_version=1) for each in first] + [write() for _ in range(records)]
    with CaptureQueriesContext(connection) as queries:
        answer = push(as_alice, alices_collection, *edits)
    assert answer.status_code == 200
    assert {result["status"] for result in answer.json()["results"]} == {"saved"}
    writes = ('INSERT INTO "casefile_record"', 'UPDATE "casefile_record"')
    others = [q["sql"] for q in queries if not q["sql"].startswith(writes)]
    assert len(others) == PUSH_QUERIES_BESIDES_RECORD_WRITES, others
    record_writes = len(queries) - len(others)
    # One INSERT and one UPDATE on PostgreSQL whatever the size; SQLite takes at most 999 parameters a
    # statement, so there the 200 are split into two of each.
    assert record_writes == (2 if connection.vendor == "postgresql" or records == 1 else 4)
    assert session_writes(queries) == []
