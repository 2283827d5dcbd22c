"""Steps for the linked-cases browser tests: several people, each in their own browser profile."""

from playwright.sync_api import Page, expect

from tests.browser.casefile_steps import PASSPHRASE, new_case_file, open_form, register, sync_now

GROUP = "People targeted by the same person"
POLICE_UK = "Local police force online crime report (via police.uk)"


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def add_reference(page: Page, agency: str, reference: str, force: str = "") -> None:
    open_form(page, "Reference numbers", "Add a reference number")
    page.get_by_label("Who did you report to?").select_option(label=agency)
    page.get_by_label("Reference number", exact=True).fill(reference)
    page.get_by_label("Police force (optional)").fill(force)
    page.get_by_role("button", name="Save reference number").click()
    expect(page.get_by_role("list", name="Reference numbers")).to_contain_text(reference)


def person(new_device, username: str, title: str, **device) -> Page:
    """Someone with an account and one case file, which is open. `device` goes to `new_device` (a viewport, say)."""
    page = new_device(**device)
    page.on("dialog", lambda dialog: dialog.accept())
    register(page, username)
    new_case_file(page, title)
    return page


def start_group(page: Page, display_name: str) -> None:
    open_form(page, "Linked cases", "Start a link group")
    page.get_by_label("Your name in this group").locator("visible=true").fill(display_name)
    page.get_by_role("button", name="Start a link group").click()
    page.get_by_role("button", name=GROUP).click()
    expect(heading(page)).to_have_text(GROUP)


def make_invite(page: Page) -> str:
    page.get_by_role("button", name="Make an invite link").click()
    expect(page.get_by_text("Your invite link is ready.")).to_be_visible()
    return page.get_by_label("Invite link", exact=True).input_value()


def open_invite(page: Page, link: str) -> None:
    """Follow an invite link on a device that has an account, and unlock there."""
    page.goto(link)
    expect(page.get_by_text("You have been invited to join a link group.")).to_be_visible()
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(heading(page)).to_have_text("Join a link group")


def join(page: Page, link: str, display_name: str, case_file: str) -> None:
    open_invite(page, link)
    page.get_by_role("radio", name=case_file).check()
    page.get_by_label("Your name in this group").locator("visible=true").fill(display_name)
    page.get_by_role("button", name="Join the group").click()
    expect(heading(page)).to_have_text(GROUP)


def share(page: Page, reference: str) -> None:
    page.get_by_label(reference).check()
    page.get_by_role("button", name="Save what I share").click()
    expect(shared_references(page)).to_contain_text(reference.split(": ", 1)[1])
    sync_now(page)  # on the server, so the others can see it when they sync


def shared_references(page: Page):
    return page.get_by_role("table", name="Reference numbers shared in this group")


def sees_all(page: Page, *references: str) -> None:
    sync_now(page)
    for reference in references:
        expect(shared_references(page)).to_contain_text(reference)


def three_people_linked(new_device) -> tuple[Page, Page, Page]:
    """Alex starts a group; Bea and Cy join through their own invites; each shares one reference number."""
    alex = person(new_device, "alex-linked", "The fake accounts")
    add_reference(alex, POLICE_UK, "GMP-111", "Greater Manchester Police")
    bea = person(new_device, "bea-linked", "Messages to me")
    add_reference(bea, "101 non-emergency police phone line", "CAD-222", "Metropolitan Police Service")
    cy = person(new_device, "cy-linked", "Accounts that copy me")
    add_reference(cy, POLICE_UK, "REF-333", "Greater Manchester Police")

    start_group(alex, "Alex")
    join(bea, make_invite(alex), "Bea", "Messages to me")
    join(cy, make_invite(alex), "Cy", "Accounts that copy me")
    share(alex, f"{POLICE_UK}: GMP-111")
    share(bea, "101 non-emergency police phone line: CAD-222")
    share(cy, f"{POLICE_UK}: REF-333")
    for page in (alex, bea, cy):
        sees_all(page, "GMP-111", "CAD-222", "REF-333")
    return alex, bea, cy
