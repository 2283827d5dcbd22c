"""Pull: changes after an opaque cursor, paged, in the order they happened."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.casefile.helpers import pull, push, write

pytestmark = pytest.mark.django_db


def test_it_returns_everything_from_the_start(as_alice, alices_collection):
    writes = [write(), write()]
    push(as_alice, alices_collection, *writes)
    body = pull(as_alice, alices_collection).json()
    assert [record["id"] for record in body["records"]] == [w["id"] for w in writes]
    assert body["more"] is False
    assert body["cursor"] == f"{alices_collection.epoch.hex}.2"


def test_it_returns_only_what_changed_after_the_cursor(as_alice, alices_collection):
    first = write()
    push(as_alice, alices_collection, first)
    cursor = pull(as_alice, alices_collection).json()["cursor"]
    second = write()
    push(as_alice, alices_collection, second, write(first["id"], base_version=1))
    body = pull(as_alice, alices_collection, since=cursor).json()
    assert [(r["id"], r["version"]) for r in body["records"]] == [(second["id"], 1), (first["id"], 2)]


def test_it_pages_through_a_long_history(as_alice, alices_collection):
    push(as_alice, alices_collection, *[write() for _ in range(7)])
    seen, cursor, pages = [], "", 0
    while True:
        body = pull(as_alice, alices_collection, since=cursor, limit=3).json()
        seen += body["records"]
        cursor, pages = body["cursor"], pages + 1
        if not body["more"]:
            break
    assert len(seen) == 7 and pages == 3


def test_an_unchanged_collection_keeps_the_cursor(as_alice, alices_collection):
    push(as_alice, alices_collection, write())
    cursor = pull(as_alice, alices_collection).json()["cursor"]
    body = pull(as_alice, alices_collection, since=cursor).json()
    assert body == {"records": [], "cursor": cursor, "more": False}


@pytest.mark.parametrize("cursor_for", ["ahead", "other_epoch", "other_collection"])
def test_a_cursor_this_history_never_gave_out_asks_for_a_full_resync(as_alice, alices_collection, cursor_for):
    push(as_alice, alices_collection, write())
    from casefile.sync.services import create_collection

    other = create_collection(user=alices_collection.memberships.get().user)
    cursor = {
        "ahead": f"{alices_collection.epoch.hex}.99",  # e.g. the server was restored from an older backup
        "other_epoch": f"{'0' * 32}.1",
        "other_collection": f"{other.epoch.hex}.0",
    }[cursor_for]
    r = pull(as_alice, alices_collection, since=cursor)
    assert r.status_code == 410
    assert r.json()["detail"] == "This sync position is no longer valid. Start again from the beginning."


@pytest.mark.parametrize("since", ["garbage", "abc.def", "1.2.3"])
def test_it_refuses_a_malformed_cursor(as_alice, alices_collection, since):
    r = pull(as_alice, alices_collection, since=since)
    assert r.status_code == 400
    assert "since" in r.json()


@pytest.mark.parametrize("limit", ["0", "-1", "lots", "100000"])
def test_it_refuses_an_impossible_page_size(as_alice, alices_collection, limit):
    r = as_alice.get(f"/api/v1/collections/{alices_collection.id}/records/", {"limit": limit})
    assert r.status_code == 400


def _pull_queries(client, collection) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert pull(client, collection).status_code == 200
    return len(queries)


def test_a_pull_costs_the_same_queries_however_many_records_come_back(as_alice, alices_collection):
    push(as_alice, alices_collection, write())
    few = _pull_queries(as_alice, alices_collection)
    push(as_alice, alices_collection, *[write() for _ in range(50)])
    assert _pull_queries(as_alice, alices_collection) == few
