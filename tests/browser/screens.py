"""Screenshots of the main views at phone size, for docs/screens/ (`make screens`; not part of `make test`).

Run explicitly: pytest collects this file only when it is named on the command line.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import (
    PASSPHRASE,
    add_diary_entry,
    add_evidence,
    new_case_file,
    open_section,
    register,
    to_case_files,
)
from tests.browser.linked_steps import add_reference
from tests.browser.test_casefile_evidence import PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENS = Path(__file__).resolve().parents[2] / "docs" / "screens"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
SMALL_PHONE = {**PHONE, "viewport": {"width": 320, "height": 640}}


def shoot(page, name: str) -> None:
    page.wait_for_timeout(300)  # let focus rings and banners settle
    page.screenshot(path=SCREENS / f"{name}.png", full_page=False)


def test_the_guide_at_phone_size(new_device):
    page = new_device(**PHONE)
    pages = [("guide-home", "/"), ("guide-finder", "/finder/"), ("guide-quick-exit", "/quick-exit/")]
    pages.append(("guide-offence-flagged", "/offences/malicious-communications/"))  # a legal-review notice
    for name, url in pages:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        shoot(page, name)


def test_the_case_file_at_phone_size(new_device):
    page = new_device(**PHONE)
    page.goto("/casefile/")
    shoot(page, "casefile-start")
    register(page, "screens")
    new_case_file(page, "Messages from one account")
    add_diary_entry(page, "2026-11-30", "A new account sent three messages about where I live.", platform="Instagram")
    shoot(page, "casefile-diary-saved")
    open_section(page, "Reference numbers")
    add_reference(page, "101 non-emergency police phone line", "CAD 1234/30NOV26", "Metropolitan Police Service")
    page.get_by_role("link", name="Back to the case file").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Messages from one account")
    shoot(page, "casefile-overview")
    open_section(page, "Incident diary")
    page.get_by_role("link", name="Add a diary entry").click()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="There is a problem").first).to_be_visible()
    shoot(page, "casefile-error-summary")


def test_writing_in_a_hurry_at_phone_size(new_device):
    page = new_device(**PHONE)
    register(page, "hurry")
    new_case_file(page, "Messages from one account")
    page.get_by_role("link", name="Quick log", exact=True).click()
    page.get_by_label("Describe it in a few words").fill("He commented on my photo again")
    shoot(page, "casefile-quick-log")
    page.get_by_role("button", name="Save quick log").click()
    expect(page.get_by_text("To complete", exact=True)).to_be_visible()
    page.get_by_role("link", name="Add a diary entry").click()
    page.get_by_label("What happened").fill("He posted where I work")
    page.get_by_text("More of what police ask about (optional)").click()
    page.get_by_label("How did it affect you?").fill("I took two days off")
    page.wait_for_timeout(1000)  # kept as a draft
    page.get_by_role("button", name="Lock now").click()
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_text("This is what you were writing", exact=False)).to_be_visible()
    shoot(page, "casefile-draft-kept")


def test_each_section_at_phone_size(new_device):
    page = new_device(**PHONE)
    register(page, "sections")
    new_case_file(page, "Messages from one account")
    add_evidence(page, "Screenshot of the message about my street", [PHOTO], url="https://www.instagram.com/p/example")
    shoot(page, "casefile-evidence")
    open_section(page, "Reference numbers")
    add_reference(page, "101 non-emergency police phone line", "CAD 4471/02DEC26", "Thames Valley Police")
    shoot(page, "casefile-references")
    open_section(page, "Escalation tracker")
    shoot(page, "casefile-escalation")
    open_section(page, "Title, notes and recently deleted")
    shoot(page, "casefile-settings")
    to_case_files(page)
    shoot(page, "casefile-list")


def test_a_small_phone(new_device):
    """320 px wide: the narrowest screen we promise. Nothing may overflow, and the exit stays in reach."""
    page = new_device(**SMALL_PHONE)
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, "small-guide-home")
    register(page, "small")
    new_case_file(page, "Messages from one account")
    shoot(page, "small-casefile-overview")
    page.get_by_role("link", name="Quick log", exact=True).click()
    shoot(page, "small-casefile-quick-log")
