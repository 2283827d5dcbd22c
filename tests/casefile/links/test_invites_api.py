"""Making, listing and withdrawing invite links. The link's secret never reaches the server."""

import base64
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle

from casefile.models import Invite
from tests.casefile.links.steps import SEALED, join, new_group, new_invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(as_alice):
    return new_group(as_alice)


def test_an_invite_works_for_seven_days_and_keeps_only_a_hash_of_the_join_proof(as_alice, group):
    invite_id, proof = new_invite(as_alice, group)
    invite = Invite.objects.get(pk=invite_id)
    assert timedelta(days=7) - (invite.expires - timezone.now()) < timedelta(minutes=1)
    assert len(invite.proof_hash) == 64
    assert base64.b64decode(proof).hex() not in invite.proof_hash
    assert invite.key_version == group.key_version


def test_sending_the_same_invite_again_is_a_harmless_retry(as_alice, group):
    body = {"id": str(uuid.uuid4()), "proof_hash": "a" * 64, "sealed": SEALED}
    first = as_alice.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json")
    again = as_alice.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert Invite.objects.count() == 1


def test_it_lists_my_invites_newest_first_with_where_each_stands(as_alice, group, bob):
    used, _ = new_invite(as_alice, group)
    Invite.objects.filter(pk=used).update(used=timezone.now(), created=timezone.now() - timedelta(hours=1))
    fresh, _ = new_invite(as_alice, group)
    r = as_alice.get(f"/api/v1/collections/{group.id}/invites/")
    assert r.status_code == 200
    assert [(each["id"], each["status"]) for each in r.json()["invites"]] == [(fresh, "open"), (used, "used")]


def test_someone_outside_the_group_cannot_see_or_make_its_invites(group, bob):
    outsider = Client()
    outsider.force_login(bob)
    assert outsider.get(f"/api/v1/collections/{group.id}/invites/").status_code == 404
    body = {"id": str(uuid.uuid4()), "proof_hash": "a" * 64, "sealed": SEALED}
    assert outsider.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json").status_code == 404


def test_a_case_file_has_no_invites(as_alice, alices_collection):
    assert as_alice.get(f"/api/v1/collections/{alices_collection.id}/invites/").status_code == 404


@pytest.mark.parametrize(
    "body, field",
    [
        ({"proof_hash": "A" * 64}, "proof_hash"),
        ({"proof_hash": "a" * 63}, "proof_hash"),
        ({"sealed": "c2hvcnQ="}, "sealed"),
        ({"id": "not-a-uuid"}, "id"),
    ],
)
def test_it_refuses_a_malformed_invite(as_alice, group, body, field):
    invite = {"id": str(uuid.uuid4()), "proof_hash": "a" * 64, "sealed": SEALED} | body
    r = as_alice.post(f"/api/v1/collections/{group.id}/invites/", invite, "application/json")
    assert r.status_code == 400
    assert field in r.json()


def test_a_group_can_have_only_so_many_unused_invites(as_alice, group, settings):
    settings.LINK_MAX_OPEN_INVITES = 2
    new_invite(as_alice, group)
    new_invite(as_alice, group)
    body = {"id": str(uuid.uuid4()), "proof_hash": "a" * 64, "sealed": SEALED}
    r = as_alice.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json")
    assert r.status_code == 409
    assert "Withdraw some" in r.json()["detail"]


def test_withdrawing_an_unused_invite_stops_it_working(as_alice, group, bob):
    invite_id, proof = new_invite(as_alice, group)
    r = as_alice.post(f"/api/v1/invites/{invite_id}/revoke/")
    assert r.status_code == 200
    assert r.json()["status"] == "revoked"
    joiner = Client()
    joiner.force_login(bob)
    r = join(joiner, invite_id, proof)
    assert r.status_code == 410
    assert r.json() == {"detail": "This invite was withdrawn. Ask for a new link.", "code": "invite_gone"}


def test_a_used_invite_cannot_be_withdrawn(as_alice, group, bob):
    invite_id, proof = new_invite(as_alice, group)
    joiner = Client()
    joiner.force_login(bob)
    assert join(joiner, invite_id, proof).status_code == 201
    r = as_alice.post(f"/api/v1/invites/{invite_id}/revoke/")
    assert r.status_code == 409


def test_only_the_maker_or_the_person_who_started_the_group_can_withdraw_an_invite(as_alice, group, bob):
    member = Client()
    member.force_login(bob)
    join(member, *new_invite(as_alice, group))
    alices, _ = new_invite(as_alice, group)
    bobs, _ = new_invite(member, group)
    assert member.post(f"/api/v1/invites/{alices}/revoke/").status_code == 404
    assert member.post(f"/api/v1/invites/{bobs}/revoke/").status_code == 200
    assert as_alice.post(f"/api/v1/invites/{bobs}/revoke/").status_code == 200  # she started the group


@pytest.mark.parametrize("change", ["make", "withdraw"])
def test_making_and_withdrawing_invites_is_rate_limited(as_alice, group, monkeypatch, change):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "invites", "3/min")
    invite_ids = [new_invite(as_alice, group)[0] for _ in range(2 if change == "withdraw" else 3)]
    if change == "make":
        body = {"id": str(uuid.uuid4()), "proof_hash": "a" * 64, "sealed": SEALED}
        r = as_alice.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json")
    else:
        assert as_alice.post(f"/api/v1/invites/{invite_ids[0]}/revoke/").status_code == 200
        r = as_alice.post(f"/api/v1/invites/{invite_ids[1]}/revoke/")
    assert r.status_code == 429
    assert r["Retry-After"]


def test_listing_invites_is_not_rate_limited(as_alice, group, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "invites", "1/min")
    assert [as_alice.get(f"/api/v1/collections/{group.id}/invites/").status_code for _ in range(3)] == [200] * 3


def test_a_group_can_make_only_so_many_invites_in_all(as_alice, group, settings):
    settings.LINK_MAX_INVITES = 3
    for _ in range(3):
        invite_id, _ = new_invite(as_alice, group)
        assert as_alice.post(f"/api/v1/invites/{invite_id}/revoke/").status_code == 200
    body = {"id": str(uuid.uuid4()), "proof_hash": "a" * 64, "sealed": SEALED}
    r = as_alice.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json")
    assert r.status_code == 409
    assert r.json() == {
        "detail": "This group has had 3 invites, the most one group can have. Start a new group.",
        "code": "limit_reached",
    }
    assert Invite.objects.count() == 3


def test_an_invite_id_someone_else_made_answers_as_an_unknown_one_would(as_alice, group, bob):
    theirs = Client()
    theirs.force_login(bob)
    bobs_group = new_group(theirs)
    invite_id, _ = new_invite(theirs, bobs_group)
    unknown = as_alice.post(f"/api/v1/invites/{uuid.uuid4()}/revoke/")
    body = {"id": invite_id, "proof_hash": "a" * 64, "sealed": SEALED}
    r = as_alice.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json")
    assert (
        (r.status_code, r.json())
        == (unknown.status_code, unknown.json())
        == (404, {"detail": "Not found.", "code": "not_found"})
    )
    assert Invite.objects.get(pk=invite_id).collection == bobs_group
