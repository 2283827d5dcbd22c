"""The encrypted case file in real Chromium: accounts, entries, sync between devices, offline."""

import pytest
from playwright.sync_api import expect

from casefile.models import Record
from tests.browser.casefile_steps import (
    add_diary_entry,
    diary_entries,
    new_case_file,
    open_section,
    register,
    unlock,
    wait_until_synced,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_entry_written_on_one_device_opens_on_another(new_device):
    phone = new_device()
    register(phone, "sam")
    new_case_file(phone, "The man from the gym")
    add_diary_entry(phone, "2026-11-20", "He sent me twenty messages in one night", platform="Instagram", time="23:10")
    wait_until_synced(phone)
    assert Record.objects.count() == 2  # the case file's details and the entry

    laptop = new_device()
    unlock(laptop, "sam")
    laptop.get_by_role("button", name="The man from the gym").click()
    open_section(laptop, "Incident diary")
    expect(diary_entries(laptop)).to_have_count(1)
    expect(diary_entries(laptop).first).to_contain_text("20 November 2026, 23:10 – Instagram")
    assert phone.errors == laptop.errors == []
