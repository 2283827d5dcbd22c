"""Every case-file endpoint, tried as nobody and as someone who is not a member.

The endpoints come from the URL conf, not from a list kept by hand: a new endpoint is tried
automatically. With no session, or an ended one, it must answer 401 (so the page knows it is
signed out) unless it is in OPEN, which says why. As another person, every id that is not
theirs must be a 404, the same as an id that does not exist.
"""

import os
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from casefile.models import Blob, DeviceSession
from casefile.urls import urlpatterns
from tests.casefile.conftest import pull, push, upload, write

pytestmark = pytest.mark.django_db

SIGNED_OUT = {"detail": "You are signed out. Unlock your case file with your passphrase to sign in again."}
# Open without a session, on purpose.
OPEN = {
    "csrf": "gives a signed-out device the CSRF cookie it needs to sign in",
    "salt": "signing in",
    "register": "signing in",
    "login": "signing in",
    "recover": "signing in with the recovery code",
    "schema": "404 for everyone but staff (test_schema.py)",
}
METHODS = ["get", "post", "put", "patch", "delete"]
ENDPOINTS = [
    (pattern, method)
    for pattern in urlpatterns
    for method in METHODS
    if hasattr(pattern.callback.view_class, method) and pattern.name not in OPEN
]


def endpoint_id(value) -> str:
    return value if isinstance(value, str) else str(value.pattern)


def sample_url(pattern, values: dict) -> str:
    missing = set(pattern.pattern.converters) - set(values)
    assert not missing, f"give test_access.py a sample value for {missing} ({pattern.pattern})"
    return reverse(f"casefile:{pattern.name}", kwargs={name: values[name] for name in pattern.pattern.converters})


def call(client, method: str, url: str):
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, "{}", content_type="application/json")


ANY_IDS = {"collection_id": uuid.uuid4(), "blob_id": uuid.uuid4(), "device_id": 1}


@pytest.mark.parametrize(("pattern", "method"), ENDPOINTS, ids=endpoint_id)
def test_nobody_signed_in_gets_a_401_that_says_so(client, alices_collection, pattern, method):
    r = call(client, method, sample_url(pattern, ANY_IDS | {"collection_id": alices_collection.id}))
    assert r.status_code == 401
    assert r["WWW-Authenticate"] == "Session"
    assert r.json() == SIGNED_OUT
    assert r["Cache-Control"] == "no-store"
    assert not alices_collection.records.exists()


def test_every_endpoint_is_tried_and_only_sign_in_is_open():
    assert {pattern.name for pattern in urlpatterns} - {pattern.name for pattern, _ in ENDPOINTS} == set(OPEN)
    assert len(ENDPOINTS) >= 16


@pytest.mark.parametrize("name", sorted(set(OPEN) - {"schema"}))
def test_the_sign_in_endpoints_answer_without_a_session(client, name):
    r = client.post(reverse(f"casefile:{name}"), {}, content_type="application/json")
    assert r.status_code in {204, 400, 405}, r.status_code  # their own answer, never "signed out"


def test_a_session_ended_elsewhere_gets_the_same_401_as_nobody(django_user_model):
    user = django_user_model.objects.create_user("alice")
    device, other = Client(), Client()
    device.force_login(user)
    other.force_login(user)
    other.post("/api/v1/auth/logout/")
    device.cookies = other.cookies  # the cookie of the session that just ended
    r = device.get("/api/v1/collections/")
    assert (r.status_code, r["WWW-Authenticate"], r.json()) == (401, "Session", SIGNED_OUT)


def test_a_signed_in_request_without_the_csrf_token_is_still_a_403(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    r = browser.post("/api/v1/collections/", {}, content_type="application/json")
    assert r.status_code == 403
    assert "CSRF" in r.json()["detail"]
    assert "WWW-Authenticate" not in r


@pytest.fixture
def bobs_things(bob, bobs_collection):
    """One of each thing of Bob's that an endpoint takes an id of, and a way to check none of it changed."""
    bobs_device = Client()
    bobs_device.force_login(bob)
    push(bobs_device, bobs_collection, write())
    blob = Blob.objects.get(id=upload(bobs_device, bobs_collection, os.urandom(100), chunk=50))
    device = DeviceSession.objects.create(user=bob, session_key=bobs_device.session.session_key, device="Bob's phone")

    def unchanged() -> bool:
        bobs_collection.refresh_from_db()
        return (
            bobs_collection.seq == 1
            and Blob.objects.filter(id=blob.id, received=100).exists()
            and DeviceSession.objects.filter(pk=device.pk).exists()
            and bobs_device.get("/api/v1/collections/").status_code == 200
        )

    return {"collection_id": bobs_collection.id, "blob_id": blob.id, "device_id": device.pk}, unchanged


@pytest.mark.parametrize(("pattern", "method"), [(p, m) for p, m in ENDPOINTS if p.pattern.converters], ids=endpoint_id)
def test_another_person_gets_a_404_for_everything_of_someone_elses(as_alice, bobs_things, pattern, method):
    ids, unchanged = bobs_things
    r = call(as_alice, method, sample_url(pattern, ids))
    assert r.status_code == 404
    assert unchanged()


def test_it_leaves_another_users_collections_out_of_the_list(as_alice, alices_collection, bobs_collection):
    ids = [c["id"] for c in as_alice.get("/api/v1/collections/").json()["collections"]]
    assert ids == [str(alices_collection.id)]


def test_an_unknown_collection_looks_the_same_as_someone_elses(as_alice, bobs_collection):
    unknown = pull(as_alice, type(bobs_collection)(id="00000000-0000-4000-8000-000000000000"))
    theirs = pull(as_alice, bobs_collection)
    assert (unknown.status_code, unknown.json()) == (theirs.status_code, theirs.json())
