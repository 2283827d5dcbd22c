"""Record storage: a quota per person over the case files and groups they started, and a limit per group.

Every device of every member keeps a group's records, so neither one account nor one co-member can fill them.
"""

import pytest
from django.db import connection
from django.db.models import Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casefile.models import Collection, Record
from casefile.sync.services import create_collection
from tests.casefile.helpers import ciphertext, push, write
from tests.casefile.links.steps import join, new_group, new_invite

pytestmark = pytest.mark.django_db

FULL = (
    "Your case files are full (1000 bytes). Delete some entries, or export and remove old case files, "
    "to make room. Your changes are safe on this device."
)


def stored_bytes(collection) -> int:
    return Record.objects.filter(collection=collection).aggregate(total=Sum("size"))["total"] or 0


@pytest.fixture
def as_bob(bob):
    client = Client()
    client.force_login(bob)
    return client


def test_a_push_past_the_quota_is_refused_and_stores_nothing_of_the_batch(as_alice, alices_collection, settings):
    settings.RECORD_QUOTA_BYTES = 1000
    assert push(as_alice, alices_collection, write(data=ciphertext(600))).status_code == 200
    r = push(as_alice, alices_collection, write(data=ciphertext(100)), write(data=ciphertext(400)))
    assert r.status_code == 413
    assert r.json() == {"detail": FULL, "code": "record_storage_full"}
    assert Record.objects.filter(collection=alices_collection).count() == 1
    alices_collection.refresh_from_db()
    assert alices_collection.seq == 1


def test_a_push_up_to_the_quota_is_saved(as_alice, alices_collection, settings):
    settings.RECORD_QUOTA_BYTES = 1000
    r = push(as_alice, alices_collection, write(data=ciphertext(500)), write(data=ciphertext(500)))
    assert r.status_code == 200


def test_the_quota_counts_every_case_file_the_person_started(as_alice, alice, alices_collection, settings):
    settings.RECORD_QUOTA_BYTES = 1000
    other = create_collection(user=alice)
    assert push(as_alice, alices_collection, write(data=ciphertext(800))).status_code == 200
    assert push(as_alice, other, write(data=ciphertext(300))).status_code == 413


def test_the_quota_is_per_person(as_alice, alices_collection, as_bob, bobs_collection, settings):
    settings.RECORD_QUOTA_BYTES = 1000
    assert push(as_alice, alices_collection, write(data=ciphertext(900))).status_code == 200
    assert push(as_bob, bobs_collection, write(data=ciphertext(900))).status_code == 200


def test_edits_and_deletes_that_free_room_are_saved_even_over_the_quota(as_alice, alices_collection, settings):
    big, other = write(data=ciphertext(600)), write(data=ciphertext(300))
    push(as_alice, alices_collection, big, other)
    settings.RECORD_QUOTA_BYTES = 500  # lowered since: the person can still tidy up
    smaller = write(big["id"], base_version=1, data=ciphertext(400))
    assert push(as_alice, alices_collection, smaller).status_code == 200
    assert push(as_alice, alices_collection, write(other["id"], base_version=1, deleted=True)).status_code == 200
    assert push(as_alice, alices_collection, write(data=ciphertext(200))).status_code == 413
    assert push(as_alice, alices_collection, write(data=ciphertext(100))).status_code == 200


def test_the_running_total_follows_creates_edits_deletes_and_retries(as_alice, alices_collection):
    first, second = write(data=ciphertext(300)), write(data=ciphertext(200))
    push(as_alice, alices_collection, first, second)
    push(as_alice, alices_collection, first, second)  # a retry changes nothing
    push(as_alice, alices_collection, write(first["id"], base_version=1, data=ciphertext(50)))
    push(as_alice, alices_collection, write(second["id"], base_version=1, deleted=True))
    push(as_alice, alices_collection, write(second["id"], base_version=5, data=ciphertext(999)))  # a conflict
    alices_collection.refresh_from_db()
    assert alices_collection.record_bytes == stored_bytes(alices_collection) == 50


def test_a_push_asks_the_database_for_at_most_one_total(as_alice, alice, alices_collection):
    create_collection(user=alice)
    with CaptureQueriesContext(connection) as queries:
        assert push(as_alice, alices_collection, *[write() for _ in range(20)]).status_code == 200
    assert sum("SUM(" in query["sql"].upper() for query in queries.captured_queries) <= 1


def test_a_group_has_its_own_limit_whoever_writes(as_alice, as_bob, settings):
    settings.LINK_GROUP_QUOTA_BYTES = 1000
    group = new_group(as_alice)
    assert join(as_bob, *new_invite(as_alice, group)).status_code == 201
    assert push(as_bob, group, write(data=ciphertext(900))).status_code == 200
    r = push(as_alice, group, write(data=ciphertext(200)))
    assert r.status_code == 413
    assert r.json() == {
        "detail": "This group is full (1000 bytes of shared records). Delete some of its notes or references "
        "to make room. Your changes are safe on this device.",
        "code": "group_full",
    }
    assert Record.objects.filter(collection=group).count() == 1


def test_a_group_counts_towards_the_quota_of_the_person_who_started_it(as_alice, alices_collection, as_bob, settings):
    settings.RECORD_QUOTA_BYTES = 1000
    group = new_group(as_alice)
    join(as_bob, *new_invite(as_alice, group))
    assert push(as_bob, group, write(data=ciphertext(600))).status_code == 200
    assert push(as_alice, alices_collection, write(data=ciphertext(600))).status_code == 413
    r = push(as_bob, group, write(data=ciphertext(600)))
    assert r.status_code == 413
    assert "started this group" in r.json()["detail"]
    assert Collection.objects.get(pk=group.pk).record_bytes == 600
