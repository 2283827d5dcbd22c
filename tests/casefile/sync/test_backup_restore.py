"""The backup procedure in README.md ("Backups"), end to end on PostgreSQL.

pg_dump of the database in custom format, a copy of the blob storage directory, then a
restore into a fresh database made with the same role. The app is pointed at the restored
database and files, and a device that had synced before the backup pulls everything back:
every record with the same version, contents and deletion, and its evidence file byte for byte.
"""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.casefile.helpers import new_blob, pull, push, put_chunk, write

pytestmark = [
    # pg_dump, another process, sees committed data only; the guide seed is put back for later tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="pg_dump and pg_restore need PostgreSQL; CI runs the whole suite on PostgreSQL too, where this runs.",
    ),
]


def postgres_tool(name: str) -> str:
    """A PostgreSQL client program: on PATH, or in Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    assert versions, f"{name} not found: install the postgresql package (.ci/run does)"
    return str(versions[-1])


def run_tool(name: str, *args: str) -> None:
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    where = ["--host", db["HOST"] or "127.0.0.1", "--port", str(db["PORT"] or 5432), "--username", db["USER"]]
    result = subprocess.run([postgres_tool(name), *where, *args], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def everything(client, collection, since: str = "") -> tuple[dict[str, tuple[int, str, bool]], str]:
    """What a device gets pulling page after page: record id -> (version, ciphertext, deleted), and the cursor."""
    records = {}
    while True:
        body = pull(client, collection, since=since).json()
        records |= {r["id"]: (r["version"], r["ciphertext"], r["deleted"]) for r in body["records"]}
        since = body["cursor"]
        if not body["more"]:
            return records, since


@pytest.fixture
def point_the_app_at(settings):
    """Switch the app's database and blob storage to a restored copy; back to the test database afterwards."""
    original = connection.settings_dict["NAME"]

    def point(database: str, blobs: Path) -> None:
        connection.close()
        connection.settings_dict["NAME"] = database
        settings.STORAGES = {
            **settings.STORAGES,
            "blobs": {
                **settings.STORAGES["blobs"],
                "OPTIONS": {**settings.STORAGES["blobs"]["OPTIONS"], "location": blobs},
            },
        }

    yield point
    connection.close()
    connection.settings_dict["NAME"] = original


def test_a_restored_backup_gives_a_device_back_every_record_and_file(
    as_alice, alices_collection, blob_root, tmp_path, point_the_app_at
):
    # A case file with more than one page of records, some edited, some deleted, and an evidence file.
    writes = [write() for _ in range(250)]
    assert push(as_alice, alices_collection, *writes).status_code == 200
    edits = [write(w["id"], base_version=1) for w in writes[:20]]
    deletes = [write(w["id"], base_version=1, deleted=True) for w in writes[20:30]]
    assert push(as_alice, alices_collection, *edits, *deletes).status_code == 200
    evidence = os.urandom(10_000)
    blob_id = new_blob(as_alice, alices_collection, len(evidence)).json()["id"]
    for offset in range(0, len(evidence), 4096):
        assert put_chunk(as_alice, blob_id, offset, evidence[offset : offset + 4096]).status_code == 200
    backed_up, cursor = everything(as_alice, alices_collection)
    assert len(backed_up) == 250
    assert sum(version == 2 for version, _data, _deleted in backed_up.values()) == 30

    # The backup: the database first, then the blob directory (a chunk with no row is tidied later; a row
    # whose chunks were not copied could not be).
    dump = tmp_path / "falseos.dump"
    run_tool("pg_dump", "--format=custom", f"--file={dump}", connection.settings_dict["NAME"])
    shutil.copytree(blob_root, tmp_path / "blobs-backup")

    # The server carries on, then is lost: this write is not in the backup, and the device's cursor is past it.
    assert push(as_alice, alices_collection, write()).status_code == 200
    _, cursor = everything(as_alice, alices_collection, since=cursor)

    # The restore, into a fresh database made by the same role.
    restored = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    run_tool("createdb", restored)
    try:
        run_tool("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump))
        restored_blobs = tmp_path / "blobs-restored"
        shutil.copytree(tmp_path / "blobs-backup", restored_blobs)
        point_the_app_at(restored, restored_blobs)
        call_command("start_new_sync_epochs", stdout=open(os.devnull, "w"))  # noqa: SIM115

        # The device's position is from the lost server: it is told to start again, and gets back the backup whole.
        r = pull(as_alice, alices_collection, since=cursor)
        assert r.status_code == 410
        assert everything(as_alice, alices_collection)[0] == backed_up
        content = as_alice.get(f"/api/v1/blobs/{blob_id}/content/")
        assert content.status_code == 200
        assert b"".join(content.streaming_content) == evidence

        # And the restored server takes new writes.
        result = push(as_alice, alices_collection, write(writes[0]["id"], base_version=2)).json()["results"][0]
        assert (result["status"], result["version"]) == ("saved", 3)
    finally:
        connection.close()
        run_tool("dropdb", "--if-exists", restored)
