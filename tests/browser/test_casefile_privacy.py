"""Nothing private is left in the browser's history, tabs or recent-apps view, or on the lock screen.

The person harassing them may pick up the phone. These tests use a real Chromium profile on disk and
read what Chromium itself kept (its History database) after the browser was closed.
"""

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.browser.casefile_steps import (
    PASSPHRASE,
    eventually,
    new_case_file,
    open_form,
    open_section,
    register,
    to_case_files,
)
from tests.browser.linked_steps import heading, make_invite, person
from tests.browser.offline import install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SECRET_TITLE = "Threats from Kevin Smith"
SECRET_GROUP = "Kevin Smith's targets"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


@pytest.fixture
def phone(phone_with_profile):
    """Closing the phone makes Chromium write its history out; quick exit lands on a local neutral page."""

    def switch_on():
        context = phone_with_profile()
        context.route(
            f"{settings.QUICK_EXIT_URL}**",
            lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html"),
        )
        return context

    return switch_on


def browser_history(profile: Path, copy_to: Path) -> list[tuple[str, str]]:
    """Every (address, title) in Chromium's History database, read from a copy as a forensic tool would."""
    shutil.copy(profile / "Default" / "History", copy_to)
    with sqlite3.connect(copy_to) as db:
        return db.execute("SELECT url, title FROM urls").fetchall()


def form_memory(profile: Path, copy_to: Path) -> list[tuple[str, str]]:
    """What Chromium remembers typing into forms (its autocomplete suggestions), from its Web Data database."""
    shutil.copy(profile / "Default" / "Web Data", copy_to)
    with sqlite3.connect(copy_to) as db:
        return db.execute("SELECT name, value FROM autofill").fetchall()


def quick_exit(page: Page) -> None:
    page.get_by_role("link", name="Exit this site").click()
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()


def join(page: Page, link: str, display_name: str, case_file: str, group: str) -> None:
    page.goto(link)
    expect(page.get_by_text("You have been invited to join a link group.").first).to_be_visible()
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(heading(page)).to_have_text("Join a link group")
    page.get_by_role("radio", name=case_file).check()
    page.get_by_label("Your name in this group").locator("visible=true").fill(display_name)
    page.get_by_role("button", name="Join the group").click()
    expect(heading(page)).to_have_text(group)


def open_new_group(page: Page, name: str, display_name: str = "Sam") -> None:
    open_form(page, "Linked cases", "Start a link group")
    page.get_by_label("Name of the group (optional)").fill(name)
    page.get_by_label("Your name in this group").locator("visible=true").fill(display_name)
    page.get_by_role("button", name="Start a link group").click()
    page.get_by_role("button", name=name).click()
    expect(heading(page)).to_have_text(name)


def test_the_tab_title_never_shows_a_case_file_or_group_name(phone, tmp_path):
    page = phone().new_page()
    register(page, "tab-title")
    new_case_file(page, SECRET_TITLE)
    expect(page).to_have_title("Your private case file – FalseOS")
    open_new_group(page, SECRET_GROUP)
    expect(page).to_have_title("Linked cases – FalseOS")


@pytest.mark.parametrize("leave", ["close the browser", "quick exit"])
def test_no_case_file_or_group_name_is_left_in_the_browser_history(phone, tmp_path, leave):
    context = phone()
    page = context.new_page()
    register(page, "history-title")
    new_case_file(page, SECRET_TITLE)
    open_new_group(page, SECRET_GROUP)
    page.get_by_role("link", name="Back to linked cases").click()
    page.get_by_role("link", name="Back to the case file").click()
    expect(heading(page)).to_have_text(SECRET_TITLE)
    page.wait_for_timeout(1000)  # Chromium takes title changes into its history as they happen
    if leave == "quick exit":
        quick_exit(page)
    context.close()

    history = browser_history(tmp_path / "profile", tmp_path / "History copy")
    assert any("/casefile/" in url for url, _ in history)  # the app's visits are there, with generic titles
    for url, title in history:
        for private in (SECRET_TITLE, "Kevin", "history-title"):
            assert private not in url
            assert private not in title
    assert form_memory(tmp_path / "profile", tmp_path / "Web Data copy") == []  # not offered to the next person typing


@pytest.fixture
def invite_link(new_device) -> str:
    """Alex starts a group with a telling name and makes an invite link for Bea."""
    alex = person(new_device, "alex-private", "The fake accounts")
    open_new_group(alex, SECRET_GROUP, "Alex")
    return make_invite(alex)


def secret_of(link: str) -> str:
    return link.split("#", 1)[1]


def test_the_invite_secret_leaves_the_address_before_the_case_file_code_loads(new_device, invite_link):
    page = new_device()
    held = []
    page.route("**/js/casefile/**", lambda route: held.append(route) if held is not None else route.continue_())
    page.goto(invite_link)
    assert eventually(page, lambda: held)  # the case-file code is asked for, and held back
    assert secret_of(invite_link) not in page.url
    assert page.evaluate("location.href").endswith("/casefile/")
    waiting, held = held, None
    for route in waiting:
        route.continue_()
    expect(page.get_by_text("You have been invited to join a link group.").first).to_be_visible()
    page.go_back()
    page.go_forward()  # this tab's history has the plain address only
    assert page.url.endswith("/casefile/")


def test_joining_through_an_invite_leaves_no_group_name_in_the_browser_history(phone, tmp_path, invite_link):
    context = phone()
    page = context.new_page()
    register(page, "bea-private")
    new_case_file(page, SECRET_TITLE)
    join(page, invite_link, "Bea", SECRET_TITLE, group=SECRET_GROUP)
    expect(page).to_have_title("Linked cases – FalseOS")
    context.close()

    for url, title in browser_history(tmp_path / "profile", tmp_path / "History copy"):
        for private in (SECRET_GROUP, SECRET_TITLE, "Alex", "Kevin"):
            assert private not in url
            assert private not in title


NAME = "quiet-otter-42"
OTHER_NAME_MESSAGE = "That name does not match the account on this device."

# Everything the page can read from localStorage and the case file's IndexedDB, as text; bytes are
# decoded too, so plaintext kept as bytes would show.
STORED_ON_DEVICE = """
async () => {
  const asText = (key, value) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value);
  const out = [JSON.stringify(Object.entries(localStorage))];
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("falseos-casefile");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  for (const name of db.objectStoreNames) {
    const store = () => db.transaction(name).objectStore(name);
    for (const request of [store().getAll(), store().getAllKeys()]) {
      const result = await new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
      out.push(JSON.stringify(result, asText));
    }
  }
  db.close();
  return out.join("\\n");
}
"""


def lock(page: Page) -> None:
    page.get_by_role("button", name="Lock now").click()
    expect(heading(page)).to_have_text("Your private case file")


def register_with(page: Page, username: str, remember: bool) -> None:
    page.goto("/casefile/")
    expect(page.locator('[data-form="register"]').get_by_label("Remember my name on this device")).not_to_be_checked()
    register(page, username, remember_name=remember)


def unlock_form(page: Page):
    return page.locator('[data-form="unlock"]')


def test_the_locked_screen_does_not_show_the_name_and_unlocks_offline_when_it_is_typed(phone, app_server, tmp_path):
    context = phone()
    page = context.new_page()
    install(page)
    register_with(page, NAME, remember=False)
    lock(page)
    expect(page.locator("main")).not_to_contain_text(NAME)
    expect(unlock_form(page).get_by_label("Your name on FalseOS")).to_be_visible()
    expect(unlock_form(page).get_by_label("Your name on FalseOS")).to_have_value("")
    assert NAME not in page.evaluate(STORED_ON_DEVICE)
    context.close()
    assert not [value for _, value in form_memory(tmp_path / "profile", tmp_path / "Web Data copy") if NAME in value]

    context = phone()  # the phone is picked up later, with no signal
    context.set_offline(True)
    app_server.stop()
    page = context.new_page()
    page.goto("/casefile/")
    expect(unlock_form(page).get_by_label("Your name on FalseOS")).to_have_value("")
    expect(page.locator("main")).not_to_contain_text(NAME)

    unlock_form(page).get_by_label("Your name on FalseOS").fill("someone-else")
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(unlock_form(page)).to_contain_text(OTHER_NAME_MESSAGE)

    unlock_form(page).get_by_label("Your name on FalseOS").fill(NAME)
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(heading(page)).to_have_text("Your case files")
    assert NAME not in page.evaluate(STORED_ON_DEVICE)


def test_a_remembered_name_is_shown_when_locked_until_the_person_unticks_it(context, page):
    register_with(page, NAME, remember=True)
    lock(page)
    expect(unlock_form(page)).to_contain_text(f"This device holds the case files of “{NAME}”.")
    expect(unlock_form(page).get_by_label("Your name on FalseOS")).to_have_value(NAME)
    remember_box = unlock_form(page).get_by_label("Remember my name on this device")
    expect(remember_box).to_be_checked()

    remember_box.uncheck()
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(heading(page)).to_have_text("Your case files")
    assert NAME not in page.evaluate(STORED_ON_DEVICE)
    lock(page)
    expect(page.locator("main")).not_to_contain_text(NAME)
    expect(unlock_form(page).get_by_label("Your name on FalseOS")).to_have_value("")

    page.reload()
    expect(unlock_form(page).get_by_label("Your name on FalseOS")).to_have_value("")
    expect(unlock_form(page).get_by_label("Remember my name on this device")).not_to_be_checked()


def files_holding(profile: Path, text: str) -> list[str]:
    """Every file in the browser profile that holds this text as it is."""
    files = (path for path in profile.rglob("*") if path.is_file())
    return [str(path.relative_to(profile)) for path in files if text.encode() in path.read_bytes()]


def test_a_pasted_invite_link_leaves_nothing_in_the_browser_profile(phone, tmp_path, invite_link):
    context = phone()
    page = context.new_page()
    register(page, "bea-pastes")
    new_case_file(page, SECRET_TITLE)
    to_case_files(page)
    page.get_by_role("link", name="Join a link group with an invite link").click()
    page.get_by_label("The invite link you were sent").fill("not a link")
    page.get_by_role("button", name="Open the invite").click()
    expect(page.get_by_text("Paste the whole invite link.").first).to_be_visible()

    page.get_by_label("The invite link you were sent").fill(invite_link)
    page.get_by_role("button", name="Open the invite").click()
    expect(heading(page)).to_have_text("Join a link group")
    expect(page.get_by_text(f"Alex invited you to join “{SECRET_GROUP}”.")).to_be_visible()
    page.get_by_role("radio", name=SECRET_TITLE).check()
    page.get_by_label("Your name in this group").locator("visible=true").fill("Bea")
    page.get_by_role("button", name="Join the group").click()
    expect(heading(page)).to_have_text(SECRET_GROUP)
    context.close()

    assert files_holding(tmp_path / "profile", secret_of(invite_link)) == []
    for url, title in browser_history(tmp_path / "profile", tmp_path / "History copy"):
        assert SECRET_GROUP not in title
        assert "/links/join/" not in url


def test_the_evidence_zip_is_not_named_after_the_case_file(page):
    """The browser's list of downloads keeps each file's name. (Playwright saves downloads under random
    names, so this checks the name the page suggests, which a person's browser would keep.)"""
    register(page, "zip-name")
    new_case_file(page, SECRET_TITLE)
    open_section(page, "Print or download")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything as a ZIP file").click()
    assert re.fullmatch(r"falseos-export-\d{4}-\d{2}-\d{2}\.zip", download.value.suggested_filename)
