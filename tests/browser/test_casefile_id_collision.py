"""A case file made offline whose id turns out to be someone else's moves to a new id, losing nothing.

The server answers 404 for another person's id, as for any unknown one, so it reveals nothing;
the device then copies the case file under a new id and new keys.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from casefile.models import Collection, Record
from casefile.sync.services import ensure_collection
from tests.browser.casefile_steps import add_diary_entry, diary_entries, new_case_file, register, sync_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CASE_FILE_IDS = """async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("falseos-casefile");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = await new Promise((resolve) => {
    const request = db.transaction("collections").objectStore("collections").getAll();
    request.onsuccess = () => resolve(request.result);
  });
  return all.filter((c) => c.kind === "casefile").map((c) => c.id);
}"""


def test_a_case_file_whose_id_someone_else_has_moves_to_a_new_id_with_everything_in_it(new_device):
    page = new_device()
    register(page, "noor")
    page.context.set_offline(True)
    new_case_file(page, "Made on the bus")
    add_diary_entry(page, "2026-11-30", "He followed me onto the bus")
    [taken] = page.evaluate(CASE_FILE_IDS)
    someone_else = get_user_model().objects.create_user("someone")
    ensure_collection(user=someone_else, collection_id=taken, wrapped_key=b"k" * 60)

    page.context.set_offline(False)
    sync_now(page)
    expect(diary_entries(page).filter(has_text="He followed me onto the bus")).to_have_count(1)
    [moved] = page.evaluate(CASE_FILE_IDS)
    assert moved != taken
    mine = Collection.objects.get(memberships__user__username="noor", kind="casefile")
    assert str(mine.id) == moved
    assert Record.objects.filter(collection=mine, deleted=False).count() == 2  # the title and the diary entry
    assert not Record.objects.filter(collection_id=taken).exists()  # nothing reached the other person's
    assert page.errors == []
