"""The harasser joins a link group as a "co-victim" and attacks it from the browser console.

Alice and Bob are honest. Mallory uses the page's own modules (and crafted requests) to forge,
alter and poison group records and to hand everyone a garbage keyring. Alice and Bob still see
only their own entries under their own names, the summary for police carries no forgery, and
Alice can still remove Mallory.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from casefile.models import Collection, Membership, Record
from tests.browser.casefile_steps import sync_now
from tests.browser.group_keys import keyring_of
from tests.browser.linked_steps import (
    GROUP,
    POLICE_UK,
    add_reference,
    heading,
    join,
    make_invite,
    person,
    share,
    shared_references,
    start_group,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}

# Mallory's console (see the file): the page's own modules, and her attacks on window.mallory.
CONSOLE = (Path(__file__).parent / "mallory_console.js").read_text()
# Set to a directory to keep phone-sized screenshots of the group page under attack.
SCREENSHOTS = os.environ.get("FALSEOS_SCREENSHOTS")

NOT_READ = "6 entries from other members could not be read, so they are not shown."
KEY_REFUSED = "Someone gave this group a new key that does not work on this device"


def shared_by(page: Page, reference: str):
    return shared_references(page).get_by_role("row").filter(has_text=reference).get_by_role("cell").nth(5)


def summary_rows(page: Page) -> list[str]:
    page.get_by_role("button", name="Print the summary for police").click()
    expect(heading(page)).to_have_text("Linked reports: cross-reference summary")
    rows = page.locator("[data-summary] tbody tr").all_inner_texts()
    page.get_by_role("button", name="Back to the group").click()
    expect(heading(page)).to_have_text(GROUP)
    return rows


def test_a_harasser_in_the_group_can_write_only_as_themselves_and_can_still_be_removed(new_device):
    alice = person(new_device, "alice-auth", "The fake accounts")
    add_reference(alice, POLICE_UK, "GMP-111", "Greater Manchester Police")
    bob = person(new_device, "bob-auth", "Messages to me", viewport=PHONE)
    add_reference(bob, "101 non-emergency police phone line", "CAD-222", "Metropolitan Police Service")
    mallory = person(new_device, "mallory-auth", "Also targeted, honest")
    start_group(alice, "Alice")
    join(bob, make_invite(alice), "Bob", "Messages to me")
    join(mallory, make_invite(alice), "Mallory", "Also targeted, honest")
    share(alice, f"{POLICE_UK}: GMP-111")
    share(bob, "101 non-emergency police phone line: CAD-222")
    sync_now(mallory)
    group = Collection.objects.get(kind=Collection.Kind.LINK_GROUP)

    mallory.evaluate(CONSOLE)
    result = mallory.evaluate("(args) => window.mallory.attack(args)", {"groupId": str(group.id)})
    assert result["refused"] == {
        "altered": "403 not_your_record",
        "deleted": "403 not_your_record",
        "name": "403 not_your_record",
        "renamed": "403 starter_only",
    }
    assert result["accepted"] == "saved"
    assert result["stuck"] == 0  # the page's own sync dropped the refused edit and carried on
    assert not Record.objects.filter(collection=group, deleted=True).exists()

    for page, me in ((alice, "Alice"), (bob, "Bob")):
        sync_now(page)
        expect(page.get_by_text(NOT_READ)).to_be_visible()
        expect(shared_by(page, "GMP-111")).to_have_text("Alice (you)" if me == "Alice" else "Alice")
        expect(shared_by(page, "CAD-222")).to_have_text("Bob (you)" if me == "Bob" else "Bob")
        expect(shared_by(page, "FORGED-1")).to_have_text("Mallory")  # it claims to be Alice's
        expect(shared_references(page)).not_to_contain_text("ALTERED")
        expect(shared_references(page)).not_to_contain_text("POISON")
        expect(heading(page)).to_have_text(GROUP)
        rows = summary_rows(page)
        assert [row for row in rows if "GMP-111" in row] == [row for row in rows if row.rstrip().endswith("Alice")]
        assert [row for row in rows if "CAD-222" in row] == [row for row in rows if row.rstrip().endswith("Bob")]
        assert all("ALTERED" not in row and "POISON" not in row for row in rows)
    if SCREENSHOTS:
        bob.get_by_text(NOT_READ).scroll_into_view_if_needed()
        bob.screenshot(path=f"{SCREENSHOTS}/bob-poisoned.png")

    # Her own name is hers to choose, so she chooses Alice's: everyone is told two people use it.
    assert mallory.evaluate(
        "(args) => window.mallory.takeName(args)", {"groupId": str(group.id), "name": " alice"}
    ) == ("renamed")
    sync_now(bob)
    expect(shared_by(bob, "FORGED-1")).to_have_text("alice (2 people use this name)")
    expect(shared_by(bob, "GMP-111")).to_have_text("Alice (2 people use this name)")
    expect(bob.get_by_role("list", name="People in this group")).to_contain_text(
        "Alice (2 people use this name), started the group"
    )
    if SCREENSHOTS:
        shared_references(bob).scroll_into_view_if_needed()
        bob.screenshot(path=f"{SCREENSHOTS}/bob-same-name.png")

    # Someone "left": Mallory's device answers first, with keyrings that are garbage or swap a key.
    bobs_keys = keyring_of("bob-auth", group)
    Collection.objects.filter(pk=group.pk).update(rotation_needed=True)
    assert mallory.evaluate("(args) => window.mallory.garbageRotation(args)", {"groupId": str(group.id)}) == "sent"
    for page in (alice, bob):
        sync_now(page)
        expect(page.get_by_text(KEY_REFUSED)).to_be_visible()
        expect(shared_references(page)).to_contain_text("GMP-111")
        expect(shared_references(page)).to_contain_text("CAD-222")
    if SCREENSHOTS:
        bob.get_by_text(KEY_REFUSED).scroll_into_view_if_needed()
        bob.screenshot(path=f"{SCREENSHOTS}/bob-key-refused.png")

    alice.get_by_role("button", name="Remove alice (2 people use this name)").click()
    expect(alice.get_by_text("alice (2 people use this name) is no longer in the group.").first).to_be_visible()
    assert list(Membership.objects.filter(collection=group).values_list("user__username", flat=True)) == [
        "alice-auth",
        "bob-auth",
    ]
    assert Collection.objects.get(pk=group.pk).key_version == 3
    for page in (alice, bob):
        sync_now(page)
        expect(shared_references(page)).not_to_contain_text("FORGED")
        expect(page.get_by_text(NOT_READ)).to_be_hidden()
        expect(page.get_by_text(KEY_REFUSED)).to_be_hidden()
        expect(page.get_by_role("list", name="People in this group")).not_to_contain_text("people use this name")
        rows = summary_rows(page)
        assert len(rows) == 2 and not [row for row in rows if "FORGED" in row]
    assert keyring_of("bob-auth", group)[1] == bobs_keys[1]  # Bob took on the new keyring: it kept his key
    assert set(keyring_of("bob-auth", group)) == {1, 3}
    bob.get_by_label("Your note for the group (optional)").fill("Seen again on 3 December")
    bob.get_by_role("button", name="Save note").click()
    sync_now(bob)
    sync_now(alice)
    expect(alice.get_by_role("list", name="Notes from the group")).to_contain_text("Seen again on 3 December")
    assert alice.errors == bob.errors == mallory.errors == []
