"""The server never holds a case file's contents in plaintext: a browser writes entries with
unique markers in every field, syncs, and every table (and media storage) is searched for them."""

import pytest
from playwright.sync_api import expect

from casefile.models import Record
from tests.browser.casefile_steps import (
    add_diary_entry,
    new_case_file,
    open_form,
    open_section,
    register,
    wait_until_synced,
)
from tests.browser.server_scan import found

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MARKERS = {
    "title": "MARKER-TITLE-7f3a",
    "notes": "MARKER-NOTES-91bc",
    "platform": "MARKER-PLATFORM-2d4e",
    "handle": "MARKER-HANDLE-c0de",
    "what": "MARKER-WHAT-5a5a",
    "link": "https://example.org/MARKER-LINK-8e8e",
    "diary_reference": "MARKER-DIARYREF-1234",
    "reference": "MARKER-REF-4321",
    "officer": "MARKER-OFFICER-aaaa",
    "reference_notes": "MARKER-REFNOTES-bbbb",
    "reply": "MARKER-REPLY-cccc",
    "agency": "MARKER-AGENCY-dddd",
    "outcome": "MARKER-OUTCOME-eeee",
}


def test_nothing_the_person_writes_reaches_the_server_in_plaintext(new_device):
    page = new_device()
    register(page, "marker-user")
    new_case_file(page, MARKERS["title"], notes=MARKERS["notes"])
    open_form(page, "Incident diary", "Add a diary entry")
    page.get_by_label("Date", exact=True).fill("2026-11-05")
    page.get_by_label("Platform or channel").fill(MARKERS["platform"])
    page.get_by_label("Account or handle they used").fill(MARKERS["handle"])
    page.get_by_label("Links (one per line)").fill(MARKERS["link"])
    page.get_by_label("Yes, I reported it").check()
    page.get_by_label("Reference number it was reported under (optional)").fill(MARKERS["diary_reference"])
    add_diary_entry(page, "2026-11-05", MARKERS["what"], platform=MARKERS["platform"])

    open_form(page, "Reference numbers", "Add a reference number")
    page.get_by_label("Who did you report to?").select_option(label="A platform (social network, app or website)")
    page.get_by_label("Name of the platform or organisation").fill(MARKERS["agency"])
    page.get_by_label("Reference number", exact=True).fill(MARKERS["reference"])
    page.get_by_label("Officer or unit (optional)").fill(MARKERS["officer"])
    page.get_by_label("The platform's reply (optional)").fill(MARKERS["reply"])
    page.get_by_label("Notes on this report (optional)").fill(MARKERS["reference_notes"])
    page.get_by_role("button", name="Save reference number").click()
    expect(page.get_by_role("list", name="Reference numbers")).to_contain_text(MARKERS["reference"])

    open_section(page, "Escalation tracker")
    page.get_by_role("link", name="Update step 1").click()
    page.get_by_label("Step 1 outcome").fill(MARKERS["outcome"])
    page.get_by_role("button", name="Save step 1").click()
    # Saved first (the sync bar then leaves "Synced"), so the wait below is for this save's push.
    expect(page.locator("[data-banner]")).to_contain_text("Step 1 was saved.")
    wait_until_synced(page)
    assert Record.objects.filter(deleted=False).count() == 4  # details, diary entry, reference, step 1

    assert found("marker-user")  # the search does see what the server stores: the name is meant to be there
    assert {name: found(marker) for name, marker in MARKERS.items()} == {name: [] for name in MARKERS}
    assert page.errors == []
