"""Every case-file API endpoint, found from the URL conf, tried as nobody and as someone else.

A new endpoint is covered the moment it is added: the test fails until it says how to call it.
Each call is one that would work for the owner, so only the access check can stop it.
"""

import base64
import os
import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver

from casefile import urls as casefile_urls
from casefile.models import Account, Blob, DeviceSession, Invite, Membership, Record
from tests.casefile.helpers import make_account, push, upload, write
from tests.casefile.links.steps import SEALED, new_group, new_invite, new_keys

pytestmark = pytest.mark.django_db

# Open to anyone by design: signing in, what signing in needs, and signing out (harmless when signed out).
PUBLIC = {"csrf", "salt", "register", "login", "recover", "logout"}
# Answers about the signed-in person only: checked for leaks, not refused.
OWN_ACCOUNT = {"collections", "devices", "devices_sign_out", "keypair", "confirm", "passphrase", "delete_account"}
OWN_ACCOUNT |= {"receipts", "schema"}
SIGNED_OUT = {
    "detail": "You are signed out. Unlock your case file with your passphrase to sign in again.",
    "code": "not_authenticated",
}
ROUTE_PARAMETER = re.compile(r"<(?:[^>:]+:)?([^>]+)>")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture
def alices_things(as_alice, alice, alices_collection):
    """Everything of Alice's an endpoint could reach, and the secrets that must never leak from them."""
    make_account(alice, public_key=b"\x04" * 65, wrapped_private_key=b"p" * 167)
    secret = write()
    push(as_alice, alices_collection, secret)
    group = new_group(as_alice)
    push(as_alice, group, write())
    invite_id, _ = new_invite(as_alice, group)
    blob_id = upload(as_alice, alices_collection, os.urandom(100))
    device = DeviceSession.objects.create(user=alice, session_key=as_alice.session.session_key, device="Firefox")
    return {
        "kwargs": {
            "collection_id": alices_collection.id,
            "group_id": group.id,
            "member_id": Membership.objects.get(collection=group, user=alice).pk,
            "invite_id": invite_id,
            "blob_id": blob_id,
            "device_id": device.pk,
        },
        "group": group,
        "secrets": [secret["ciphertext"], SEALED, b64(b"v" * 60), b64(b"p" * 167), str(alices_collection.id)],
    }


def requests_for(name: str, things: dict) -> list[tuple[str, dict | bytes | None]]:
    """(method, body) pairs that would succeed for Alice on this endpoint."""
    kw = things["kwargs"]
    proof = {"proof": b64(os.urandom(32)), "wrapped_key": SEALED, "key_version": 1}
    key = {"auth_key": b64(os.urandom(32))}
    bodies = {
        "schema": [("get", None)],
        "csrf": [("get", None)],
        "salt": [("post", {"username": "alice"})],
        "register": [("post", {"username": "x" * 5, **key})],
        "login": [("post", {"username": "alice", **key})],
        "logout": [("post", None)],
        "confirm": [("post", key)],
        "recover": [("post", {"username": "alice", "recovery_key": b64(os.urandom(32))})],
        "passphrase": [("post", {"new_auth_key": b64(os.urandom(32)), "wrapped_vault_key": b64(os.urandom(60))})],
        "devices": [("get", None)],
        "device_sign_out": [("post", None)],
        "devices_sign_out": [("post", None)],
        "keypair": [("put", {"public_key": b64(b"\x04" * 65), "wrapped_private_key": b64(os.urandom(167))})],
        "delete_account": [("post", key)],
        "collections": [("get", None), ("post", {"wrapped_key": b64(os.urandom(60))})],
        "pull": [("get", None)],
        "push": [("post", {"writes": [write()]})],
        "recently_deleted": [("get", None)],
        "blobs": [("post", {"size": 100})],
        "blob": [("get", None), ("delete", None)],
        "restore_blob": [("post", None)],
        "blob_content": [("get", None), ("put", os.urandom(10))],
        "members": [("get", None)],
        "remove_member": [("post", new_keys([kw["member_id"]]))],
        "leave": [("post", None)],
        "rotate_key": [("post", new_keys([kw["member_id"]]))],
        "invites": [("get", None), ("post", {"id": str(uuid.uuid4()), "proof_hash": "a" * 64, "sealed": SEALED})],
        "revoke_invite": [("post", None)],
        "open_invite": [("post", proof)],
        "join": [("post", proof)],
        "receipts": [("post", {"sha256": "a" * 64})],
    }
    return bodies[name]


def endpoints(patterns=casefile_urls.urlpatterns) -> list[URLPattern]:
    """Every route, with the capability packages' includes flattened (each is mounted at "")."""
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += endpoints(pattern.url_patterns)
        else:
            found.append(pattern)
    return found


def call(client: Client, pattern: URLPattern, method: str, body, kwargs: dict):
    path = "/api/v1/" + ROUTE_PARAMETER.sub(lambda match: str(kwargs[match[1]]), pattern.pattern._route)
    if isinstance(body, bytes):
        return getattr(client, method)(path, body, content_type="application/octet-stream")
    return getattr(client, method)(path, body or {}, content_type="application/json")


def test_every_endpoint_says_how_to_call_it(alices_things):
    for pattern in endpoints():
        assert requests_for(pattern.name, alices_things)
        assert pattern.name in PUBLIC | OWN_ACCOUNT or pattern.pattern.converters, pattern.name


def test_nobody_signed_in_reaches_nothing_but_signing_in(alices_things):
    """401 with WWW-Authenticate: Session, so the page knows it is signed out (the schema stays hidden: 404)."""
    for pattern in endpoints():
        if pattern.name in PUBLIC:
            continue
        for method, body in requests_for(pattern.name, alices_things):
            r = call(Client(), pattern, method, body, alices_things["kwargs"])
            assert r["Cache-Control"] == "no-store", pattern.name
            if pattern.name == "schema":
                assert r.status_code == 404
                continue
            assert r.status_code == 401, (pattern.name, method, r.status_code)
            assert (r["WWW-Authenticate"], r.json()) == ("Session", SIGNED_OUT), pattern.name
    assert_untouched(alices_things)


def test_someone_else_signed_in_gets_404_for_every_one_of_alices_things(alices_things, bob):
    for pattern in endpoints():
        for method, body in requests_for(pattern.name, alices_things):
            client = Client()
            client.force_login(bob)
            r = call(client, pattern, method, body, alices_things["kwargs"])
            if pattern.pattern.converters:
                assert r.status_code == 404, (pattern.name, method, r.status_code, r.content[:200])
            content = r.content.decode(errors="replace") if not r.streaming else ""
            for secret in alices_things["secrets"]:
                assert secret not in content, (pattern.name, method)
    assert_untouched(alices_things)


def assert_untouched(things: dict) -> None:
    kwargs = things["kwargs"]
    assert Record.objects.filter(collection_id=kwargs["collection_id"]).count() == 1
    assert Record.objects.filter(collection_id=kwargs["group_id"]).count() == 1
    assert Membership.objects.filter(collection=things["group"]).count() == 1
    assert things["group"].__class__.objects.get(pk=things["group"].pk).key_version == 1
    invite = Invite.objects.get(pk=kwargs["invite_id"])
    assert (invite.used, invite.revoked_at) == (None, None)
    assert Blob.objects.filter(pk=kwargs["blob_id"]).exists()
    assert DeviceSession.objects.filter(pk=kwargs["device_id"]).exists()
    assert bytes(Account.objects.get(user__username="alice").public_key) == b"\x04" * 65
