"""Accounts in the browser: a wrong passphrase, locking, the recovery code, changing the
passphrase and deleting the account."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from casefile.models import Collection, Record
from tests.browser.casefile_steps import (
    PASSPHRASE,
    add_diary_entry,
    change_passphrase,
    diary_entries,
    new_case_file,
    open_case_file,
    recover,
    register,
    to_case_files,
    unlock,
    wait_until_synced,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSPHRASE = "purple otter lantern meadow"
PASSPHRASE_CHANGED = "The passphrase for this account was changed on another device. Enter the new one."


def heading(page):
    return page.get_by_role("heading", level=1)


def test_a_weak_passphrase_and_a_taken_name_get_clear_messages(new_device):
    register(new_device(), "taken")
    page = new_device()
    page.goto("/casefile/")
    page.get_by_label("Choose a name").fill("taken")
    page.get_by_label("Choose a passphrase").fill("short")
    page.get_by_label("Type the passphrase again").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Use at least 8 characters, and 15 or more if you can.").first).to_be_visible()
    expect(page.get_by_label("Choose a passphrase")).to_be_focused()

    page.get_by_label("Choose a passphrase").fill("password123")
    page.get_by_label("Type the passphrase again").fill("password123")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("That passphrase is one of the most common ones").first).to_be_visible()

    page.get_by_label("Choose a passphrase").fill(PASSPHRASE)
    page.get_by_label("Type the passphrase again").fill(PASSPHRASE)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Choose another name.").first).to_be_visible()


def test_a_wrong_passphrase_is_refused_with_a_clear_message_and_the_right_one_still_works(new_device):
    register(new_device(), "ash")
    laptop = new_device()
    laptop.goto("/casefile/")
    laptop.get_by_label("Your name on FalseOS").first.fill("ash")
    laptop.get_by_label("Passphrase", exact=True).fill("not my passphrase at all")
    laptop.get_by_role("button", name="Unlock").click()
    expect(laptop.get_by_text("That name and passphrase do not match. Check them and try again.").first).to_be_visible()
    unlock(laptop, "ash")


def test_lock_now_forgets_the_screen_and_the_passphrase_opens_it_again(new_device):
    page = new_device()
    register(page, "lee")
    new_case_file(page, "Private title")
    add_diary_entry(page, "2026-11-12", "Something only I should see")
    page.get_by_role("button", name="Lock now").click()
    expect(heading(page)).to_have_text("Your private case file")
    expect(page.get_by_text("Something only I should see")).to_have_count(0)
    expect(page.get_by_text("Private title")).to_have_count(0)

    page.get_by_label("Passphrase", exact=True).fill("wrong passphrase here")
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_text("That passphrase is not right. Check it and try again.").first).to_be_visible()
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(diary_entries(page)).to_have_count(1)  # unlocked, it goes back to the view it was locked on


@pytest.mark.parametrize("idle_seconds", [2])
def test_it_locks_itself_when_left_alone(new_device, settings, idle_seconds):
    settings.CASEFILE_IDLE_LOCK_SECONDS = idle_seconds
    page = new_device()
    register(page, "idle")
    new_case_file(page, "Left on the table")
    expect(heading(page)).to_have_text("Your private case file", timeout=(idle_seconds + 5) * 1000)
    expect(page.get_by_text("Left on the table")).to_have_count(0)


def test_quick_exit_locks_the_case_file(new_device):
    page = new_device()
    register(page, "runner")
    new_case_file(page, "Do not show this")
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>"))
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_title("Weather")
    page.goto("/casefile/")
    expect(heading(page)).to_have_text("Your private case file")
    expect(page.get_by_role("button", name="Unlock")).to_be_visible()


def test_the_recovery_code_sets_a_new_passphrase_and_the_old_one_stops_working(new_device):
    phone = new_device()
    code = register(phone, "forgetful")
    new_case_file(phone, "Still here after recovery")
    wait_until_synced(phone)

    laptop = new_device()
    recover(laptop, "forgetful", code.lower().replace("-", " "), NEW_PASSPHRASE)
    open_case_file(laptop, "Still here after recovery")

    other = new_device()
    other.goto("/casefile/")
    other.get_by_label("Your name on FalseOS").first.fill("forgetful")
    other.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    other.get_by_role("button", name="Unlock").click()
    expect(other.get_by_text("do not match").first).to_be_visible()
    unlock(other, "forgetful", NEW_PASSPHRASE)


def test_a_wrong_recovery_code_is_refused(new_device):
    register(new_device(), "guesser")
    page = new_device()
    recover(page, "guesser", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", NEW_PASSPHRASE)
    form = page.locator('[data-form="recover"]')
    expect(form.get_by_text("That name and recovery code do not match.").first).to_be_visible()


def test_changing_the_passphrase_keeps_the_case_files_and_retires_the_old_passphrase(new_device):
    page = new_device()
    register(page, "changer")
    new_case_file(page, "Kept across the change")
    wait_until_synced(page)
    to_case_files(page)
    page.get_by_role("link", name="Account and security settings").click()
    change_passphrase(page, "this is not it at all", NEW_PASSPHRASE)
    expect(page.get_by_text("Your current passphrase is not right.").first).to_be_visible()
    change_passphrase(page, PASSPHRASE, NEW_PASSPHRASE)
    expect(heading(page)).to_have_text("Your case files")

    page.get_by_role("button", name="Lock now").click()
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_text("not right").first).to_be_visible()
    unlock(new_device(), "changer", NEW_PASSPHRASE)


def test_deleting_the_account_removes_everything_from_the_server_and_the_device(new_device):
    page = new_device()
    register(page, "leaver")
    new_case_file(page, "To be deleted")
    add_diary_entry(page, "2026-11-01", "Entry to be deleted")
    wait_until_synced(page)
    assert Record.objects.count() == 2

    to_case_files(page)
    page.get_by_role("link", name="Account and security settings").click()
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Passphrase, to confirm").fill(PASSPHRASE)
    page.get_by_role("button", name="Delete my account and everything in it").click()
    expect(page.get_by_role("button", name="Create account")).to_be_visible()
    assert (Record.objects.count(), Collection.objects.count()) == (0, 0)
    assert not get_user_model().objects.filter(username="leaver").exists()
    page.reload()
    expect(page.get_by_role("button", name="Create account")).to_be_visible()


def test_a_device_still_unlocked_when_the_account_is_deleted_elsewhere_removes_its_copy_and_says_why(new_device):
    phone = new_device()
    register(phone, "leaving")
    new_case_file(phone, "To be deleted everywhere")
    wait_until_synced(phone)
    laptop = new_device()
    unlock(laptop, "leaving")
    laptop.get_by_role("link", name="Account and security settings").click()
    laptop.on("dialog", lambda dialog: dialog.accept())
    laptop.get_by_label("Passphrase, to confirm").fill(PASSPHRASE)
    laptop.get_by_role("button", name="Delete my account and everything in it").click()
    expect(laptop.get_by_role("button", name="Create account")).to_be_visible()

    phone.get_by_role("button", name="Sync now").click()
    expect(phone.get_by_text("Your account was deleted on another device, so its case files were")).to_be_visible()
    expect(phone.get_by_role("button", name="Create account")).to_be_visible()
    expect(phone.get_by_text(PASSPHRASE_CHANGED)).to_be_hidden()
    phone.reload()
    expect(phone.get_by_role("button", name="Create account")).to_be_visible()  # nothing left on the device


def android_phone_and_windows_laptop(new_device, username: str):
    """One account signed in on two devices that "Where you are signed in" tells apart."""
    phone = new_device(user_agent="Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36")
    register(phone, username)
    laptop = new_device(user_agent="Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")
    unlock(laptop, username)
    phone.get_by_role("link", name="Account and security settings").click()
    return phone, laptop


def test_a_device_signed_out_from_another_is_signed_out_at_once(new_device):
    phone, laptop = android_phone_and_windows_laptop(new_device, "watched")
    devices = phone.get_by_role("list", name="Signed-in devices")
    expect(devices.get_by_role("listitem")).to_have_count(2)
    expect(devices).to_contain_text("(this device)")
    devices.get_by_role("button", name="Sign out Firefox on Windows").click()
    expect(phone.get_by_text("Firefox on Windows is signed out.").first).to_be_visible()
    expect(devices.get_by_role("listitem")).to_have_count(1)

    laptop.get_by_role("button", name="Sync now").click()
    signed_out = "Needs attention: this device was signed out. Lock and unlock with your passphrase to sync again."
    expect(laptop.locator("[data-sync-state]")).to_have_text(signed_out, timeout=20_000)
    laptop.get_by_role("button", name="Lock now").click()
    unlock(laptop, "watched")  # the passphrase signs it in again: hence "then change your passphrase"
    laptop.get_by_role("button", name="Sync now").click()
    expect(laptop.locator("[data-sync-state]")).to_have_text("Synced")


def test_changing_the_passphrase_signs_the_other_devices_out_when_ticked(new_device):
    phone, laptop = android_phone_and_windows_laptop(new_device, "mover")
    expect(phone.get_by_role("list", name="Signed-in devices").get_by_role("listitem")).to_have_count(2)
    expect(phone.get_by_label("Sign out your other devices")).to_be_checked()  # ticked unless the person unticks it
    change_passphrase(phone, PASSPHRASE, NEW_PASSPHRASE)
    expect(heading(phone)).to_have_text("Your case files")

    laptop.get_by_role("button", name="Sync now").click()
    # Signed out for this reason, the laptop says so and locks (test_casefile_stale_passphrase.py has the rest).
    expect(laptop.get_by_text(PASSPHRASE_CHANGED).first).to_be_visible(timeout=20_000)
    expect(laptop.get_by_role("button", name="Unlock")).to_be_visible()

    phone.get_by_role("link", name="Account and security settings").click()
    devices = phone.get_by_role("list", name="Signed-in devices")
    expect(devices.get_by_role("listitem")).to_have_count(1)
    expect(devices).to_contain_text("Chrome on Android")
    expect(devices).to_contain_text("(this device)")
    assert phone.errors == laptop.errors == []
