"""Helpers for the case-file API tests: request builders, uploads, fault injection and the sync totals."""

import base64
import os
import uuid
from collections import Counter
from pathlib import Path

import pytest

from casefile.models import Account

# Totals of the randomised sync test (test_sync_random.py), summed over its interleavings.
SYNC_TOTALS = pytest.StashKey[Counter]()


SYNC_FAULT_KINDS = ["dropped", "lost_response", "duplicated", "reordered", "late", "db_error"]


SELF_CONFLICTS = "conflicts with the device's own earlier edit"


OWN_EDITS_BUILT_ON = "own earlier edits built on"


PUSH_TABLES = ('"casefile_collection"', '"casefile_membership"', '"casefile_record"')


def touches_the_push(sql: str) -> bool:
    """Whether a statement is the push's own work, not the session's or the sign-in's around it."""
    return any(table in sql for table in PUSH_TABLES)


class FailAt:
    """A database that fails at the push's n-th statement, as a full disk or a dropped connection would.

    Install it with `connection.execute_wrapper`; `failed_sql` is the statement it failed, or None if the
    request ended first.
    """

    def __init__(self, n: int, error: Exception):
        self.n, self.error, self.count, self.failed_sql = n, error, 0, None

    def __call__(self, execute, sql, params, many, context):
        if not touches_the_push(sql):
            return execute(sql, params, many, context)
        self.count += 1
        if self.count == self.n:
            self.failed_sql = sql
            raise self.error
        return execute(sql, params, many, context)


def ciphertext(size: int = 64) -> str:
    """Random bytes standing in for AES-GCM output (the server cannot tell the difference)."""
    return base64.b64encode(os.urandom(size)).decode()


def write(record_id=None, base_version: int = 0, deleted: bool = False, data: str | None = None) -> dict:
    return {
        "id": str(record_id or uuid.uuid4()),
        "base_version": base_version,
        "ciphertext": "" if deleted and data is None else (data or ciphertext()),
        "deleted": deleted,
    }


def make_account(user, **fields) -> Account:
    """The account details a device would have registered; the bytes are stand-ins the server cannot tell apart."""
    defaults = {
        "kdf_salt": b"s" * 16,
        "kdf_iterations": 1,
        "wrapped_vault_key": b"v" * 60,
        "recovery_wrapped_vault_key": b"r" * 60,
        "recovery_auth_hash": "x",
    }
    return Account.objects.create(user=user, **(defaults | fields))


def push(client, collection, *writes):
    return client.post(
        f"/api/v1/collections/{collection.id}/records/push/", {"writes": list(writes)}, content_type="application/json"
    )


def pull(client, collection, since: str = "", limit: int | None = None):
    params = {"since": since} | ({"limit": limit} if limit else {})
    return client.get(f"/api/v1/collections/{collection.id}/records/", params)


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def new_blob(client, collection, size: int):
    return client.post(f"/api/v1/collections/{collection.id}/blobs/", {"size": size}, content_type="application/json")


def put_chunk(client, blob_id, offset, data: bytes):
    query = "" if offset is None else f"?offset={offset}"
    return client.put(f"/api/v1/blobs/{blob_id}/content/{query}", data, content_type="application/octet-stream")


def upload(client, collection, data: bytes, chunk: int = 1024) -> str:
    """Upload `data` in chunks; the blob's id."""
    blob_id = new_blob(client, collection, len(data)).json()["id"]
    for offset in range(0, len(data), chunk):
        assert put_chunk(client, blob_id, offset, data[offset : offset + chunk]).status_code == 200
    return blob_id


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


AUTH_KEY = os.urandom(32)
NEW_ACCOUNT = {
    "username": "sam",
    "auth_key": b64(AUTH_KEY),
    "wrapped_vault_key": b64(os.urandom(60)),
    "recovery_wrapped_vault_key": b64(os.urandom(60)),
    "recovery_key": b64(os.urandom(32)),
}


def post(client, name: str, body: dict):
    return client.post(f"/api/v1/auth/{name}/", body, content_type="application/json")
