"""Who is in a group, removing someone, leaving, and the new group key that has to follow."""

import base64

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casefile.accounts.services import delete_account
from casefile.models import Collection, Invite, Membership
from tests.casefile.helpers import make_account, pull, push, write
from tests.casefile.links.steps import SEALED, join, members, new_group, new_invite, new_keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(as_alice):
    return new_group(as_alice)


def joined(django_user_model, as_alice, group, name: str) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_user(name))
    assert join(client, *new_invite(as_alice, group)).status_code == 201
    return client


def member_id(group, name: str) -> int:
    return Membership.objects.get(collection=group, user__username=name).pk


def remove(client, group, name: str, keys: dict):
    path = f"/api/v1/collections/{group.id}/members/{member_id(group, name)}/remove/"
    return client.post(path, keys, "application/json")


def test_it_lists_everyone_with_their_public_key_and_which_one_is_you(as_alice, group, alice, django_user_model):
    as_bea = joined(django_user_model, as_alice, group, "bea")
    make_account(alice, public_key=b"\x04" * 65)
    people = members(as_bea, group)
    assert [(p["role"], p["you"]) for p in people] == [("owner", False), ("member", True)]
    assert base64.b64decode(people[0]["public_key"]) == b"\x04" * 65
    assert people[1]["public_key"] is None  # Bea has no key pair yet
    assert "username" not in people[0]  # display names are chosen per group, encrypted


def test_the_members_list_takes_the_same_number_of_queries_however_many_people(as_alice, group, django_user_model):
    joined(django_user_model, as_alice, group, "bea")
    with CaptureQueriesContext(connection) as few:
        members(as_alice, group)
    for name in ("cy", "dee", "eve"):
        joined(django_user_model, as_alice, group, name)
    with CaptureQueriesContext(connection) as many:
        assert len(members(as_alice, group)) == 5
    assert len(many) == len(few)


def test_someone_outside_the_group_cannot_see_who_is_in_it(group, bob):
    outsider = Client()
    outsider.force_login(bob)
    assert outsider.get(f"/api/v1/collections/{group.id}/members/").status_code == 404


def test_removing_someone_hands_the_new_key_to_everyone_else_at_once(as_alice, group, django_user_model):
    as_bea = joined(django_user_model, as_alice, group, "bea")
    as_cy = joined(django_user_model, as_alice, group, "cy")
    open_invite, _ = new_invite(as_alice, group)
    keys = new_keys([member_id(group, "alice"), member_id(group, "bea")])
    assert remove(as_alice, group, "cy", keys).status_code == 204
    group.refresh_from_db()
    assert group.key_version == 2
    assert set(group.memberships.values_list("user__username", "key_version")) == {("alice", 2), ("bea", 2)}
    assert pull(as_cy, group).status_code == 404
    assert push(as_cy, group, write()).status_code == 404
    assert str(group.id) not in [c["id"] for c in as_cy.get("/api/v1/collections/").json()["collections"]]
    assert pull(as_bea, group).status_code == 200
    assert Invite.objects.get(pk=open_invite).revoked_at is not None  # it carried the old key


@pytest.mark.parametrize("who", [["alice"], ["alice", "bea", "cy"]], ids=["someone-left-out", "the-removed-one-kept"])
def test_a_new_key_that_misses_someone_or_reaches_the_removed_one_is_refused(as_alice, group, django_user_model, who):
    joined(django_user_model, as_alice, group, "bea")
    joined(django_user_model, as_alice, group, "cy")
    ids = [member_id(group, name) for name in who]
    r = remove(as_alice, group, "cy", new_keys(ids))
    assert r.status_code == 409
    assert group.memberships.count() == 3  # nothing changed
    assert Collection.objects.get(pk=group.pk).key_version == 1


def test_a_new_key_must_be_the_next_one(as_alice, group, django_user_model):
    joined(django_user_model, as_alice, group, "bea")
    r = remove(as_alice, group, "bea", new_keys([member_id(group, "alice")], key_version=5))
    assert r.status_code == 409
    assert group.memberships.count() == 2


def test_only_the_person_who_started_the_group_can_remove_someone(as_alice, group, django_user_model):
    as_bea = joined(django_user_model, as_alice, group, "bea")
    joined(django_user_model, as_alice, group, "cy")
    r = remove(as_bea, group, "cy", new_keys([member_id(group, "alice"), member_id(group, "bea")]))
    assert r.status_code == 403
    assert r.json() == {
        "detail": "Only the person who started the group can remove someone.",
        "code": "permission_denied",
    }
    assert group.memberships.count() == 3


def test_a_malformed_new_key_is_a_clear_error(as_alice, group, django_user_model):
    joined(django_user_model, as_alice, group, "bea")
    alice_id = member_id(group, "alice")
    twice = {"key_version": 2, "keys": [{"member": alice_id, "wrapped_key": SEALED}] * 2}
    for body in ({}, {"key_version": 2, "keys": []}, twice, new_keys(["x"])):
        r = remove(as_alice, group, "bea", body)
        assert r.status_code == 400, body
    assert group.memberships.count() == 2


def test_leaving_asks_the_others_for_a_new_key_and_passes_on_the_group(as_alice, group, django_user_model):
    as_bea = joined(django_user_model, as_alice, group, "bea")
    as_cy = joined(django_user_model, as_alice, group, "cy")
    assert as_alice.post(f"/api/v1/collections/{group.id}/leave/").status_code == 204
    group.refresh_from_db()
    assert group.rotation_needed
    assert Membership.objects.get(collection=group, user__username="bea").role == "owner"  # the longest there
    listed = {c["id"]: c for c in as_cy.get("/api/v1/collections/").json()["collections"]}
    assert listed[str(group.id)]["rotation_needed"] is True

    keys = new_keys([member_id(group, "bea"), member_id(group, "cy")])
    assert as_cy.post(f"/api/v1/collections/{group.id}/rotate-key/", keys, "application/json").status_code == 204
    again = as_bea.post(f"/api/v1/collections/{group.id}/rotate-key/", keys | {"key_version": 3}, "application/json")
    assert again.status_code == 409  # Cy's device did it first
    group.refresh_from_db()
    assert (group.key_version, group.rotation_needed) == (2, False)


def test_the_last_one_out_deletes_the_group_and_its_records(as_alice, group):
    push(as_alice, group, write())
    assert as_alice.post(f"/api/v1/collections/{group.id}/leave/").status_code == 204
    assert not Collection.objects.filter(pk=group.pk).exists()


def test_leaving_a_case_file_is_not_a_thing(as_alice, alices_collection):
    assert as_alice.post(f"/api/v1/collections/{alices_collection.id}/leave/").status_code == 404


def test_deleting_an_account_leaves_its_groups_and_the_others_carry_on(as_alice, group, alice, django_user_model):
    joined(django_user_model, as_alice, group, "bea")
    delete_account(user=alice)
    group.refresh_from_db()
    assert group.rotation_needed
    assert list(group.memberships.values_list("user__username", "role")) == [("bea", "owner")]
