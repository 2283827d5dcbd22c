"""Link groups through the API, as a device would drive it. The server cannot tell these bytes from real ones."""

import base64
import hashlib
import os
import uuid

from casefile.models import Collection

SEALED = base64.b64encode(os.urandom(65 + 1 + 12 + 48 + 16)).decode()


def new_group(client) -> Collection:
    body = {"id": str(uuid.uuid4()), "kind": "linkgroup", "wrapped_key": SEALED}
    r = client.post("/api/v1/collections/", body, "application/json")
    assert r.status_code == 201, r.content
    return Collection.objects.get(pk=r.json()["id"])


def new_invite(client, group) -> tuple[str, str]:
    """An invite's id and the join proof its link's secret gives."""
    invite_id, proof = str(uuid.uuid4()), os.urandom(32)
    body = {"id": invite_id, "proof_hash": hashlib.sha256(proof).hexdigest(), "sealed": SEALED}
    r = client.post(f"/api/v1/collections/{group.id}/invites/", body, "application/json")
    assert r.status_code == 201, r.content
    return invite_id, base64.b64encode(proof).decode()


def open_invite(client, invite_id, proof):
    return client.post(f"/api/v1/invites/{invite_id}/open/", {"proof": proof}, "application/json")


def join(client, invite_id, proof, key_version: int = 1):
    body = {"proof": proof, "wrapped_key": SEALED, "key_version": key_version}
    return client.post(f"/api/v1/invites/{invite_id}/join/", body, "application/json")


def members(client, group) -> list[dict]:
    r = client.get(f"/api/v1/collections/{group.id}/members/")
    assert r.status_code == 200, r.content
    return r.json()["members"]


def new_keys(member_ids, key_version: int = 2) -> dict:
    return {"key_version": key_version, "keys": [{"member": each, "wrapped_key": SEALED} for each in member_ids]}
