"""Opening an invite link and joining: the join proof, never the secret, and each invite once."""

import base64
import os
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle

from casefile.models import Invite, Membership
from tests.casefile.helpers import pull, push, write
from tests.casefile.links.steps import SEALED, join, new_group, new_invite, open_invite

pytestmark = pytest.mark.django_db

BROKEN_LINK = {
    "detail": "This invite link is not valid. Check you copied all of it, or ask for a new one.",
    "code": "not_found",
}


@pytest.fixture
def group(as_alice):
    return new_group(as_alice)


@pytest.fixture
def as_bob(bob):
    client = Client()
    client.force_login(bob)
    return client


def test_the_right_proof_opens_the_sealed_invite(as_alice, group, as_bob):
    invite_id, proof = new_invite(as_alice, group)
    r = open_invite(as_bob, invite_id, proof)
    assert r.status_code == 200
    assert r.json() == {"sealed": SEALED, "key_version": 1}


def test_a_wrong_proof_looks_the_same_as_no_invite(as_alice, group, as_bob):
    invite_id, _ = new_invite(as_alice, group)
    wrong = open_invite(as_bob, invite_id, base64.b64encode(os.urandom(32)).decode())
    unknown = open_invite(as_bob, "00000000-0000-4000-8000-000000000000", base64.b64encode(os.urandom(32)).decode())
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json() == BROKEN_LINK


def test_joining_makes_a_member_who_syncs_the_groups_records(as_alice, group, as_bob, bob):
    assert push(as_alice, group, write()).status_code == 200
    r = join(as_bob, *new_invite(as_alice, group))
    assert r.status_code == 201
    collection = r.json()["collection"]
    assert (collection["id"], collection["kind"], collection["role"]) == (str(group.id), "linkgroup", "member")
    assert collection["wrapped_key"] == SEALED
    assert Membership.objects.get(collection=group, user=bob).role == "member"
    assert len(pull(as_bob, group).json()["records"]) == 1
    assert push(as_bob, group, write()).status_code == 200
    assert str(group.id) in [c["id"] for c in as_bob.get("/api/v1/collections/").json()["collections"]]


def test_an_invite_works_once(as_alice, group, as_bob, django_user_model):
    invite_id, proof = new_invite(as_alice, group)
    assert join(as_bob, invite_id, proof).status_code == 201
    third = Client()
    third.force_login(django_user_model.objects.create_user("cy"))
    for r in (open_invite(third, invite_id, proof), join(third, invite_id, proof)):
        assert r.status_code == 410
        assert r.json() == {"detail": "This invite has already been used. Ask for a new link.", "code": "invite_gone"}
    assert not Membership.objects.filter(collection=group, user__username="cy").exists()


def test_an_expired_invite_is_refused(as_alice, group, as_bob):
    invite_id, proof = new_invite(as_alice, group)
    Invite.objects.filter(pk=invite_id).update(expires=timezone.now() - timedelta(seconds=1))
    r = join(as_bob, invite_id, proof)
    assert r.status_code == 410
    assert r.json() == {"detail": "This invite has expired. Ask for a new link.", "code": "invite_gone"}


def test_joining_with_a_wrong_proof_changes_nothing(as_alice, group, as_bob):
    invite_id, _ = new_invite(as_alice, group)
    r = join(as_bob, invite_id, base64.b64encode(os.urandom(32)).decode())
    assert (r.status_code, r.json()) == (404, BROKEN_LINK)
    assert Invite.objects.get(pk=invite_id).used is None
    assert group.memberships.count() == 1


def test_someone_already_in_the_group_keeps_the_invite_for_someone_else(as_alice, group):
    invite_id, proof = new_invite(as_alice, group)
    r = join(as_alice, invite_id, proof)
    assert r.status_code == 409
    assert Invite.objects.get(pk=invite_id).used is None


def test_an_invite_made_before_the_group_changed_key_is_refused(as_alice, group, as_bob):
    invite_id, proof = new_invite(as_alice, group)
    r = join(as_bob, invite_id, proof, key_version=2)
    assert r.status_code == 410
    assert "Ask for a new link" in r.json()["detail"]


def test_opening_invites_is_rate_limited(as_alice, group, as_bob, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "invites", "3/min")
    invite_id, _ = new_invite(as_alice, group)
    guesses = [open_invite(as_bob, invite_id, base64.b64encode(os.urandom(32)).decode()) for _ in range(4)]
    assert [r.status_code for r in guesses] == [404, 404, 404, 429]


def test_leaving_withdraws_the_invites_you_made_so_you_cannot_rejoin_with_one(as_alice, group, as_bob):
    join(as_bob, *new_invite(as_alice, group))
    invite_id, proof = new_invite(as_bob, group)
    assert as_bob.post(f"/api/v1/collections/{group.id}/leave/").status_code == 204
    assert Invite.objects.get(pk=invite_id).revoked_at is not None
    r = join(as_bob, invite_id, proof)
    assert r.status_code == 410
    assert not Membership.objects.filter(collection=group, user__username="bob").exists()


def test_an_invite_whose_maker_is_no_longer_in_the_group_is_refused(as_alice, group, as_bob, django_user_model):
    join(as_bob, *new_invite(as_alice, group))
    invite_id, proof = new_invite(as_bob, group)
    # However Bob came to leave, an invite he made does not outlive his place in the group.
    Membership.objects.filter(collection=group, user__username="bob").delete()
    cy = Client()
    cy.force_login(django_user_model.objects.create_user("cy"))
    r = join(cy, invite_id, proof)
    assert r.status_code == 410
    assert r.json() == {
        "detail": "The person who made this invite is no longer in the group. Ask for a new link.",
        "code": "inviter_left",
    }
    assert not Membership.objects.filter(collection=group, user__username="cy").exists()
    assert Invite.objects.get(pk=invite_id).used is None


def test_an_invite_whose_maker_deleted_their_account_is_refused(as_alice, group, as_bob, bob, django_user_model):
    join(as_bob, *new_invite(as_alice, group))
    invite_id, proof = new_invite(as_bob, group)
    Membership.objects.filter(collection=group, user=bob).delete()
    bob.delete()
    cy = Client()
    cy.force_login(django_user_model.objects.create_user("cy"))
    assert join(cy, invite_id, proof).status_code == 410
