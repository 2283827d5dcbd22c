"""Passphrase fields: Show/Hide by pointer and keyboard, hidden again on sending; new passphrases typed twice."""

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import PASSPHRASE, change_passphrase, open_settings, recover, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSPHRASE = "purple otter lantern meadow"
SETTINGS_PASSPHRASES = [
    "Current passphrase",
    "Choose a new passphrase",
    "Type the new passphrase again",
    "Your passphrase",
    "Passphrase for the backup file",
    "The backup file's passphrase",
    "Passphrase, to confirm",
]
DIFFERENT = "The two passphrases are different. Type them again."


def test_show_reveals_the_passphrase_and_hide_covers_it_again(new_device):
    page = new_device()
    page.goto("/casefile/")
    form = page.locator('[data-form="unlock"]')
    field = form.get_by_label("Passphrase", exact=True)
    field.fill("only mine to see")
    show = form.get_by_role("button", name="Show passphrase")
    expect(show).to_have_text("Show")
    expect(show).to_have_attribute("aria-controls", "unlock-passphrase")
    show.click()
    expect(field).to_have_attribute("type", "text")
    hide = form.get_by_role("button", name="Hide passphrase")
    expect(hide).to_have_text("Hide")
    expect(form.get_by_text("Your passphrase is visible")).to_be_attached()
    hide.click()
    expect(field).to_have_attribute("type", "password")
    expect(form.get_by_text("Your passphrase is hidden")).to_be_attached()
    expect(field).to_have_value("only mine to see")


def test_show_and_hide_work_from_the_keyboard(new_device):
    page = new_device()
    page.goto("/casefile/")
    field = page.get_by_label("Passphrase", exact=True)
    field.fill("typed on a keyboard")
    field.press("Tab")
    toggle = page.locator('[data-form="unlock"]').get_by_role("button", name="Show passphrase")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(field).to_have_attribute("type", "text")
    page.keyboard.press("Space")
    expect(field).to_have_attribute("type", "password")


def test_every_passphrase_field_has_its_own_show_button(new_device):
    page = new_device()
    register(page, "shower")
    open_settings(page)
    for label in SETTINGS_PASSPHRASES:
        field = page.locator('[data-view="settings"]').get_by_label(label, exact=True)
        expect(field).to_have_attribute("type", "password")
        page.locator(f'[aria-controls="{field.get_attribute("id")}"]').click()
        expect(field).to_have_attribute("type", "text")


def test_sending_the_form_hides_the_passphrase_again(new_device):
    register(new_device(), "sender")
    page = new_device()
    page.goto("/casefile/")
    page.get_by_label("Your name on FalseOS").first.fill("sender")
    page.get_by_label("Passphrase", exact=True).fill("not the passphrase")
    page.get_by_role("button", name="Show passphrase").first.click()
    expect(page.get_by_label("Passphrase", exact=True)).to_have_attribute("type", "text")
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_text("That name and passphrase do not match.").first).to_be_visible()
    expect(page.get_by_label("Passphrase", exact=True)).to_have_attribute("type", "password")
    expect(page.get_by_role("button", name="Show passphrase").first).to_have_text("Show")


def test_locking_hides_a_shown_passphrase(new_device):
    page = new_device()
    register(page, "locker")
    open_settings(page)
    page.get_by_label("Current passphrase").fill(PASSPHRASE)
    page.locator('[aria-controls="current-passphrase"]').click()
    expect(page.get_by_label("Current passphrase")).to_have_attribute("type", "text")
    page.get_by_role("button", name="Lock now").click()
    expect(page.get_by_label("Current passphrase")).to_have_attribute("type", "password")


def test_changing_the_passphrase_refuses_two_different_ones(new_device):
    page = new_device()
    register(page, "twice")
    open_settings(page)
    change_passphrase(page, PASSPHRASE, NEW_PASSPHRASE, again="purple otter lantern meadows")
    form = page.locator('[data-form="passphrase"]')
    expect(form.get_by_text(DIFFERENT).first).to_be_visible()
    expect(form.get_by_label("Type the new passphrase again")).to_be_focused()
    page.get_by_role("button", name="Lock now").click()
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)  # unchanged
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account and security")  # back where it locked


def test_recovering_refuses_two_different_new_passphrases(new_device):
    code = register(new_device(), "forgot")
    page = new_device()
    recover(page, "forgot", code, NEW_PASSPHRASE, again="something else entirely")
    form = page.locator('[data-form="recover"]')
    expect(form.get_by_text(DIFFERENT).first).to_be_visible()
    expect(form.get_by_label("Type the new passphrase again")).to_be_focused()
    form.get_by_label("Type the new passphrase again").fill(NEW_PASSPHRASE)
    form.get_by_role("button", name="Recover my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your case files")
