"""A case file made offline whose id turns out to be someone else's moves to a new id, losing nothing.

The server answers 404 for another person's id, as for any unknown one, so it reveals nothing;
the device then copies the case file under a new id and new keys.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from casefile.models import Blob, Collection, Record
from casefile.sync.services import ensure_collection
from tests.browser.casefile_steps import (
    add_diary_entry,
    add_evidence,
    diary_entries,
    evidence_items,
    new_case_file,
    register,
    sync_now,
)
from tests.browser.test_casefile_evidence import PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DEVICE_STORE = """async (name) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("falseos-casefile");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return new Promise((resolve) => {
    const request = db.transaction(name).objectStore(name).getAll();
    request.onsuccess = () => resolve(request.result);
  });
}"""


def case_file_ids(page) -> list[str]:
    return [each["id"] for each in page.evaluate(DEVICE_STORE, "collections") if each.get("kind") == "casefile"]


def file_ids(page) -> list[str]:
    return [each["id"] for each in page.evaluate(DEVICE_STORE, "files")]


def test_a_case_file_whose_id_someone_else_has_moves_to_a_new_id_with_everything_in_it(new_device):
    page = new_device()
    register(page, "noor")
    page.context.set_offline(True)
    new_case_file(page, "Made on the bus")
    add_diary_entry(page, "2026-11-30", "He followed me onto the bus")
    [taken] = case_file_ids(page)
    someone_else = get_user_model().objects.create_user("someone")
    ensure_collection(user=someone_else, collection_id=taken, wrapped_key=b"k" * 60)

    page.context.set_offline(False)
    sync_now(page)
    expect(diary_entries(page).filter(has_text="He followed me onto the bus")).to_have_count(1)
    [moved] = case_file_ids(page)
    assert moved != taken
    mine = Collection.objects.get(memberships__user__username="noor", kind="casefile")
    assert str(mine.id) == moved
    assert Record.objects.filter(collection=mine, deleted=False).count() == 2  # the title and the diary entry
    assert not Record.objects.filter(collection_id=taken).exists()  # nothing reached the other person's
    assert page.errors == []


def test_an_evidence_file_whose_id_someone_else_has_is_sealed_again_under_a_new_one(new_device):
    page = new_device()
    register(page, "noor")
    new_case_file(page, "Screenshots")
    sync_now(page)
    page.context.set_offline(True)
    add_evidence(page, "The threat he posted", [PHOTO])
    [taken] = file_ids(page)
    someone_else = get_user_model().objects.create_user("someone")
    their_case_file, _ = ensure_collection(user=someone_else, wrapped_key=b"k" * 60)
    Blob.objects.create(id=taken, owner=someone_else, collection=their_case_file, size=10)

    page.context.set_offline(False)
    sync_now(page)
    item = evidence_items(page).filter(has_text="The threat he posted")
    expect(item.get_by_text("Uploaded (encrypted)")).to_have_count(1)
    [renamed] = file_ids(page)
    assert renamed != taken
    mine = Blob.objects.get(owner__username="noor")
    assert (str(mine.id), mine.complete) == (renamed, True)
    assert Blob.objects.get(pk=taken).received == 0  # the other person's file is untouched
    item.get_by_role("button", name="Show threat.png").click()
    expect(page.get_by_role("img", name="threat.png")).to_be_visible()
    assert page.errors == []
