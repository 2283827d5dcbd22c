"""What goes into a case file: diary entries in the order things happened, searched and filtered;
reference numbers with the Report Harmful Content wait; the escalation tracker."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import (
    add_diary_entry,
    diary_entries,
    new_case_file,
    open_case_file,
    open_form,
    open_section,
    register,
    unlock,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def case_file(new_device):
    page = new_device()
    register(page, "casey")
    new_case_file(page, "Fake profiles")
    return page


def test_diary_entries_are_listed_in_the_order_they_happened_and_can_be_searched(case_file):
    page = case_file
    add_diary_entry(page, "2026-11-03", "Third: a new fake profile", platform="Instagram")
    add_diary_entry(page, "2026-10-01", "First: the original account", platform="Facebook", time="08:15")
    add_diary_entry(page, "2026-11-03", "Second: earlier the same day", platform="Instagram", time="07:00")
    # Each entry's heading: the last one saved also carries the confirmation, above its heading.
    headings = [entry.get_by_role("heading").first.inner_text() for entry in diary_entries(page).all()]
    assert headings == [
        "1 October 2026, 08:15 – Facebook",
        "3 November 2026 – Instagram",
        "3 November 2026, 07:00 – Instagram",
    ]

    page.get_by_label("Search the diary").fill("fake profile")
    expect(diary_entries(page)).to_have_count(1)
    expect(page.get_by_text("Showing 1 of 3 entries").first).to_be_visible()
    page.get_by_label("Search the diary").fill("")
    page.get_by_label("Platform", exact=True).select_option("Instagram")
    expect(diary_entries(page)).to_have_count(2)


def test_a_diary_entry_needs_a_date_and_what_happened(case_file):
    page = case_file
    open_form(page, "Incident diary", "Add a diary entry")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Enter the date it happened.").first).to_be_visible()
    expect(page.get_by_text("Describe what happened.").first).to_be_visible()
    expect(page.get_by_label("Date", exact=True)).to_be_focused()
    page.get_by_label("Date", exact=True).fill("2099-01-01")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("The date cannot be in the future.").first).to_be_visible()
    page.get_by_role("link", name="Back to the diary").click()
    expect(diary_entries(page)).to_have_count(0)


def test_a_platform_report_shows_when_report_harmful_content_can_review_it(case_file):
    page = case_file
    reported = datetime.date.today() - datetime.timedelta(days=2)
    open_form(page, "Reference numbers", "Add a reference number")
    page.get_by_label("Who did you report to?").select_option(label="A platform (social network, app or website)")
    page.get_by_label("Name of the platform or organisation").fill("Instagram")
    page.get_by_label("Reference number", exact=True).fill("IG-555")
    page.get_by_label("Date you reported").fill(reported.isoformat())
    page.get_by_role("button", name="Save reference number").click()
    references = page.get_by_role("list", name="Reference numbers")
    expect(references).to_contain_text("Instagram: IG-555")
    review_from = reported + datetime.timedelta(days=7)
    expect(references).to_contain_text(
        f"Report Harmful Content can review this from {review_from.day} {review_from:%B %Y},"
        " or sooner if the platform replies."
    )


def test_a_police_reference_is_chosen_from_the_guides_channels(case_file):
    page = case_file
    open_form(page, "Reference numbers", "Add a reference number")
    page.get_by_role("button", name="Save reference number").click()
    expect(page.get_by_text("Choose who you reported to.").first).to_be_visible()
    page.get_by_label("Who did you report to?").select_option(label="101 non-emergency police phone line")
    expect(page.get_by_label("Name of the platform or organisation")).to_be_hidden()
    page.get_by_label("Reference number", exact=True).fill("CAD 1234 25/11")
    page.get_by_label("Officer or unit (optional)").fill("PC 999 Jones")
    page.get_by_role("button", name="Save reference number").click()
    expect(page.get_by_role("list", name="Reference numbers")).to_contain_text(
        "101 non-emergency police phone line: CAD 1234 25/11"
    )


def test_the_escalation_tracker_keeps_each_steps_status_and_links_to_the_guide(case_file, new_device):
    page = case_file
    open_section(page, "Escalation tracker")
    expect(page.get_by_role("link", name="Front-line")).to_have_attribute("href", "/escalation/#front-line")
    page.get_by_role("link", name="Update step 1").click()
    page.get_by_label("Step 1 status").select_option(label="Waiting")
    page.get_by_label("Step 1 date").fill("2026-11-01")
    page.get_by_label("Step 1 follow up on").fill("2026-11-08")
    page.get_by_label("Step 1 outcome").fill("Told to block them")
    page.get_by_role("button", name="Save step 1").click()
    summary = page.locator('[data-rung="1"] [data-rung-summary]')
    expect(summary).to_have_text("Waiting on 1 November 2026. Follow up was due on 8 November 2026.")
    page.get_by_role("button", name="Sync now").click()
    expect(page.locator("[data-sync-state]")).to_have_text("Synced")

    other = new_device()
    unlock(other, "casey")
    open_case_file(other, "Fake profiles")
    open_section(other, "Escalation tracker")
    other.get_by_role("link", name="Update step 1").click()
    expect(other.get_by_label("Step 1 outcome")).to_have_value("Told to block them")
    expect(other.get_by_label("Step 1 status")).to_have_value("waiting")
