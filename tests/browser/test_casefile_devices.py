"""Two devices on one account: edits made offline on one and online on the other all arrive,
and an entry changed on both is shown side by side until the person chooses."""

import re

import pytest
from playwright.sync_api import expect

from casefile.models import Record
from tests.browser.casefile_steps import (
    add_diary_entry,
    change_diary_entry,
    diary_entries,
    eventually,
    new_case_file,
    open_case_file,
    open_section,
    register,
    sync_now,
    sync_state,
    unlock,
    wait_until_synced,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Messages from J"


@pytest.fixture
def phone_and_laptop(new_device):
    phone = new_device()
    register(phone, "robin")
    new_case_file(phone, TITLE)
    add_diary_entry(phone, "2026-11-01", "First message about my job")
    wait_until_synced(phone)
    laptop = new_device()
    unlock(laptop, "robin")
    open_case_file(laptop, TITLE)
    open_section(laptop, "Incident diary")
    expect(diary_entries(laptop)).to_have_count(1)
    return phone, laptop


def test_offline_and_online_edits_from_two_devices_both_arrive(phone_and_laptop):
    phone, laptop = phone_and_laptop
    phone.context.set_offline(True)
    add_diary_entry(phone, "2026-11-02", "Written on the bus with no signal")
    phone.get_by_role("button", name="Sync now").click()
    expect(sync_state(phone)).to_have_text("Saved on this device. It will sync when you are back online.")

    add_diary_entry(laptop, "2026-11-03", "Written at home on the laptop")
    wait_until_synced(laptop)

    phone.context.set_offline(False)  # the browser fires "online": the phone syncs by itself
    wait_until_synced(phone)
    sync_now(laptop)
    for device in (phone, laptop):
        expect(diary_entries(device)).to_have_count(3)
        expect(diary_entries(device).nth(1)).to_contain_text("Written on the bus with no signal")
        expect(diary_entries(device).nth(2)).to_contain_text("Written at home on the laptop")
    assert phone.errors == laptop.errors == []


def change_on_both(phone, laptop, on_phone: str, on_laptop: str) -> None:
    """The phone changes the entry with no signal while the laptop changes it online; then the phone reconnects."""
    phone.context.set_offline(True)
    change_diary_entry(phone, "First message", on_phone)
    change_diary_entry(laptop, "First message", on_laptop)
    wait_until_synced(laptop)
    phone.context.set_offline(False)


def test_an_entry_changed_on_both_devices_shows_both_versions_until_one_is_chosen(phone_and_laptop):
    phone, laptop = phone_and_laptop
    change_on_both(phone, laptop, "First message about my job, sent at 2am", "First message, he named my manager")
    expect(sync_state(phone)).to_have_text("Needs attention: something was changed on two devices.", timeout=20_000)
    conflict = phone.get_by_role("group", name="Changed on two devices, 1 of 1")
    expect(conflict).to_contain_text("First message about my job, sent at 2am")
    expect(conflict).to_contain_text("First message, he named my manager")

    conflict.get_by_role("button", name="Keep the version on this device").click()
    wait_until_synced(phone)
    expect(phone.get_by_role("group", name="Changed on two devices, 1 of 1")).to_have_count(0)
    sync_now(laptop)
    expect(diary_entries(laptop)).to_have_count(1)
    expect(diary_entries(laptop).first).to_contain_text("sent at 2am")


def test_keeping_both_versions_makes_two_entries_on_every_device(phone_and_laptop):
    phone, laptop = phone_and_laptop
    change_on_both(phone, laptop, "Phone version of the first message", "Laptop version of the first message")

    phone.get_by_role("button", name="Keep both as separate entries").click()
    wait_until_synced(phone)
    sync_now(laptop)
    for device in (phone, laptop):
        expect(diary_entries(device)).to_have_count(2)
        expect(diary_entries(device).filter(has_text="Phone version")).to_have_count(1)
        expect(diary_entries(device).filter(has_text="Laptop version")).to_have_count(1)


def test_an_edit_made_after_a_lost_answer_is_not_shown_as_a_conflict(new_device):
    phone = new_device()
    register(phone, "sam-lost-answer")
    new_case_file(phone, TITLE)
    add_diary_entry(phone, "2026-11-02", "He messaged my sister")
    wait_until_synced(phone)

    def save_but_lose_the_answer(route):
        route.fetch()  # the server saves the change...
        route.abort("connectionreset")  # ...and the answer never arrives

    phone.route("**/records/push/", save_but_lose_the_answer, times=1)
    change_diary_entry(phone, "He messaged my sister", "He messaged my sister twice")
    assert eventually(phone, lambda: Record.objects.filter(version=2).exists())  # saved, though the phone never heard
    change_diary_entry(phone, "He messaged my sister twice", "He messaged my sister twice, then called her")
    sync_now(phone)

    expect(phone.get_by_role("group", name=re.compile("Changed on two devices"))).to_have_count(0)
    expect(diary_entries(phone)).to_have_count(1)
    expect(diary_entries(phone)).to_contain_text("then called her")
    assert list(Record.objects.filter(version__gt=1).values_list("version", flat=True)) == [3]  # one entry, 3 edits
    assert phone.errors == []
