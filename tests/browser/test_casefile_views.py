"""The case file as an app: an overview, one view per section with its own address, one form at a
time, a confirmation after each save, an error summary, and what a guide page carries over."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.casefile_steps import (
    PASSPHRASE,
    add_diary_entry,
    add_evidence,
    diary_entries,
    new_case_file,
    open_form,
    open_section,
    register,
    wait_until_synced,
)
from tests.browser.layout import assert_exit_reachable, assert_no_horizontal_overflow
from tests.browser.test_casefile_evidence import PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

UUID = "[0-9a-f-]{36}"
TITLE = "Kevin from work"
CARRY = "/static/js/carry.js"


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def banner(page: Page):
    return page.locator("[data-banner]")


def carry(page: Page, value: dict) -> None:
    """What a guide page's button does: hand a value to the case file through this tab, then open it."""
    page.evaluate("([url, value]) => import(url).then((module) => module.carryToCaseFile(value))", [CARRY, value])
    page.goto("/casefile/")


def unlock_here(page: Page) -> None:
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()


@pytest.fixture
def phone(new_device):
    page = new_device(viewport={"width": 390, "height": 844})
    register(page, "views")
    new_case_file(page, TITLE)
    return page


def test_each_view_has_its_own_address_and_back_returns_to_the_one_before(phone):
    expect(phone).to_have_url(re.compile(f"/casefile/#/f/{UUID}$"))
    open_section(phone, "Incident diary")
    expect(phone).to_have_url(re.compile(f"/casefile/#/f/{UUID}/diary$"))
    phone.get_by_role("link", name="Add a diary entry").click()
    expect(phone).to_have_url(re.compile(f"/casefile/#/f/{UUID}/diary/new$"))
    expect(heading(phone)).to_have_text("Add a diary entry")

    phone.go_back()
    expect(heading(phone)).to_have_text("Incident diary")
    phone.go_back()
    expect(heading(phone)).to_have_text(TITLE)
    phone.go_forward()
    expect(heading(phone)).to_have_text("Incident diary")
    assert "Kevin" not in phone.url
    expect(phone).to_have_title("Incident diary – FalseOS")
    assert phone.errors == []


def test_the_list_of_case_files_opens_a_form_only_when_asked_and_back_skips_a_form_already_sent(new_device):
    page = new_device(viewport={"width": 390, "height": 844})
    register(page, "listing")
    expect(heading(page)).to_have_text("Your case files")
    expect(page.get_by_text("You have no case files yet.")).to_be_visible()
    for button in ("Create case file", "Open the invite"):
        expect(page.get_by_role("button", name=button)).to_have_count(0)

    page.get_by_role("link", name="Join a link group with an invite link").click()
    expect(heading(page)).to_have_text("Open an invite link")
    page.get_by_role("link", name="Cancel").click()
    expect(heading(page)).to_have_text("Your case files")

    page.get_by_role("link", name="Start a new case file").click()
    expect(page).to_have_url(re.compile("/casefile/#/new$"))
    page.get_by_role("button", name="Create case file").click()
    expect(page.get_by_text("Give the case file a title.").first).to_be_visible()
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_role("button", name="Create case file").click()
    expect(heading(page)).to_have_text(TITLE)
    page.go_back()
    expect(heading(page)).to_have_text("Your case files")
    expect(page.get_by_role("button", name=TITLE, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Create case file")).to_have_count(0)


def test_only_one_form_is_open_at_a_time_and_change_opens_it_filled_in(phone):
    open_section(phone, "Incident diary")
    expect(phone.get_by_role("button", name="Save entry")).to_have_count(0)
    phone.get_by_role("link", name="Add a diary entry").click()
    for other in ("Save evidence", "Save reference number", "Save step 1", "Create case file", "Save title and notes"):
        expect(phone.get_by_role("button", name=other)).to_have_count(0)
    phone.get_by_role("link", name="Cancel").click()
    expect(heading(phone)).to_have_text("Incident diary")

    add_diary_entry(phone, "2026-11-20", "He waited outside the office")
    diary_entries(phone).first.get_by_role("button", name="Change").click()
    expect(heading(phone)).to_have_text("Change this diary entry")
    expect(phone.get_by_label("What happened")).to_have_value("He waited outside the office")
    expect(phone).to_have_url(re.compile(f"/casefile/#/f/{UUID}/diary/{UUID}$"))


def assert_not_under_the_bar(page: Page, element) -> None:
    """Focus not obscured: the element starts below the sticky sync bar (which sits under the exit bar)."""
    bar = page.locator(".fo-casefile__bar").bounding_box()
    assert element.bounding_box()["y"] >= bar["y"] + bar["height"] - 1


def test_a_save_is_confirmed_where_the_person_is_looking_with_the_entry_in_view(phone):
    # On a phone the banner and a new entry below it do not fit on one screen: the confirmation goes
    # on the entry, which takes the focus; the banner above still announces it (role alert).
    add_diary_entry(phone, "2026-11-01", "Message number 1 from the same account")
    expect(banner(phone)).to_have_attribute("role", "alert")
    expect(banner(phone)).to_contain_text("The diary entry was saved.")
    entry = diary_entries(phone).filter(has_text="Message number 1")
    expect(entry).to_be_in_viewport()
    expect(entry).to_be_focused()
    expect(entry).to_contain_text("The diary entry was saved.")
    assert_not_under_the_bar(phone, entry)
    wait_until_synced(phone)  # a sync redraws the list: the confirmation and the focus stay
    expect(entry).to_be_focused()
    expect(entry).to_contain_text("The diary entry was saved.")

    # A save with no item to show: the banner has the focus, clear of the sticky bars.
    open_section(phone, "Escalation tracker")
    phone.get_by_role("link", name="Update step 1").click()
    phone.get_by_label("Step 1 status").select_option(label="Waiting")
    phone.get_by_role("button", name="Save step 1").click()
    expect(banner(phone)).to_contain_text("Step 1 was saved.")
    expect(banner(phone)).to_be_focused()
    assert_not_under_the_bar(phone, banner(phone))

    open_section(phone, "Incident diary")
    expect(banner(phone)).to_be_hidden()  # only right after the save


def test_the_overview_counts_what_is_there_and_says_what_needs_attention(phone):
    add_diary_entry(phone, "2026-11-01", "First: the fake profile")
    add_diary_entry(phone, "2026-11-03", "Second: the voicemail")
    open_section(phone, "Escalation tracker")
    phone.get_by_role("link", name="Update step 1").click()
    phone.get_by_label("Step 1 status").select_option(label="Waiting")
    overdue = datetime.date.today() - datetime.timedelta(days=3)
    phone.get_by_label("Step 1 follow up on").fill(overdue.isoformat())
    phone.get_by_role("button", name="Save step 1").click()
    expect(banner(phone)).to_contain_text("Step 1 was saved.")
    phone.context.set_offline(True)
    add_evidence(phone, "Screenshot of the profile", [PHOTO])

    open_section(phone, "Evidence")
    phone.get_by_role("link", name="Back to the case file").click()
    expect(heading(phone)).to_have_text(TITLE)
    tasks = phone.get_by_role("list", name="In this case file")
    expect(tasks.get_by_role("listitem").filter(has_text="Incident diary")).to_contain_text("2 entries")
    expect(tasks.get_by_role("listitem").filter(has_text="Evidence")).to_contain_text("1 item")
    expect(tasks.get_by_role("listitem").filter(has_text="Reference numbers")).to_contain_text("0 reference numbers")
    expect(tasks.get_by_role("listitem").filter(has_text="Escalation tracker")).to_contain_text("1 step started")
    latest = phone.get_by_role("list", name="Latest incidents, newest first").get_by_role("listitem")
    expect(latest).to_have_count(2)
    expect(latest.first).to_contain_text("Second: the voicemail")

    attention = phone.get_by_role("region", name="Needs attention")
    due = f"{overdue.day} {overdue:%B %Y}"
    expect(attention).to_contain_text(f"Step 1: the follow up was due on {due}.")
    expect(attention).to_contain_text("not reached the server yet")
    expect(attention).to_contain_text("1 evidence file is waiting for a timestamp receipt")
    attention.get_by_role("link", name=re.compile("^Step 1")).click()
    expect(phone.get_by_label("Step 1 status")).to_have_value("waiting")


def test_the_error_summary_lists_every_problem_at_once_and_links_to_each_field(phone):
    open_form(phone, "Incident diary", "Add a diary entry")
    phone.get_by_label("Links (one per line)").fill("not a link")
    phone.get_by_role("button", name="Save entry").click()
    summary = phone.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Enter the date it happened.",
            "Describe what happened.",
            "Each link should start with https:// and go on its own line.",
        ]
    )
    summary.get_by_role("link", name="Describe what happened.").click()
    expect(phone.get_by_label("What happened")).to_be_focused()
    expect(phone).to_have_url(re.compile("/diary/new$"))  # the links do not change the address


def test_registration_says_everything_that_is_wrong_in_one_go(new_device):
    page = new_device()
    page.goto("/casefile/")
    page.get_by_label("Choose a name").fill("x")
    page.get_by_label("Choose a passphrase").fill("short")
    page.get_by_label("Type the passphrase again").fill("different")
    page.get_by_role("button", name="Create account").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary.get_by_role("link")).to_have_count(3)
    expect(summary).to_contain_text("Use 3 to 40 letters")
    expect(summary).to_contain_text("Use at least 8 characters")
    expect(summary).to_contain_text("The two passphrases are different")


def test_an_impossible_date_is_not_a_real_date(phone):
    open_form(phone, "Incident diary", "Add a diary entry")
    phone.get_by_label("Date", exact=True).press_sequentially("31022026")  # 31 February
    phone.get_by_label("What happened").fill("Something happened")
    phone.get_by_role("button", name="Save entry").click()
    expect(phone.locator('[data-field="happened"]').get_by_text("Enter a real date.")).to_be_visible()


def test_a_locked_app_shows_the_unlock_screen_for_a_deep_link_then_goes_there(phone):
    add_diary_entry(phone, "2026-11-20", "Entry behind the lock")
    deep_link = phone.url
    assert deep_link.endswith("/diary")
    phone.get_by_role("button", name="Lock now").click()
    phone.goto(deep_link)
    expect(heading(phone)).to_have_text("Your private case file")
    expect(phone.get_by_role("button", name="Unlock")).to_be_visible()
    phone.evaluate("location.hash = '#/settings'")  # a locked app ignores routes
    expect(phone.get_by_role("button", name="Unlock")).to_be_visible()
    expect(phone.get_by_text("Entry behind the lock")).to_have_count(0)
    phone.evaluate("history.back()")
    unlock_here(phone)
    expect(heading(phone)).to_have_text("Incident diary")
    expect(diary_entries(phone).filter(has_text="Entry behind the lock")).to_have_count(1)


def test_a_reference_number_carried_from_the_guide_opens_its_form_with_the_agency_chosen(phone):
    phone.get_by_role("button", name="Lock now").click()
    carry(phone, {"kind": "reference", "agency": "Report Harmful Content"})
    # Taken from the tab as the case file starts (ui.js is a dynamic import, so after "load").
    phone.wait_for_function("sessionStorage.length === 0", timeout=5000)
    unlock_here(phone)
    expect(heading(phone)).to_have_text("Add a reference number")
    expect(phone.get_by_label("Who did you report to?")).to_have_value("Report Harmful Content")
    phone.get_by_label("Reference number", exact=True).fill("RHC-1")
    phone.get_by_role("button", name="Save reference number").click()
    expect(phone.get_by_role("list", name="Reference numbers")).to_contain_text("Report Harmful Content: RHC-1")


def test_several_case_files_ask_which_one_and_none_asks_for_one_first(new_device):
    page = new_device()
    register(page, "carrier")
    carry(
        page,
        {
            "kind": "diary",
            "offences": ["Stalking (Protection from Harassment Act 1997, section 2A)"],
            "text": "He follows me online",
        },
    )
    unlock_here(page)
    expect(page.get_by_text("Start a case file first.")).to_be_visible()
    new_case_file_then_form(page, "First one")
    expect(page.get_by_label("What happened")).to_have_value(re.compile("^He follows me online"))
    expect(page.get_by_label("What happened")).to_have_value(re.compile("Stalking \\(Protection from Harassment"))

    page.get_by_role("link", name="Back to the diary").click()
    page.get_by_role("link", name="Back to the case file").click()
    page.get_by_role("link", name="Back to your case files").click()
    new_case_file(page, "Second one")
    page.get_by_role("button", name="Lock now").click()
    carry(page, {"kind": "diary", "offences": [], "text": "Carried again"})
    unlock_here(page)
    expect(page.get_by_text("Which case file is this for?")).to_be_visible()
    page.get_by_role("button", name="Second one").click()
    expect(heading(page)).to_have_text("Add a diary entry")
    expect(page.get_by_label("What happened")).to_have_value("Carried again")
    expect(page.locator("[data-case-caption]")).to_have_text("Second one")


def new_case_file_then_form(page: Page, title: str) -> None:
    page.get_by_role("link", name="Start a new case file").click()
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_role("button", name="Create case file").click()
    expect(heading(page)).to_have_text("Add a diary entry")


@pytest.mark.parametrize("width", [320, 390])
def test_no_view_is_wider_than_a_small_phone(new_device, width):
    page = new_device(viewport={"width": width, "height": 800})
    register(page, f"narrow{width}")
    new_case_file(page, "A" * 80)
    link = "https://example.org/" + "a-very-long-path-without-any-spaces-" * 4
    open_form(page, "Incident diary", "Add a diary entry")
    page.get_by_label("Links (one per line)").fill(link)
    add_diary_entry(page, "2026-11-20", "B" * 120, platform="C" * 60)
    add_evidence(page, "Screenshot", [PHOTO], url=link)
    routes = [
        "diary",
        "diary/new",
        "evidence",
        "evidence/new",
        "references",
        "references/new",
        "escalation",
        "escalation/1",
    ]
    routes += ["linked", "linked/new", "exports", "exports/print", "settings", "settings/deleted"]
    base = page.url.split("#")[0] + "#" + page.url.split("#")[1].split("/evidence")[0]
    for route in ["", *routes]:
        page.evaluate("hash => { location.hash = hash; }", f"{base.split('#')[1]}/{route}".rstrip("/"))
        page.wait_for_timeout(150)
        width_used = page.evaluate("document.documentElement.scrollWidth")
        assert width_used <= width, f"{route or 'overview'} is {width_used}px wide"
        assert_no_horizontal_overflow(page)
        assert_exit_reachable(page)  # at the bottom of the view, the exit is on screen and not covered
    for hash_ in ["#/", "#/new", "#/invite", "#/settings"]:
        page.evaluate("hash => { location.hash = hash; }", hash_)
        page.wait_for_timeout(150)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, hash_
        assert_no_horizontal_overflow(page)
        assert_exit_reachable(page)
    # Squeezed beside the two buttons, the sync status once ran one letter a line at 320 px.
    assert page.locator("[data-sync-state]").bounding_box()["width"] >= 112
