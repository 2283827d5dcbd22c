"""Logs never contain keys, ciphertext, record ids or names: a whole case-file session, every logger at DEBUG."""

import base64
import logging
import os
import uuid

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

USERNAME = "kestrel-7q2x"


def key() -> bytes:
    return os.urandom(32)


def wrapped() -> bytes:
    return os.urandom(60)


def forms(secret: bytes | uuid.UUID) -> list[str]:
    """Every way a secret could be written into a log line."""
    if isinstance(secret, uuid.UUID):
        return [str(secret), secret.hex, str(secret).upper()]
    return [
        base64.b64encode(secret).decode(),
        base64.urlsafe_b64encode(secret).decode(),
        secret.hex(),
        repr(secret)[2:-1],
    ]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture
def every_log(caplog):
    """Capture every logger at DEBUG, including those configured quieter (django.request, django.server)."""
    caplog.set_level(logging.DEBUG)
    names = ["django", "django.request", "django.server", "django.security", "django.db.backends", "axes"]
    names += list(logging.root.manager.loggerDict)
    quiet = []
    for name in names:
        caplog.set_level(logging.DEBUG, logger=name)
        logger = logging.getLogger(name)
        if not logger.propagate:
            logger.addHandler(caplog.handler)
            quiet.append(logger)
    yield caplog
    for logger in quiet:
        logger.removeHandler(caplog.handler)


def everything_logged(caplog) -> str:
    lines = []
    for record in caplog.records:
        lines += [record.name, record.getMessage(), repr(record.args), record.exc_text or ""]
        if record.exc_info:
            lines.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(lines)


def test_a_whole_case_file_session_leaves_no_secret_in_the_logs(every_log):
    secrets: list[bytes | uuid.UUID] = []

    def secret(value):
        secrets.append(value)
        return value

    auth_key, recovery_key, new_key, newest_key = secret(key()), secret(key()), secret(key()), secret(key())
    vault, recovery_vault, collection_key = secret(wrapped()), secret(wrapped()), secret(wrapped())
    collection_id, record_id = secret(uuid.uuid4()), secret(uuid.uuid4())
    ciphertext, edited = secret(os.urandom(200)), secret(os.urandom(200))

    def post(client, path, body):
        return client.post(f"/api/v1/{path}", body, content_type="application/json")

    phone, laptop = Client(), Client()
    assert phone.get("/api/v1/auth/csrf/").status_code == 204
    assert post(phone, "auth/salt/", {"username": USERNAME}).status_code == 200
    registration = {"username": USERNAME, "auth_key": b64(auth_key), "wrapped_vault_key": b64(vault)}
    registration |= {"recovery_wrapped_vault_key": b64(recovery_vault), "recovery_key": b64(recovery_key)}
    assert post(phone, "auth/register/", registration).status_code == 201
    assert post(phone, "auth/register/", registration).status_code == 400  # name taken

    assert post(laptop, "auth/login/", {"username": USERNAME, "auth_key": b64(secret(key()))}).status_code == 400
    assert post(laptop, "auth/login/", {"username": USERNAME, "auth_key": b64(auth_key)}).status_code == 200

    created = post(phone, "collections/", {"id": str(collection_id), "wrapped_key": b64(collection_key)})
    assert created.status_code == 201
    assert phone.get("/api/v1/collections/").status_code == 200
    records = f"collections/{collection_id}/records/"
    write = {"id": str(record_id), "base_version": 0, "ciphertext": b64(ciphertext), "deleted": False}
    assert post(phone, records + "push/", {"writes": [write]}).status_code == 200
    stale = write | {"ciphertext": b64(edited)}
    assert post(laptop, records + "push/", {"writes": [stale]}).json()["results"][0]["status"] == "conflict"
    assert laptop.get(f"/api/v1/{records}", {"limit": 10}).status_code == 200
    assert laptop.get(f"/api/v1/collections/{secret(uuid.uuid4())}/records/").status_code == 404
    assert post(laptop, records + "push/", {"writes": [write | {"ciphertext": "not base64!"}]}).status_code == 400

    change = {"current_auth_key": b64(secret(key())), "new_auth_key": b64(new_key), "wrapped_vault_key": b64(vault)}
    assert post(phone, "auth/passphrase/", change).status_code == 400
    change["current_auth_key"] = b64(auth_key)
    assert post(phone, "auth/passphrase/", change).status_code == 204
    assert post(laptop, "auth/logout/", {}).status_code in {204, 401}  # signed out by the change already

    wrong_code = {"username": USERNAME, "recovery_key": b64(secret(key()))}
    assert post(laptop, "auth/recover/", wrong_code).status_code == 400
    assert post(laptop, "auth/recover/", {"username": USERNAME, "recovery_key": b64(recovery_key)}).status_code == 200
    after_recovery = {"new_auth_key": b64(newest_key), "wrapped_vault_key": b64(vault)}
    assert post(laptop, "auth/passphrase/", after_recovery).status_code == 204

    assert post(laptop, "auth/delete/", {"auth_key": b64(new_key)}).status_code == 400
    assert post(laptop, "auth/delete/", {"auth_key": b64(newest_key)}).status_code == 204

    logged = everything_logged(every_log)
    assert len(every_log.records) > 10  # the capture works: axes and django.request did log
    leaks = [form for value in secrets for form in forms(value) if form in logged]
    assert leaks == []
    assert USERNAME not in logged
    device_ids = [client.cookies["falseos_device"].value.split(":")[0] for client in (phone, laptop)]
    assert [device_id for device_id in device_ids if device_id in logged] == []
