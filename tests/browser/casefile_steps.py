"""Steps shared by the case-file browser tests, driven by the labels a person sees."""

import re
import time

from playwright.sync_api import Page, expect

PASSPHRASE = "correct horse battery staple"
SYNCED = "Synced"


def sync_state(page: Page):
    return page.locator("[data-sync-state]")


def register(page: Page, username: str, passphrase: str = PASSPHRASE, remember_name: bool = True) -> str:
    """Create an account; returns the recovery code it showed once.

    It ticks "Remember my name on this device" unless told not to, so that unlocking again needs only
    the passphrase. People start with it unticked: test_casefile_privacy.py covers that.
    """
    page.goto("/casefile/")
    page.get_by_label("Choose a name").fill(username)
    page.get_by_label("Choose a passphrase").fill(passphrase)
    page.get_by_label("Type the passphrase again").fill(passphrase)
    page.locator('[data-form="register"]').get_by_label("Remember my name on this device").set_checked(remember_name)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    code = page.locator("[data-recovery-code]").inner_text()
    page.get_by_label("I have saved my recovery code somewhere safe").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your case files")
    return code


def unlock(page: Page, username: str, passphrase: str = PASSPHRASE) -> None:
    page.goto("/casefile/")
    name = page.get_by_label("Your name on FalseOS").first
    if name.input_value() != username:
        name.fill(username)
    page.get_by_label("Passphrase", exact=True).fill(passphrase)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your case files")


def open_settings(page: Page) -> None:
    page.get_by_role("link", name="Account and security settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account and security")


def change_passphrase(page: Page, current: str, new: str, again: str | None = None) -> None:
    """Fill and send Settings' "Change your passphrase"; the caller checks what happened."""
    form = page.locator('[data-form="passphrase"]')
    form.get_by_label("Current passphrase").fill(current)
    form.get_by_label("Choose a new passphrase").fill(new)
    form.get_by_label("Type the new passphrase again").fill(new if again is None else again)
    form.get_by_role("button", name="Change passphrase").click()


def recover(page: Page, username: str, code: str, new: str, again: str | None = None) -> None:
    """Fill and send "Use your recovery code" from the unlock screen; the caller checks what happened."""
    page.goto("/casefile/")
    page.get_by_role("button", name="Forgotten your passphrase?").click()
    form = page.locator('[data-form="recover"]')
    form.get_by_label("Your name on FalseOS").fill(username)
    form.get_by_label("Recovery code").fill(code)
    form.get_by_label("New passphrase", exact=True).fill(new)
    form.get_by_label("Type the new passphrase again").fill(new if again is None else again)
    form.get_by_role("button", name="Recover my account").click()


def new_recovery_code(page: Page, passphrase: str = PASSPHRASE) -> str:
    """From Settings: make a new recovery code; returns it, as shown once."""
    form = page.locator('[data-form="new-recovery-code"]')
    form.get_by_label("Your passphrase").fill(passphrase)
    form.get_by_role("button", name="Make a new recovery code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    expect(page.get_by_text("This is your new recovery code. Your old one no longer works.")).to_be_visible()
    return page.locator("[data-recovery-code]").inner_text()


def new_case_file(page: Page, title: str, notes: str = "") -> None:
    page.get_by_role("link", name="Start a new case file").click()
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Notes about this case file (optional)").fill(notes)
    page.get_by_role("button", name="Create case file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def open_case_file(page: Page, title: str) -> None:
    page.get_by_role("button", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def open_section(page: Page, name: str) -> None:
    """Inside an open case file, go to one of its sections through the overview's task list."""
    section = page.get_by_role("list", name="In this case file").get_by_role("link", name=name, exact=True)
    back = page.get_by_role("link", name=re.compile("^Back to (?!your case files)"))
    for _ in range(3):  # from a form, Back goes to its list, then to the case file
        expect(section.or_(back).first).to_be_visible()
        if section.is_visible():
            break
        title = page.get_by_role("heading", level=1)
        shown = title.inner_text()
        back.click()
        expect(title).not_to_have_text(shown)  # the next view is drawn before looking again
    section.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def to_case_files(page: Page) -> None:
    """Back, one view at a time, to the list of case files."""
    title = page.get_by_role("heading", level=1)
    for _ in range(4):
        shown = title.inner_text()
        if shown == "Your case files":
            return
        page.get_by_role("link", name=re.compile("^Back to")).click()
        expect(title).not_to_have_text(shown)
    expect(title).to_have_text("Your case files")


def open_form(page: Page, section: str, add: str) -> None:
    """The section's one "Add" link, from wherever the case file is open (or its form, if it is showing)."""
    if page.get_by_role("heading", level=1, name=add, exact=True).is_visible():
        return
    link = page.get_by_role("link", name=add, exact=True)
    if not link.is_visible():
        open_section(page, section)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(add)


def add_diary_entry(page: Page, date: str, what: str, platform: str = "", time: str = "") -> None:
    open_form(page, "Incident diary", "Add a diary entry")
    page.get_by_label("Date", exact=True).fill(date)
    if time:
        page.get_by_label("Time (optional)").fill(time)
    page.get_by_label("Platform or channel").fill(platform)
    page.get_by_label("What happened").fill(what)
    page.get_by_role("button", name="Save entry").click()
    expect(diary_entries(page).filter(has_text=what)).to_have_count(1)


def add_evidence(page: Page, description: str, files: list[dict], captured: str = "2026-11-20", url: str = "") -> None:
    open_form(page, "Evidence", "Add evidence")
    page.get_by_label("What it shows").fill(description)
    page.get_by_label("Files", exact=True).set_input_files(files)
    page.get_by_label("Date you captured it").fill(captured)
    if url:
        page.get_by_label("Web address it came from (optional)").fill(url)
    page.get_by_role("button", name="Save evidence").click()
    expect(evidence_items(page).filter(has_text=description)).to_have_count(1)


def evidence_items(page: Page):
    return (
        page.get_by_role("list", name="Evidence, oldest first")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading"))
    )


def diary_entries(page: Page):
    return page.get_by_role("list", name="Diary entries, oldest first").get_by_role("listitem")


def wait_until_synced(page: Page) -> None:
    expect(sync_state(page)).to_have_text(SYNCED, timeout=20_000)


def sync_now(page: Page) -> None:
    page.get_by_role("button", name="Sync now").click()
    wait_until_synced(page)


def change_diary_entry(page: Page, old_text: str, new_text: str) -> None:
    if not page.get_by_role("list", name="Diary entries, oldest first").is_visible():
        open_section(page, "Incident diary")
    entry = diary_entries(page).filter(has_text=old_text)
    entry.get_by_role("button", name="Change").click()
    page.get_by_label("What happened").fill(new_text)
    page.get_by_role("button", name="Save entry").click()
    expect(diary_entries(page).filter(has_text=new_text)).to_have_count(1)


def save_copy(page: Page, name: str) -> bytes:
    """The bytes of an evidence file as the device saves them, through its "Save a copy" button."""
    with page.expect_download() as download:
        page.get_by_role("button", name=f"Save a copy of {name}").click()
    return download.value.path().read_bytes()


def eventually(page: Page, check, timeout: float = 10.0) -> bool:
    """Whether `check()` becomes true within the timeout: for server state a page changes in the background.

    It waits through the page, so Playwright keeps handling the page's events (routes included) meanwhile.
    """
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(100)
    return True
