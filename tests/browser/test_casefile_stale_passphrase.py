"""A device still holding the old passphrase after it was changed on another device.

The attack: the harasser knew the old passphrase and holds a phone with the case file on it. Once that
phone has heard from the server, the old passphrase must not open it any more, online or off; the new
one opens it and replaces the stale copy's key. Offline, before it has heard, it may open the copy it
has, and says that copy may be out of date.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import (
    PASSPHRASE,
    change_passphrase,
    new_case_file,
    open_case_file,
    open_settings,
    register,
    to_case_files,
    unlock,
    wait_until_synced,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSPHRASE = "purple otter lantern meadow"
CHANGED = "The passphrase for this account was changed on another device. Enter the new one."
CHANGED_OFFLINE = "The passphrase for this account was changed on another device. You need a connection"
OLDER_COPY = "You are offline, so this is the copy saved on this device."


@pytest.fixture
def phone_and_laptop(new_device):
    """One account on two devices; the laptop has unlocked once, so it keeps a copy."""
    phone = new_device()
    register(phone, "stale")
    new_case_file(phone, "On both devices")
    wait_until_synced(phone)
    laptop = new_device()
    unlock(laptop, "stale")
    return phone, laptop


def change_on_the_phone(phone) -> None:
    to_case_files(phone)
    open_settings(phone)
    change_passphrase(phone, PASSPHRASE, NEW_PASSPHRASE)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your case files")


def try_to_unlock(page, passphrase: str) -> None:
    page.get_by_label("Your name on FalseOS").first.fill("stale")  # the laptop was not told to remember it
    page.get_by_label("Passphrase", exact=True).fill(passphrase)
    page.get_by_role("button", name="Unlock").click()


def passphrase_error(page):
    return page.locator('[data-form="unlock"] [data-field="passphrase"] [data-error]')


def test_an_unlocked_device_signed_out_by_the_change_says_so_and_locks(phone_and_laptop):
    phone, laptop = phone_and_laptop
    change_on_the_phone(phone)
    laptop.get_by_role("button", name="Sync now").click()
    expect(laptop.get_by_text(CHANGED).first).to_be_visible(timeout=20_000)
    expect(laptop.get_by_role("button", name="Unlock")).to_be_visible()
    expect(laptop.get_by_text("On both devices")).to_have_count(0)

    laptop.context.set_offline(True)
    try_to_unlock(laptop, PASSPHRASE)
    expect(laptop.get_by_text(CHANGED_OFFLINE).first).to_be_visible()
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Your private case file")

    laptop.context.set_offline(False)
    try_to_unlock(laptop, PASSPHRASE)
    expect(passphrase_error(laptop)).to_have_text(CHANGED)
    try_to_unlock(laptop, NEW_PASSPHRASE)
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Your case files")
    open_case_file(laptop, "On both devices")
    expect(laptop.get_by_text(CHANGED)).to_be_hidden()

    # The new passphrase's key replaced the stale one here: now it opens offline too.
    laptop.get_by_role("button", name="Lock now").click()
    laptop.context.set_offline(True)
    try_to_unlock(laptop, NEW_PASSPHRASE)
    expect(laptop.get_by_role("heading", level=1)).to_have_text("On both devices")  # back where it locked
    assert phone.errors == laptop.errors == []


def test_a_locked_device_refuses_the_old_passphrase_once_the_server_has(phone_and_laptop):
    phone, laptop = phone_and_laptop
    laptop.get_by_role("button", name="Lock now").click()
    change_on_the_phone(phone)

    try_to_unlock(laptop, PASSPHRASE)
    expect(passphrase_error(laptop)).to_have_text(CHANGED)
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Your private case file")

    laptop.reload()  # remembered on the device, not only on this screen
    expect(laptop.get_by_text(CHANGED).first).to_be_visible()
    laptop.context.set_offline(True)
    try_to_unlock(laptop, PASSPHRASE)
    expect(laptop.get_by_text(CHANGED_OFFLINE).first).to_be_visible()
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Your private case file")


def test_offline_the_old_passphrase_opens_an_older_copy_that_says_so_until_the_server_refuses_it(phone_and_laptop):
    phone, laptop = phone_and_laptop
    laptop.get_by_role("button", name="Lock now").click()
    change_on_the_phone(phone)

    laptop.context.set_offline(True)
    try_to_unlock(laptop, PASSPHRASE)
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Your case files")
    expect(laptop.get_by_text(OLDER_COPY).first).to_be_visible()

    laptop.context.set_offline(False)
    laptop.get_by_role("button", name="Sync now").click()
    expect(laptop.get_by_text(CHANGED).first).to_be_visible(timeout=20_000)
    expect(laptop.get_by_role("button", name="Unlock")).to_be_visible()
    expect(laptop.get_by_text(OLDER_COPY)).to_be_hidden()
    try_to_unlock(laptop, PASSPHRASE)
    expect(passphrase_error(laptop)).to_have_text(CHANGED)


def test_an_older_copy_opened_offline_stops_saying_so_once_it_has_synced(phone_and_laptop):
    _, laptop = phone_and_laptop
    laptop.get_by_role("button", name="Lock now").click()
    laptop.context.set_offline(True)
    try_to_unlock(laptop, PASSPHRASE)
    expect(laptop.get_by_text(OLDER_COPY).first).to_be_visible()
    laptop.context.set_offline(False)
    laptop.get_by_role("button", name="Sync now").click()
    expect(laptop.locator("[data-sync-state]")).to_have_text("Synced", timeout=20_000)
    expect(laptop.get_by_text(OLDER_COPY)).to_be_hidden()
