"""Linked cases in real Chromium: three people targeted by the same person, each in their own
browser profile, link their case files, share reference numbers and print one summary for police."""

import base64

import pytest
from playwright.sync_api import expect

from casefile.models import Collection, Invite, Record
from tests.browser.casefile_steps import add_diary_entry, eventually, open_section, sync_now
from tests.browser.group_keys import decrypt, key_version, keyring_of
from tests.browser.linked_steps import (
    GROUP,
    POLICE_UK,
    add_reference,
    heading,
    join,
    make_invite,
    open_invite,
    person,
    share,
    shared_references,
    start_group,
    three_people_linked,
)
from tests.browser.server_scan import found

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PRIVATE_DIARY = "MARKER-ALEX-DIARY-5e1f"


def test_three_people_share_reference_numbers_and_print_one_summary_for_police(new_device):
    alex, bea, cy = three_people_linked(new_device)

    alex.get_by_role("button", name="Print the summary for police").click()
    expect(heading(alex)).to_have_text("Linked reports: cross-reference summary")
    summary = alex.locator("[data-summary]")
    manchester = summary.get_by_role("region", name="Greater Manchester Police")
    expect(manchester.get_by_role("row")).to_have_count(3)  # a header and two reports
    expect(manchester).to_contain_text("GMP-111")
    expect(manchester).to_contain_text("REF-333")
    expect(summary.get_by_role("region", name="Metropolitan Police Service")).to_contain_text("CAD-222")
    expect(alex.locator("[data-cross-reference-request]")).to_contain_text("link")
    expect(alex.locator("[data-summary-meta]")).to_contain_text("3 reference numbers from 3 people")

    for reference in ("GMP-111", "CAD-222", "REF-333", "Alex", "Bea"):
        assert found(reference) == [], f"{reference} is stored in plaintext"
    assert found("alex-linked")  # the scan does see what the server keeps: usernames are meant to be there
    assert alex.errors == bea.errors == cy.errors == []


def test_a_private_diary_entry_never_reaches_the_other_people_in_the_group(new_device):
    alex = person(new_device, "alex-private", "The fake accounts")
    add_diary_entry(alex, "2026-11-01", PRIVATE_DIARY)
    add_reference(alex, "101 non-emergency police phone line", "CAD-1")
    start_group(alex, "Alex")
    share(alex, "101 non-emergency police phone line: CAD-1")
    link = make_invite(alex)

    bea = person(new_device, "bea-private", "Messages to me")
    received = []
    bea.on("response", lambda response: received.append(response) if "/api/v1/" in response.url else None)
    open_invite(bea, link)
    bea.get_by_role("radio", name="Messages to me").check()
    bea.get_by_label("Your name in this group").locator("visible=true").fill("Bea")
    bea.get_by_role("button", name="Join the group").click()
    sync_now(bea)
    expect(shared_references(bea)).to_contain_text("CAD-1")

    bodies = [response.body() for response in received if response.status == 200]
    forms = (PRIVATE_DIARY.encode(), base64.b64encode(PRIVATE_DIARY.encode()))
    assert bodies and not [body for body in bodies if any(form in body for form in forms)]
    alex_case_file = Collection.objects.get(kind=Collection.Kind.CASE_FILE, memberships__user__username="alex-private")
    assert not [response.url for response in received if str(alex_case_file.id) in response.url]
    assert PRIVATE_DIARY not in bea.locator("body").inner_text()


def test_a_note_reaches_the_group_and_leaving_takes_it_out_and_moves_the_group_to_a_new_key(new_device):
    alex = person(new_device, "alex-leaves", "The fake accounts")
    start_group(alex, "Alex")
    bea = person(new_device, "bea-leaves", "Messages to me")
    join(bea, make_invite(alex), "Bea", "Messages to me")
    bea.get_by_label("Your note for the group (optional)").fill("Known accounts: @copycat_1")
    bea.get_by_role("button", name="Save note").click()
    sync_now(bea)
    sync_now(alex)
    notes = alex.get_by_role("list", name="Notes from the group")
    expect(notes).to_contain_text("Known accounts: @copycat_1")
    expect(notes).to_contain_text("Bea")

    bea.get_by_role("button", name="Leave this group").click()
    expect(heading(bea)).to_have_text("Messages to me")
    expect(bea.get_by_role("button", name=GROUP)).to_have_count(0)
    sync_now(alex)  # Alex's device sees someone left and gives the group a new key
    expect(notes).not_to_contain_text("@copycat_1")
    group = Collection.objects.get(kind=Collection.Kind.LINK_GROUP)
    expect(alex.get_by_role("list", name="People in this group")).not_to_contain_text("Bea")
    assert list(group.memberships.values_list("user__username", flat=True)) == ["alex-leaves"]
    assert eventually(alex, lambda: Collection.objects.get(pk=group.pk).key_version == 2)
    assert not Collection.objects.get(pk=group.pk).rotation_needed
    assert alex.errors == bea.errors == []


def test_a_used_expired_withdrawn_or_altered_invite_link_is_refused_with_a_clear_message(new_device, app_server):
    alex = person(new_device, "alex-invites", "The fake accounts")
    start_group(alex, "Alex")
    used, expired, withdrawn, altered = (make_invite(alex) for _ in range(4))
    bea = person(new_device, "bea-invites", "Messages to me")
    sent = []
    bea.on("request", lambda request: sent.append(f"{request.url} {request.post_data or ''}"))

    open_invite(bea, used)
    bea.get_by_role("radio", name="Messages to me").check()
    bea.get_by_label("Your name in this group").locator("visible=true").fill("Bea")
    bea.get_by_role("button", name="Join the group").click()
    expect(heading(bea)).to_have_text(GROUP)

    dee = person(new_device, "dee-invites", "Mine")
    open_invite(dee, used)
    expect(dee.get_by_role("alert")).to_have_text("This invite has already been used. Ask for a new link.")

    Invite.objects.filter(id=expired.split("/")[-1].split("#")[0]).update(expires="2026-01-01T00:00:00Z")
    open_invite(dee, expired)
    expect(dee.get_by_role("alert")).to_have_text("This invite has expired. Ask for a new link.")

    sync_now(alex)  # brings the list of invites up to date: Bea used one
    alex.get_by_role("list", name="Invite links").get_by_role("button", name="Withdraw this invite").last.click()
    expect(alex.get_by_text("The invite is withdrawn.").first).to_be_visible()
    assert str(Invite.objects.get(revoked_at__isnull=False).id) in withdrawn  # the list is newest first
    open_invite(dee, withdrawn)
    expect(dee.get_by_role("alert")).to_have_text("This invite was withdrawn. Ask for a new link.")

    address, secret = altered.split("#")
    wrong = secret[:-4] + ("AAAA" if not secret.endswith("AAAA") else "BBBB")
    open_invite(dee, f"{address}#{wrong}")
    expect(dee.get_by_role("alert")).to_have_text(
        "This invite link is not valid. Check you copied all of it, or ask for a new one."
    )
    assert any(address.split("/links/")[1] in line for line in app_server.request_log)  # the log is not blind
    for fragment in (wrong, used.split("#")[1], expired.split("#")[1]):
        assert not [line for line in app_server.request_log if fragment in line]
        assert not [request for request in sent if fragment in request]


def test_someone_removed_from_the_group_cannot_read_what_is_shared_afterwards(new_device):
    alex, bea, cy = three_people_linked(new_device)
    group = Collection.objects.get(kind=Collection.Kind.LINK_GROUP)
    cy_keys = keyring_of("cy-linked", group)  # everything Cy's devices hold for the group

    alex.get_by_role("button", name="Remove Cy").click()
    expect(alex.get_by_text("Cy is no longer in the group.").first).to_be_visible()
    expect(shared_references(alex)).not_to_contain_text("REF-333")

    bea.get_by_role("link", name="Back to linked cases").click()
    add_reference(bea, POLICE_UK, "LATER-444", "Kent Police")
    open_section(bea, "Linked cases")
    bea.get_by_role("button", name=GROUP).click()
    share(bea, f"{POLICE_UK}: LATER-444")
    sync_now(bea)

    cy.get_by_role("link", name="Back to linked cases").click()
    sync_now(cy)
    expect(cy.get_by_role("list", name="Link groups for this case file")).to_contain_text("You were removed")
    expect(cy.get_by_role("button", name=GROUP)).to_have_count(0)

    records = list(Record.objects.filter(collection=group, deleted=False))
    before = [record for record in records if key_version(record) == 1]
    assert {decrypt(cy_keys, record)["kind"] for record in before} >= {"details", "member", "reference"}
    bea_keys = keyring_of("bea-linked", group)
    later = [record for record in records if (decrypt(bea_keys, record) or {}).get("reference") == "LATER-444"]
    assert len(later) == 1
    assert key_version(later[0]) == 2
    assert decrypt(cy_keys, later[0]) is None  # Cy's old keys do not open what was shared after the removal
    assert found("LATER-444") == []
