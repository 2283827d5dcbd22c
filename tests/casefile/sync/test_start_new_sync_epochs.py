"""After a restore, `manage.py start_new_sync_epochs` makes every device resync its case files from the start."""

import pytest
from django.core.management import call_command

from tests.casefile.helpers import pull, push, write

pytestmark = pytest.mark.django_db


def pull_all(client, collection) -> dict[str, tuple[int, bool]]:
    body = pull(client, collection).json()
    assert not body["more"]
    return {record["id"]: (record["version"], record["deleted"]) for record in body["records"]}


def test_a_device_with_an_old_sync_position_is_told_to_start_again(as_alice, alices_collection, capsys):
    push(as_alice, alices_collection, write(), write())
    cursor = pull(as_alice, alices_collection).json()["cursor"]
    before = pull_all(as_alice, alices_collection)

    call_command("start_new_sync_epochs")

    r = pull(as_alice, alices_collection, since=cursor)
    assert r.status_code == 410
    assert r.json()["detail"] == "This sync position is no longer valid. Start again from the beginning."
    assert pull_all(as_alice, alices_collection) == before
    assert "Started a new sync epoch for 1 collections." in capsys.readouterr().out


def test_every_collection_gets_its_own_new_epoch(alices_collection, bobs_collection):
    old = {alices_collection.epoch, bobs_collection.epoch}
    call_command("start_new_sync_epochs")
    alices_collection.refresh_from_db()
    bobs_collection.refresh_from_db()
    new = {alices_collection.epoch, bobs_collection.epoch}
    assert len(new) == 2
    assert not new & old
