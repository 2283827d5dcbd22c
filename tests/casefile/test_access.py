"""Access to case files: someone else's look like nothing, and a signed-out request is told so.

Every endpoint, found from the URL conf, is tried as nobody and as another person in
test_every_endpoint_access.py; this module covers what a table cannot say.
"""

import pytest
from django.test import Client

from tests.casefile.helpers import pull, push, write

pytestmark = pytest.mark.django_db

SIGNED_OUT = {
    "detail": "You are signed out. Unlock your case file with your passphrase to sign in again.",
    "code": "not_authenticated",
}


def test_it_hides_another_users_collection_from_pull(as_alice, bobs_collection):
    assert pull(as_alice, bobs_collection).status_code == 404


def test_it_hides_another_users_collection_from_push(as_alice, bobs_collection):
    r = push(as_alice, bobs_collection, write())
    assert r.status_code == 404
    assert not bobs_collection.records.exists()


def test_it_leaves_another_users_collections_out_of_the_list(as_alice, alices_collection, bobs_collection):
    ids = [c["id"] for c in as_alice.get("/api/v1/collections/").json()["collections"]]
    assert ids == [str(alices_collection.id)]


def test_an_unknown_collection_looks_the_same_as_someone_elses(as_alice, bobs_collection):
    unknown = pull(as_alice, type(bobs_collection)(id="00000000-0000-4000-8000-000000000000"))
    theirs = pull(as_alice, bobs_collection)
    assert (unknown.status_code, unknown.json()) == (theirs.status_code, theirs.json())


def test_a_session_ended_elsewhere_gets_the_same_401_as_nobody(alice, alices_collection):
    device, other = Client(), Client()
    device.force_login(alice)
    other.force_login(alice)
    other.post("/api/v1/auth/logout/")
    device.cookies = other.cookies  # the cookie of the session that just ended
    r = push(device, alices_collection, write())
    assert (r.status_code, r["WWW-Authenticate"], r.json()) == (401, "Session", SIGNED_OUT)
    assert not alices_collection.records.exists()


def test_a_signed_in_request_without_the_csrf_token_is_still_a_403(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    r = browser.post("/api/v1/collections/", {}, content_type="application/json")
    assert r.status_code == 403
    assert "CSRF" in r.json()["detail"]
    assert "WWW-Authenticate" not in r
