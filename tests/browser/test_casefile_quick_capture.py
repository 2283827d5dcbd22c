"""Writing things down in a hurry: Quick log from any view, the diary's guided prompts, and a
half-written entry that survives the lock (kept encrypted on the device, offered back after unlocking)."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.casefile_steps import PASSPHRASE, new_case_file, open_form, open_section, register
from tests.browser.test_casefile_evidence import PHOTO
from tests.browser.test_casefile_privacy import STORED_ON_DEVICE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Messages from Sam"


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def quick_log_button(page: Page):
    return page.get_by_role("link", name="Quick log", exact=True)


@pytest.fixture
def phone(new_device):
    page = new_device(viewport={"width": 390, "height": 844}, has_touch=True)
    register(page, "quick")
    new_case_file(page, TITLE)
    return page


def in_viewport(page: Page, locator) -> bool:
    box = locator.bounding_box()
    if box is None:
        return False
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844


def unlock_here(page: Page) -> None:
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()


def idle_lock_soon(page: Page) -> None:
    """As Settings saves a shorter idle wait; the next key press starts the timer with it."""
    page.evaluate("localStorage.setItem('falseos-idle-lock-seconds', '2')")


def test_quick_log_is_one_tap_away_on_every_view_of_a_case_file_and_out_of_the_way_in_forms(phone):
    for section in ["Incident diary", "Evidence", "Reference numbers", "Escalation tracker", "Print or download"]:
        open_section(phone, section)
        phone.mouse.wheel(0, 5000)  # at the bottom of the view too
        expect(quick_log_button(phone)).to_be_visible()
        assert in_viewport(phone, quick_log_button(phone)), section
    open_form(phone, "Incident diary", "Add a diary entry")
    expect(quick_log_button(phone)).to_be_hidden()
    phone.get_by_role("link", name="Back to the diary").click()
    phone.get_by_role("link", name="Back to the case file").click()
    phone.get_by_role("link", name="Back to your case files").click()
    expect(quick_log_button(phone)).to_be_hidden()  # no case file chosen: which one would it go in?


def test_quick_log_saves_a_few_words_now_with_a_photo_and_marks_the_entry_to_complete(phone):
    quick_log_button(phone).click()
    expect(heading(phone)).to_have_text("Quick log")
    today = phone.evaluate("new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/London'}).format(new Date())")
    expect(phone.get_by_label("Date it happened", exact=True)).to_have_value(today)
    expect(phone.get_by_label("Time it happened", exact=True)).to_have_value(re.compile(r"^\d\d:\d\d$"))
    phone.get_by_label("Describe it in a few words").fill("He messaged my sister about me")
    phone.get_by_label("Photo or screenshot (optional)").set_input_files(PHOTO)
    phone.get_by_role("button", name="Save quick log").click()

    expect(phone.locator("[data-banner]")).to_contain_text("Saved to your diary")
    expect(heading(phone)).to_have_text("Incident diary")
    diary = phone.get_by_role("list", name="Diary entries, oldest first")
    entry = diary.get_by_role("listitem").filter(has_text="He messaged my sister")
    expect(entry.get_by_text("To complete", exact=True)).to_be_visible()

    open_section(phone, "Evidence")
    photo = phone.locator("[data-evidence-list] > li").filter(has_text="Photo added with a quick log")
    expect(photo).to_contain_text("threat.png")
    expect(photo).to_contain_text(re.compile(r"Fingerprint \(SHA-256\): [0-9a-f]{64}"))
    expect(photo.locator(".fo-summary__row").filter(has_text="Diary entries")).to_be_visible()

    phone.get_by_role("link", name="Back to the case file").click()
    attention = phone.get_by_role("region", name="Needs attention")
    expect(attention).to_contain_text("1 quick log is waiting for details")
    attention.get_by_role("link", name=re.compile("quick log")).click()
    entry.get_by_role("button", name=re.compile("^Change")).click()
    expect(phone.get_by_label("What happened")).to_have_value("He messaged my sister about me")
    phone.get_by_label("Platform or channel").fill("Facebook")
    phone.get_by_role("button", name="Save entry").click()
    expect(phone.locator("[data-banner]")).to_contain_text("The diary entry was changed.")
    expect(entry.get_by_text("To complete", exact=True)).to_have_count(0)
    phone.get_by_role("link", name="Back to the case file").click()
    expect(phone.get_by_role("region", name="Needs attention")).to_be_hidden()


def test_a_quick_log_without_words_says_what_to_write_and_keeps_the_photo_chosen(phone):
    quick_log_button(phone).click()
    phone.get_by_label("Photo or screenshot (optional)").set_input_files(PHOTO)
    phone.get_by_role("button", name="Save quick log").click()
    expect(phone.get_by_role("alert")).to_contain_text("Write a few words about what happened.")
    expect(phone.get_by_label("Describe it in a few words")).to_be_focused()
    assert phone.get_by_label("Photo or screenshot (optional)").evaluate("input => input.files.length") == 1


def test_the_guided_prompts_are_optional_and_their_answers_show_in_the_diary_and_its_search(phone):
    open_form(phone, "Incident diary", "Add a diary entry")
    expect(phone.get_by_label("How did it affect you?")).to_be_hidden()  # folded away until asked for
    phone.get_by_label("Date", exact=True).fill("2026-11-30")
    phone.get_by_label("What happened").fill("He posted my new address")
    phone.get_by_text("More of what police ask about (optional)").click()
    phone.get_by_label("Who else saw it or knows about it?").fill("My flatmate saw the post")
    phone.get_by_label("How did it affect you?").fill("I stopped walking home alone")
    phone.get_by_label("What did you do about it?").fill("Reported the post to the platform")
    phone.get_by_role("button", name="Save entry").click()

    entry = phone.get_by_role("list", name="Diary entries, oldest first").get_by_role("listitem").first
    expect(entry).to_contain_text("Who else saw itMy flatmate saw the post")
    expect(entry).to_contain_text("How it affected youI stopped walking home alone")
    expect(entry).to_contain_text("What you did about itReported the post to the platform")
    phone.get_by_label("Search the diary").fill("walking home")
    expect(entry).to_be_visible()
    phone.get_by_label("Search the diary").fill("walking to work")
    expect(phone.locator("[data-diary-count]")).to_have_text("Showing 0 of 1 entry")
    phone.get_by_label("Search the diary").fill("")

    entry.get_by_role("button", name=re.compile("^Change")).click()
    expect(phone.get_by_label("How did it affect you?")).to_be_visible()  # opened, since it has answers
    expect(phone.get_by_label("How did it affect you?")).to_have_value("I stopped walking home alone")

    open_section(phone, "Print or download")  # and the chronology police are given carries them
    phone.get_by_role("link", name="Print the chronology").click()
    incident = phone.locator("[data-incident]").first
    expect(incident).to_contain_text("How it affected youI stopped walking home alone")
    expect(incident).to_contain_text("Who else saw itMy flatmate saw the post")


def test_a_half_written_entry_survives_the_idle_lock_encrypted_and_comes_back_after_unlocking(phone):
    open_form(phone, "Incident diary", "Add a diary entry")
    form_address = phone.url
    idle_lock_soon(phone)
    phone.get_by_label("Date", exact=True).fill("2026-12-01")
    phone.get_by_label("Platform or channel").fill("WhatsApp")
    phone.get_by_label("What happened").fill("He sent a voice note saying he knows where I park")
    phone.get_by_text("More of what police ask about (optional)").click()
    phone.get_by_label("How did it affect you?").fill("I moved my car")
    phone.get_by_label("Yes, I reported it").check()

    expect(heading(phone)).to_have_text("Your private case file", timeout=10_000)  # locked itself
    stored = phone.evaluate(STORED_ON_DEVICE)
    for typed in ["voice note", "where I park", "I moved my car", "WhatsApp"]:
        assert typed not in stored  # kept, but only as ciphertext
    expect(phone.get_by_label("What happened")).to_have_value("")  # and nothing of it left on the screen

    phone.evaluate("localStorage.setItem('falseos-idle-lock-seconds', '600')")
    unlock_here(phone)
    expect(heading(phone)).to_have_text("Add a diary entry")
    assert phone.url == form_address
    expect(phone.get_by_text(re.compile("This is what you were writing before the case file locked"))).to_be_visible()
    expect(phone.get_by_label("What happened")).to_have_value("He sent a voice note saying he knows where I park")
    expect(phone.get_by_label("Platform or channel")).to_have_value("WhatsApp")
    expect(phone.get_by_label("How did it affect you?")).to_have_value("I moved my car")
    expect(phone.get_by_label("Yes, I reported it")).to_be_checked()

    phone.get_by_role("button", name="Save entry").click()
    expect(phone.locator("[data-banner]")).to_contain_text("The diary entry was saved.")
    phone.get_by_role("button", name="Lock now").click()
    phone.goto(form_address)
    unlock_here(phone)
    expect(heading(phone)).to_have_text("Add a diary entry")
    expect(phone.get_by_label("What happened")).to_have_value("")  # saved, so no draft is offered again
    expect(phone.get_by_text(re.compile("what you were writing"))).to_have_count(0)


def test_a_kept_draft_can_be_thrown_away_and_cancel_throws_it_away_too(phone):
    quick_log_button(phone).click()
    quick_log_address = phone.url
    phone.get_by_label("Describe it in a few words").fill("Draft to throw away")
    phone.wait_for_timeout(1500)  # a pause in typing: the draft is kept
    phone.get_by_role("button", name="Lock now").click()
    unlock_here(phone)
    expect(phone.get_by_label("Describe it in a few words")).to_have_value("Draft to throw away")
    phone.get_by_role("button", name="Delete it and start again").click()
    expect(phone.get_by_label("Describe it in a few words")).to_have_value("")

    phone.get_by_role("button", name="Lock now").click()
    unlock_here(phone)
    expect(heading(phone)).to_have_text("Quick log")
    assert phone.url == quick_log_address
    expect(phone.get_by_label("Describe it in a few words")).to_have_value("")

    phone.get_by_label("Describe it in a few words").fill("Another draft")
    phone.wait_for_timeout(1500)
    phone.get_by_role("link", name="Cancel").click()
    quick_log_button(phone).click()
    phone.get_by_role("button", name="Lock now").click()
    unlock_here(phone)
    expect(phone.get_by_label("Describe it in a few words")).to_have_value("")
