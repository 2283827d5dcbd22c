"""The scripts' words come from the catalog at /jsi18n/<language>.js: a fake one that marks every
string shows up in what the case file says, counted strings and placeholders included."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import new_case_file, register, sync_state, to_case_files

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What Django's JavaScriptCatalog defines, translating into a made-up language that marks each string.
FAKE_CATALOG = """
window.django = {
  gettext: (text) => "[xx] " + text,
  ngettext: (singular, plural, count) => "[xx] " + (count === 1 ? singular : plural),
};
"""


@pytest.fixture
def translated(new_device):
    """A device whose catalog is the fake one. Service workers are blocked, so every request meets the route."""
    page = new_device()
    page.route(
        "**/jsi18n/en-gb.js",
        lambda route: route.fulfill(status=200, content_type="text/javascript; charset=utf-8", body=FAKE_CATALOG),
    )
    return page


def test_the_register_forms_errors_come_from_the_catalog(translated):
    translated.goto("/casefile/")
    translated.get_by_label("Choose a name").fill("dana")
    translated.get_by_label("Choose a passphrase").fill("short")
    translated.get_by_role("button", name="Create account").click()

    summary = translated.locator("[data-error-summary]")
    expect(summary).to_contain_text("[xx] There is a problem")
    expect(summary).to_contain_text("[xx] Type the passphrase again.")
    # The translated sentence had its placeholders filled in after translation.
    expect(summary).to_contain_text(re.compile(r"\[xx\] Use at least \d+ characters, and 15 or more if you can\."))
    expect(summary).not_to_contain_text("%(")


def test_the_sync_status_and_counted_strings_come_from_the_catalog(translated):
    register(translated, "emery")
    expect(sync_state(translated)).to_have_text("[xx] Synced", timeout=20_000)
    new_case_file(translated, "Messages from K")
    to_case_files(translated)
    expect(translated.locator("[data-casefile-list]")).to_contain_text("[xx] 0 diary entries")


def test_the_real_catalog_is_loaded_before_the_modules(page):
    page.goto("/casefile/")
    assert page.evaluate("typeof window.django?.ngettext") == "function"
    assert page.evaluate("window.django.ngettext('one', 'many', 2)") == "many"
