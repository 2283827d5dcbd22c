"""Deleting and account changes need the passphrase checked in the last few minutes, not just a live session.

The attack: a phone left signed in (locked, borrowed, or the tab closed while unlocked) still
carries a session cookie. Whoever holds it must not be able to empty the case file, delete
evidence, sign the owner's other devices out or take them out of a link group.
"""

from base64 import b64decode

import pytest
from django.conf import settings
from django.test import Client

from casefile.models import Collection, DeviceSession, Membership, Record
from tests.casefile.helpers import NEW_ACCOUNT, b64, post, push, upload, write
from tests.casefile.links.steps import new_group, new_keys

pytestmark = pytest.mark.django_db

STALE_AFTER = {"seconds": settings.FRESH_SIGN_IN_SECONDS + 1}
CONFIRM = {"auth_key": NEW_ACCOUNT["auth_key"]}


@pytest.fixture
def phone(clock):
    phone = Client()
    assert post(phone, "register", NEW_ACCOUNT).status_code == 201
    return phone


@pytest.fixture
def casefile(phone):
    body = {"wrapped_key": b64(b"k" * 60)}
    return Collection.objects.get(pk=phone.post("/api/v1/collections/", body, "application/json").json()["id"])


def assert_needs_fresh_sign_in(response) -> None:
    assert response.status_code == 403, response.content
    assert response.json() == {
        "detail": "To keep your case file safe, enter your passphrase again to do this.",
        "code": "fresh_sign_in_required",
    }


def test_deleting_records_needs_a_recent_passphrase(phone, casefile, clock):
    entry = write()
    assert push(phone, casefile, entry).status_code == 200
    clock.advance(**STALE_AFTER)
    assert_needs_fresh_sign_in(push(phone, casefile, write(entry["id"], base_version=1, deleted=True)))
    assert not Record.objects.filter(collection=casefile, deleted=True).exists()


def test_overwriting_records_needs_a_recent_passphrase(phone, casefile, clock):
    entry = write()
    push(phone, casefile, entry)
    clock.advance(**STALE_AFTER)
    assert_needs_fresh_sign_in(push(phone, casefile, write(entry["id"], base_version=1, data="Z" * 64)))
    assert bytes(Record.objects.get(collection=casefile, record_id=entry["id"]).ciphertext) == b64decode(
        entry["ciphertext"]
    )


def test_adding_records_works_in_any_live_session(phone, casefile, clock):
    clock.advance(**STALE_AFTER)
    assert push(phone, casefile, write()).json()["results"][0]["status"] == "saved"


def test_confirming_the_passphrase_makes_the_session_fresh_again(phone, casefile, clock):
    entry = write()
    push(phone, casefile, entry)
    clock.advance(**STALE_AFTER)
    assert post(phone, "confirm", CONFIRM).status_code == 204
    assert push(phone, casefile, write(entry["id"], base_version=1, deleted=True)).status_code == 200
    clock.advance(**STALE_AFTER)
    assert_needs_fresh_sign_in(push(phone, casefile, write(deleted=True)))


def test_a_wrong_passphrase_does_not_confirm_and_counts_towards_the_lockout(phone, casefile, clock):
    clock.advance(**STALE_AFTER)
    answers = [post(phone, "confirm", {"auth_key": b64(b"w" * 32)}) for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert [r.status_code for r in answers] == [400] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    assert answers[0].json() == {"auth_key": ["Your passphrase is not right."]}
    assert post(phone, "confirm", CONFIRM).status_code == 429  # the right one is not checked while locked out
    assert_needs_fresh_sign_in(push(phone, casefile, write(deleted=True)))


def test_deleting_an_evidence_file_needs_a_recent_passphrase(phone, casefile, clock):
    blob_id = upload(phone, casefile, b"screenshot bytes")
    clock.advance(**STALE_AFTER)
    assert_needs_fresh_sign_in(phone.delete(f"/api/v1/blobs/{blob_id}/"))
    assert phone.get(f"/api/v1/blobs/{blob_id}/").status_code == 200
    post(phone, "confirm", CONFIRM)
    assert phone.delete(f"/api/v1/blobs/{blob_id}/").status_code == 204


def test_signing_other_devices_out_needs_a_recent_passphrase(phone, clock):
    laptop = Client()
    assert post(laptop, "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 200
    laptop_row = DeviceSession.objects.get(session_key=laptop.cookies["sessionid"].value)
    clock.advance(**STALE_AFTER)
    assert_needs_fresh_sign_in(post(phone, "devices/sign-out-others", {}))
    assert_needs_fresh_sign_in(post(phone, f"devices/{laptop_row.pk}/sign-out", {}))
    assert laptop.get("/api/v1/collections/").status_code == 200


def test_leaving_or_removing_from_a_group_needs_a_recent_passphrase(phone, clock, django_user_model):
    group = new_group(phone)
    other = django_user_model.objects.create_user("kim")
    member = Membership.objects.create(collection=group, user=other, wrapped_key=b"k" * 60)
    clock.advance(**STALE_AFTER)
    remove = phone.post(f"/api/v1/collections/{group.id}/members/{member.pk}/remove/", new_keys([]), "application/json")
    assert_needs_fresh_sign_in(remove)
    assert_needs_fresh_sign_in(phone.post(f"/api/v1/collections/{group.id}/leave/"))
    assert Membership.objects.filter(collection=group).count() == 2


def test_signing_in_again_is_fresh(phone, casefile, clock):
    clock.advance(**STALE_AFTER)
    assert post(phone, "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 200
    assert push(phone, casefile, write(deleted=True)).status_code == 200


def test_signing_in_again_in_a_live_session_gives_it_a_new_key(phone):
    before = phone.cookies["sessionid"].value
    copied = Client()
    copied.cookies["sessionid"] = before  # someone copied the cookie while the phone was signed in
    assert post(phone, "login", {"username": "sam", "auth_key": NEW_ACCOUNT["auth_key"]}).status_code == 200
    assert phone.cookies["sessionid"].value != before
    assert phone.get("/api/v1/collections/").status_code == 200
    assert copied.get("/api/v1/collections/").status_code == 401
    assert DeviceSession.objects.filter(session_key=before).count() == 0


def test_the_recovery_code_sets_a_new_passphrase_without_the_old_one_only_for_a_few_minutes(clock):
    post(Client(), "register", NEW_ACCOUNT)
    device = Client()
    assert post(device, "recover", {"username": "sam", "recovery_key": NEW_ACCOUNT["recovery_key"]}).status_code == 200
    clock.advance(**STALE_AFTER)
    change = {"new_auth_key": b64(b"n" * 32), "wrapped_vault_key": b64(b"w" * 60)}
    r = post(device, "passphrase", change)
    assert r.status_code == 400
    assert r.json() == {"current_auth_key": ["Your current passphrase is not right."]}
