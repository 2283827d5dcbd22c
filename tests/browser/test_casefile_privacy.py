"""Nothing private is left in the browser's history, tabs or recent-apps view, or on the lock screen.

The person harassing them may pick up the phone. These tests use a real Chromium profile on disk and
read what Chromium itself kept (its History database) after the browser was closed.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.browser.casefile_steps import new_case_file, register
from tests.browser.linked_steps import heading

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SECRET_TITLE = "Threats from Kevin Smith"
SECRET_GROUP = "Kevin Smith's targets"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


@pytest.fixture
def phone(chromium, app_server, tmp_path):
    """A phone with a real browser profile on disk. Closing it makes Chromium write its history out."""
    launcher, options = chromium
    contexts = []

    def switch_on():
        context = launcher.launch_persistent_context(tmp_path / "profile", base_url=app_server.url, **options)
        context.set_default_timeout(15_000)
        context.route(
            f"{settings.QUICK_EXIT_URL}**",
            lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html"),
        )
        contexts.append(context)
        return context

    yield switch_on
    for context in contexts:
        context.close()


def browser_history(profile: Path, copy_to: Path) -> list[tuple[str, str]]:
    """Every (address, title) in Chromium's History database, read from a copy as a forensic tool would."""
    shutil.copy(profile / "Default" / "History", copy_to)
    with sqlite3.connect(copy_to) as db:
        return db.execute("SELECT url, title FROM urls").fetchall()


def quick_exit(page: Page) -> None:
    page.get_by_role("link", name="Exit this site").click()
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()


def open_new_group(page: Page, name: str) -> None:
    page.get_by_label("Name of the group (optional)").fill(name)
    page.get_by_label("Your name in this group").locator("visible=true").fill("Sam")
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
    page.get_by_role("button", name="Back to the case file").click()
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
