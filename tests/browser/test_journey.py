"""The whole journey on a phone: from the home page to what happened, saved in the case file's diary."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import PASSPHRASE, diary_entries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_home_to_finder_to_a_saved_diary_entry_by_visible_labels(new_device):
    page = new_device(**PHONE)
    taps = 0

    def tap(locator):
        nonlocal taps
        locator.tap()
        taps += 1

    page.goto("/")
    tap(
        page.get_by_role(
            "link", name="Tick what is happening to you and see the offences, where to report and what to say"
        )
    )
    page.get_by_label("Posting my home address or private details").check()
    page.get_by_label("What is happening, in your own words").fill("He posted my address under my photos.")
    tap(page.get_by_role("button", name="Show what may apply"))
    tap(page.get_by_role("link", name="Save this to my case file"))
    expect(page).to_have_url(re.compile(r"/casefile/$"))  # the answers travel in the tab, not the address

    # A first visit: an account, its recovery code, a case file; then the entry the finder wrote.
    page.get_by_label("Choose a name").fill("journey")
    page.get_by_label("Choose a passphrase").fill(PASSPHRASE)
    page.get_by_label("Type the passphrase again").fill(PASSPHRASE)
    page.get_by_role("button", name="Create account").click()
    page.get_by_label("I have saved my recovery code somewhere safe").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Start a case file first.")).to_be_visible()
    page.get_by_role("link", name="Start a new case file").click()
    page.get_by_label("Title", exact=True).fill("Address posted online")
    page.get_by_role("button", name="Create case file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Add a diary entry")
    what = page.get_by_label("What happened")
    expect(what).to_have_value(re.compile("He posted my address under my photos."))
    expect(what).to_have_value(re.compile("Doxxing"))
    page.get_by_label("Date", exact=True).fill("2026-12-01")
    tap(page.get_by_role("button", name="Save entry"))

    expect(page.get_by_role("alert").filter(has_text="saved")).to_be_visible()
    expect(diary_entries(page)).to_have_count(1)
    expect(diary_entries(page).first).to_contain_text("He posted my address under my photos.")
    assert taps == 4  # finder, its answer, save to case file, save entry: the rest is typing and the first-visit setup
