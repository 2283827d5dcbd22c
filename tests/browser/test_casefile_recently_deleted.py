"""Nothing a person deletes is gone at once: "Recently deleted" brings it back, on any of their devices."""

import pytest
from playwright.sync_api import expect

from casefile.models import Blob, Record
from tests.browser.casefile_steps import (
    add_diary_entry,
    add_evidence,
    diary_entries,
    evidence_items,
    new_case_file,
    open_case_file,
    open_section,
    register,
    unlock,
    wait_until_synced,
)
from tests.browser.test_casefile_evidence import PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def recently_deleted(page):
    return page.get_by_role("list", name="Recently deleted, newest first").get_by_role("listitem")


def test_what_is_deleted_on_one_device_is_restored_from_recently_deleted_on_another(new_device):
    phone = new_device()
    register(phone, "rae")
    new_case_file(phone, "Messages from K")
    add_diary_entry(phone, "2026-11-12", "He sent 40 messages in one night", platform="WhatsApp")
    add_evidence(phone, "Screenshot of the messages", [PHOTO])
    wait_until_synced(phone)

    phone.on("dialog", lambda dialog: dialog.accept())
    open_section(phone, "Incident diary")
    diary_entries(phone).first.get_by_role("button", name="Delete").click()
    expect(diary_entries(phone)).to_have_count(0)
    open_section(phone, "Evidence")
    evidence_items(phone).first.get_by_role("button", name="Delete").click()
    expect(evidence_items(phone)).to_have_count(0)
    wait_until_synced(phone)
    assert Record.objects.filter(deleted=True).count() == 2
    assert Blob.objects.get().deleted_at is not None

    laptop = new_device()
    unlock(laptop, "rae")
    open_case_file(laptop, "Messages from K")
    open_section(laptop, "Incident diary")
    expect(diary_entries(laptop)).to_have_count(0)
    open_section(laptop, "Title, notes and recently deleted")
    laptop.get_by_role("link", name="See recently deleted").click()
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Recently deleted")
    expect(recently_deleted(laptop)).to_have_count(2)
    for what in ("Evidence: Screenshot of the messages (1 file)", "Diary entry, 12 November 2026: He sent 40 messages"):
        expect(recently_deleted(laptop).filter(has_text=what)).to_have_count(1)

    laptop.get_by_role("button", name="Restore everything").click()
    done = "Restored 2 items. They are back in the case file."
    expect(laptop.get_by_role("status").filter(has_text=done)).to_be_visible()
    expect(recently_deleted(laptop)).to_have_count(0)
    open_section(laptop, "Incident diary")
    expect(diary_entries(laptop).filter(has_text="He sent 40 messages")).to_have_count(1)
    wait_until_synced(laptop)
    open_section(laptop, "Evidence")
    laptop.get_by_role("button", name="Show threat.png").click()
    expect(laptop.get_by_role("img", name="threat.png")).to_be_visible()  # the file came back from the server too
    assert Blob.objects.get().deleted_at is None

    phone.get_by_role("button", name="Sync now").click()
    expect(evidence_items(phone).filter(has_text="Screenshot of the messages")).to_have_count(1)
    open_section(phone, "Incident diary")
    expect(diary_entries(phone).filter(has_text="He sent 40 messages")).to_have_count(1)
    assert phone.errors == laptop.errors == []
