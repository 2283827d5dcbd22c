"""The network drops between request and response: the push was applied, but the device never heard back.

The device sends the same writes again. Nothing is applied twice and nothing is lost: a write the server
already holds answers "saved" with the version it got the first time.
"""

import pytest

from casefile.models import Collection, Record
from tests.casefile.helpers import pull, push, write

pytestmark = pytest.mark.django_db


def stored(collection) -> tuple:
    records = Record.objects.filter(collection=collection).order_by("record_id")
    rows = [(r.record_id, r.version, r.seq, bytes(r.ciphertext), r.deleted, r.updated) for r in records]
    return Collection.objects.get(pk=collection.pk).seq, rows


@pytest.fixture
def history(as_alice, alices_collection):
    """Three records at version 1, one of them since edited to version 2 by another device."""
    edited, deleted, moved_on = write(), write(), write()
    push(as_alice, alices_collection, edited, deleted, moved_on)
    push(as_alice, alices_collection, write(moved_on["id"], base_version=1))
    return edited, deleted, moved_on


def test_a_batch_sent_again_after_a_lost_answer_gets_the_same_answer_and_changes_nothing(
    as_alice, alices_collection, history
):
    edited, deleted, moved_on = history
    batch = [
        write(),
        write(edited["id"], base_version=1),
        write(deleted["id"], base_version=1, deleted=True),
        write(moved_on["id"], base_version=1),  # a conflict, the first time and every time
    ]
    lost = push(as_alice, alices_collection, *batch)  # applied; the answer never reaches the device
    assert lost.status_code == 200
    after_first = stored(alices_collection)

    again = push(as_alice, alices_collection, *batch)
    assert again.status_code == 200
    assert again.json() == lost.json()
    assert [(r["status"], r["version"]) for r in again.json()["results"]] == [
        ("saved", 1), ("saved", 2), ("saved", 2), ("conflict", 2)
    ]  # fmt: skip
    assert stored(alices_collection) == after_first

    records = pull(as_alice, alices_collection).json()["records"]
    assert len(records) == len({r["id"] for r in records}) == 4
    assert {r["id"]: r["deleted"] for r in records}[deleted["id"]] is True


def test_it_saves_writes_queued_since_alongside_the_resent_ones(as_alice, alices_collection, history):
    edited, _deleted, _moved_on = history
    first = [write(), write(edited["id"], base_version=1)]
    push(as_alice, alices_collection, *first)  # answer lost
    seq = stored(alices_collection)[0]

    # The device sends its whole outbox again, with an edit made while it waited.
    newer = write()
    results = push(as_alice, alices_collection, *first, newer).json()["results"]
    assert [(r["id"], r["status"], r["version"]) for r in results] == [
        (first[0]["id"], "saved", 1),
        (first[1]["id"], "saved", 2),
        (newer["id"], "saved", 1),
    ]
    assert stored(alices_collection)[0] == seq + 1


def test_a_lost_answer_sent_again_many_times_is_applied_once(as_alice, alices_collection):
    batch = [write(), write()]
    answers = [push(as_alice, alices_collection, *batch).json() for _ in range(5)]
    assert all(answer == answers[0] for answer in answers)
    assert stored(alices_collection)[0] == 2


def test_a_retry_after_another_device_built_on_the_write_changes_nothing(as_alice, alices_collection, history):
    edited, _deleted, _moved_on = history
    mine = write(edited["id"], base_version=1)
    push(as_alice, alices_collection, mine)  # saved as version 2; answer lost
    theirs = write(edited["id"], base_version=2)  # another device pulled version 2 and edited it
    push(as_alice, alices_collection, theirs)
    before = stored(alices_collection)

    result = push(as_alice, alices_collection, mine).json()["results"][0]
    # The device keeps its copy beside the newer one: nothing is dropped, and the newer edit is not overwritten.
    assert result["status"] == "conflict"
    assert result["server"]["version"] == 3
    assert result["server"]["ciphertext"] == theirs["ciphertext"]
    assert stored(alices_collection) == before


def test_a_delete_sent_again_after_its_answer_was_lost_stays_deleted(as_alice, alices_collection, history):
    _edited, deleted, _moved_on = history
    tombstone = write(deleted["id"], base_version=1, deleted=True)
    push(as_alice, alices_collection, tombstone)  # answer lost
    again = push(as_alice, alices_collection, tombstone).json()["results"][0]
    assert (again["status"], again["version"]) == ("saved", 2)
    # An old edit of the deleted record, delivered late, cannot bring it back.
    late = push(as_alice, alices_collection, write(deleted["id"], base_version=1)).json()["results"][0]
    assert late["status"] == "conflict"
    assert Record.objects.get(record_id=deleted["id"]).deleted
