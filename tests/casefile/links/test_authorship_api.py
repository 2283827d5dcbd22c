"""A member of a link group writes only as themselves: the server records who wrote each record.

The harasser may join a group as a "co-victim". Whatever their device sends, they cannot change,
delete or pre-empt what someone else shared, nor rename the group, and what they shared leaves
with them.
"""

import uuid

import pytest
from django.apps import apps
from django.test import Client

from casefile.accounts.services import delete_account
from casefile.models import Collection, Membership, Record
from casefile.record_ids import details_record_id, named_record_id
from tests.casefile.helpers import pull, push, write
from tests.casefile.links.steps import join, new_group, new_invite, new_keys

pytestmark = pytest.mark.django_db

NOT_YOURS = "You can only change or delete what you shared yourself. Someone else in this group shared this."


@pytest.fixture
def group(as_alice):
    group = new_group(as_alice)
    assert push(as_alice, group, write(details_record_id(group.id))).status_code == 200
    return group


def joined(django_user_model, as_alice, group, name: str) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_user(name))
    assert join(client, *new_invite(as_alice, group)).status_code == 201
    return client


@pytest.fixture
def as_mallory(django_user_model, as_alice, group):
    return joined(django_user_model, as_alice, group, "mallory")


def membership(group, name: str) -> Membership:
    return Membership.objects.get(collection=group, user__username=name)


def shared(client, group) -> str:
    """Something this member shares; its record id."""
    entry = write()
    assert push(client, group, entry).status_code == 200
    return entry["id"]


def record(group, record_id) -> Record:
    return Record.objects.get(collection=group, record_id=record_id)


@pytest.mark.parametrize("deleted", [False, True], ids=["altered", "deleted"])
def test_a_member_cannot_change_or_delete_what_another_member_shared(as_alice, as_mallory, group, deleted):
    alices = shared(as_alice, group)
    before = bytes(record(group, alices).ciphertext)
    r = push(as_mallory, group, write(alices, base_version=1, deleted=deleted))
    assert r.status_code == 403
    assert r.json() == {"detail": NOT_YOURS, "code": "not_your_record", "records": [alices]}
    assert bytes(record(group, alices).ciphertext) == before
    assert record(group, alices).version == 1
    assert not record(group, alices).deleted


def test_a_member_changes_and_deletes_what_they_shared(as_mallory, group):
    mine = shared(as_mallory, group)
    assert push(as_mallory, group, write(mine, base_version=1)).json()["results"][0]["status"] == "saved"
    assert push(as_mallory, group, write(mine, base_version=2, deleted=True)).json()["results"][0]["status"] == "saved"
    assert record(group, mine).deleted


def test_a_refused_batch_saves_nothing_of_it(as_alice, as_mallory, group):
    alices = shared(as_alice, group)
    seq = Collection.objects.get(pk=group.pk).seq
    own = write()
    assert push(as_mallory, group, own, write(alices, base_version=1)).status_code == 403
    assert not Record.objects.filter(record_id=own["id"]).exists()
    assert Collection.objects.get(pk=group.pk).seq == seq


def test_only_the_person_who_started_the_group_can_rename_it(as_alice, as_mallory, group):
    details = str(details_record_id(group.id))
    r = push(as_mallory, group, write(details, base_version=1))
    assert r.status_code == 403
    assert r.json() == {
        "detail": "Only the person who started the group can change its name.",
        "code": "starter_only",
        "records": [details],
    }
    assert push(as_mallory, group, write(details, base_version=1, deleted=True)).status_code == 403
    assert push(as_alice, group, write(details, base_version=1)).status_code == 200


def test_nobody_else_can_write_the_details_of_a_group_whose_starter_never_did(as_alice, django_user_model):
    group = new_group(as_alice)
    as_mallory = joined(django_user_model, as_alice, group, "mallory")
    assert push(as_mallory, group, write(details_record_id(group.id))).status_code == 403


def test_a_member_cannot_write_another_members_name_or_note_even_before_they_do(as_alice, as_mallory, group):
    alice = membership(group, "alice")
    for name in (f"member-{alice.pk}", f"note-{alice.pk}"):
        r = push(as_mallory, group, write(named_record_id(group.id, name)))
        assert r.status_code == 403, name
        assert r.json()["code"] == "not_your_record"
    assert push(as_alice, group, write(named_record_id(group.id, f"member-{alice.pk}"))).status_code == 200


def test_a_name_written_ahead_for_someone_not_yet_in_the_group_is_handed_to_them_when_they_join(
    as_alice, as_mallory, group, django_user_model
):
    next_id = membership(group, "mallory").pk + 1
    squatted = named_record_id(group.id, f"member-{next_id}")
    assert push(as_mallory, group, write(squatted)).status_code == 200
    as_bob = joined(django_user_model, as_alice, group, "bob")
    bob = membership(group, "bob")
    assert bob.pk == next_id
    taken = record(group, squatted)
    assert (taken.deleted, taken.author_id) == (True, bob.pk)  # a tombstone, so devices drop the forgery
    assert push(as_bob, group, write(squatted, base_version=taken.version)).status_code == 200
    assert push(as_mallory, group, write(squatted, base_version=taken.version + 1)).status_code == 403


def test_the_pull_answer_names_who_wrote_each_group_record(as_alice, as_mallory, group):
    alices, mallorys = shared(as_alice, group), shared(as_mallory, group)
    authors = {each["id"]: each["author"] for each in pull(as_alice, group).json()["records"]}
    assert authors[alices] == membership(group, "alice").pk
    assert authors[mallorys] == membership(group, "mallory").pk
    assert authors[str(details_record_id(group.id))] == membership(group, "alice").pk


def test_a_saved_write_and_a_conflict_name_the_author_too(as_alice, as_mallory, group):
    alices = shared(as_alice, group)
    results = push(as_alice, group, write(alices, base_version=0)).json()["results"]
    assert results[0]["status"] == "conflict"
    assert results[0]["server"]["author"] == membership(group, "alice").pk
    assert push(as_mallory, group, write()).json()["results"][0]["author"] == membership(group, "mallory").pk


def test_case_files_are_unaffected(as_alice, alices_collection):
    entry = write()
    assert push(as_alice, alices_collection, entry).status_code == 200
    assert push(as_alice, alices_collection, write(entry["id"], base_version=1, deleted=True)).status_code == 200
    assert [each["author"] for each in pull(as_alice, alices_collection).json()["records"]] == [None]


def test_removing_someone_takes_out_what_they_shared_as_tombstones(as_alice, as_mallory, group, django_user_model):
    as_bob = joined(django_user_model, as_alice, group, "bob")
    bobs, mallorys = shared(as_bob, group), shared(as_mallory, group)
    cursor = pull(as_bob, group).json()["cursor"]
    before = Collection.objects.get(pk=group.pk).record_bytes
    size = record(group, mallorys).size
    keys = new_keys([membership(group, "alice").pk, membership(group, "bob").pk])
    path = f"/api/v1/collections/{group.id}/members/{membership(group, 'mallory').pk}/remove/"
    assert as_alice.post(path, keys, "application/json").status_code == 204

    changes = pull(as_bob, group, since=cursor).json()["records"]
    assert [(each["id"], each["deleted"], each["ciphertext"]) for each in changes] == [(mallorys, True, "")]
    assert not record(group, bobs).deleted
    assert Collection.objects.get(pk=group.pk).record_bytes == before - size


def test_leaving_takes_out_what_you_shared_but_not_the_groups_name(as_alice, as_mallory, group):
    alices, mallorys = shared(as_alice, group), shared(as_mallory, group)
    assert as_alice.post(f"/api/v1/collections/{group.id}/leave/").status_code == 204
    assert record(group, alices).deleted
    assert not record(group, mallorys).deleted
    assert not record(group, details_record_id(group.id)).deleted  # the group's, not Alice's
    assert membership(group, "mallory").role == "owner"
    assert push(as_mallory, group, write(details_record_id(group.id), base_version=1)).status_code == 200


def test_a_record_from_before_authors_were_kept_is_claimed_by_its_next_writer(as_alice, as_mallory, group):
    old = shared(as_alice, group)
    Record.objects.filter(record_id=old).update(author=None)
    assert push(as_mallory, group, write(old, base_version=1)).status_code == 200
    assert record(group, old).author_id == membership(group, "mallory").pk  # so it shows under Mallory's name
    assert push(as_alice, group, write(old, base_version=2)).status_code == 403


def test_a_member_cannot_give_everyone_a_new_keyring_unless_the_group_needs_one(as_alice, as_mallory, group):
    """Already so before authors were kept; here so the rule stays: rotation answers `rotation_needed` only."""
    everyone = [membership(group, name).pk for name in ("alice", "mallory")]
    r = as_mallory.post(f"/api/v1/collections/{group.id}/rotate-key/", new_keys(everyone), "application/json")
    assert r.status_code == 409
    assert Collection.objects.get(pk=group.pk).key_version == 1
    assert set(Membership.objects.filter(collection=group).values_list("key_version", flat=True)) == {1}


def test_the_server_names_records_as_the_device_does():
    """Made by `namedRecordId` in static/js/casefile/crypto.js, in Node."""
    group_id = uuid.UUID("0b1e7c3a-8f2d-4c1e-9a6b-1234567890ab")
    assert str(details_record_id(group_id)) == "6e3854b2-7997-5960-8bd4-d20c4b097c1b"
    assert str(named_record_id(group_id, "member-1")) == "1f8be4f7-95ad-58bb-8d1e-efca82123f95"
    assert str(named_record_id(group_id, "note-12")) == "662a8f3f-9f2c-567d-bf9d-db9eeab596f6"


def test_records_from_before_authors_were_kept_get_the_author_their_id_names(as_alice, as_mallory, group):
    migration = __import__("casefile.migrations.0009_record_author", fromlist=["name_known_authors"])
    mallory = membership(group, "mallory")
    name = named_record_id(group.id, f"member-{mallory.pk}")
    push(as_mallory, group, write(name))
    reference = shared(as_mallory, group)
    Record.objects.update(author=None)
    migration.name_known_authors(apps, None)
    assert record(group, name).author_id == mallory.pk
    assert record(group, details_record_id(group.id)).author_id == membership(group, "alice").pk
    assert record(group, reference).author_id is None  # its id says nothing: the next writer claims it


def test_deleting_an_account_takes_out_what_it_shared(as_alice, as_mallory, group):
    mallorys = shared(as_mallory, group)
    delete_account(user=membership(group, "mallory").user)
    assert record(group, mallorys).deleted


def test_the_starter_can_remove_someone_after_a_new_key_their_device_could_not_use(
    as_alice, as_mallory, group, django_user_model
):
    """A member answering `rotation_needed` may send garbage: the starter's re-key just follows its number."""
    as_bob = joined(django_user_model, as_alice, group, "bob")
    assert as_bob.post(f"/api/v1/collections/{group.id}/leave/").status_code == 204
    everyone = [membership(group, name).pk for name in ("alice", "mallory")]
    rotated = as_mallory.post(f"/api/v1/collections/{group.id}/rotate-key/", new_keys(everyone), "application/json")
    assert rotated.status_code == 204
    keys = new_keys([membership(group, "alice").pk], key_version=3)
    path = f"/api/v1/collections/{group.id}/members/{membership(group, 'mallory').pk}/remove/"
    assert as_alice.post(path, keys, "application/json").status_code == 204
    assert Collection.objects.get(pk=group.pk).key_version == 3
