"""The recovery code: grouped on a phone, copied, downloaded under a generic name, and replaced from Settings."""

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import (
    PASSPHRASE,
    new_case_file,
    new_recovery_code,
    open_case_file,
    open_settings,
    recover,
    register,
    to_case_files,
    wait_until_synced,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSPHRASE = "purple otter lantern meadow"


def registered_until_the_code(page, username: str) -> str:
    page.goto("/casefile/")
    page.get_by_label("Choose a name").fill(username)
    page.get_by_label("Choose a passphrase").fill(PASSPHRASE)
    page.get_by_label("Type the passphrase again").fill(PASSPHRASE)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    return page.locator("[data-recovery-code]").inner_text()


@pytest.mark.parametrize("width", [320, 390])
def test_the_code_is_shown_in_groups_that_never_break_on_a_phone(new_device, width):
    page = new_device(viewport={"width": width, "height": 800})
    code = registered_until_the_code(page, "grouped")
    groups = page.locator(".fo-recovery-code__group")
    expect(groups).to_have_count(8)
    assert [groups.nth(i).inner_text() for i in range(8)] == code.split()
    line_height = groups.first.bounding_box()["height"]
    for i in range(8):
        box = groups.nth(i).bounding_box()
        assert box["height"] == line_height  # one line each: no group broken in two
        assert box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_code_can_be_copied_and_says_so(new_device):
    page = new_device(permissions=["clipboard-read", "clipboard-write"])
    code = registered_until_the_code(page, "copier")
    page.get_by_role("button", name="Copy the code").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == code.replace(" ", "-")


def test_the_code_downloads_as_a_file_whose_name_says_nothing_of_the_account(new_device, tmp_path):
    page = new_device()
    code = registered_until_the_code(page, "downloader")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a file").click()
    assert download.value.suggested_filename == "recovery-code.txt"
    saved = tmp_path / "code.txt"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert code.replace(" ", "-") in text
    assert "downloader" not in text
    expect(page.get_by_text("Downloaded as “recovery-code.txt”.").first).to_be_visible()


def test_printing_shows_only_the_code_and_what_it_is_for(new_device):
    page = new_device()
    registered_until_the_code(page, "printer")
    copy = page.get_by_role("button", name="Copy the code")
    saved = page.get_by_label("I have saved my recovery code somewhere safe")
    instruction = page.get_by_text("this code is the only way back into your case file")
    page.emulate_media(media="print")
    expect(page.locator(".fo-recovery-code__code")).to_be_visible()
    expect(instruction).to_be_visible()
    # Hidden from print, so no longer found by role or label: by their hooks instead.
    for hidden in ['[data-recovery-code-action="copy"]', ".fo-header", "#recovery-saved", ".fo-quick-exit"]:
        assert page.locator(hidden).evaluate("element => getComputedStyle(element).visibility") == "hidden"
    page.emulate_media(media="screen")
    expect(copy).to_be_visible()
    expect(saved).to_be_visible()


def test_a_new_code_from_settings_recovers_the_account_and_the_old_one_no_longer_does(new_device):
    phone = new_device()
    old_code = register(phone, "reissuer")
    new_case_file(phone, "Kept through a new code")
    wait_until_synced(phone)
    to_case_files(phone)
    open_settings(phone)

    form = phone.locator('[data-form="new-recovery-code"]')
    form.get_by_label("Your passphrase").fill("not my passphrase")
    form.get_by_role("button", name="Make a new recovery code").click()
    expect(form.get_by_text("Your passphrase is not right.").first).to_be_visible()

    new_code = new_recovery_code(phone)
    assert new_code != old_code
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_text("Tick the box once you have saved your recovery code.").first).to_be_visible()
    phone.get_by_label("I have saved my recovery code somewhere safe").check()
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Account and security")

    stranger = new_device()
    recover(stranger, "reissuer", old_code, NEW_PASSPHRASE)
    expect(stranger.get_by_text("That name and recovery code do not match.").first).to_be_visible()

    laptop = new_device()
    recover(laptop, "reissuer", new_code, NEW_PASSPHRASE)
    open_case_file(laptop, "Kept through a new code")
    assert phone.errors == laptop.errors == []
