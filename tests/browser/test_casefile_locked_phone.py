"""A locked phone can no longer change anything: tried as the person who picks it up would, from the page's console.

Locking ("Lock now", the idle lock, quick exit) ends the server session as well as dropping the
keys, and deleting needs the passphrase checked in the last few minutes, which an unlocked
device answers by itself.
"""

import base64
import json
import os

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from casefile.accounts.sessions import CONFIRMED_AT
from casefile.models import Blob, Membership, Record
from tests.browser.casefile_steps import add_diary_entry, diary_entries, new_case_file, register, wait_until_synced

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CALL_API = """async ([method, path, body]) => {
  const token = (document.cookie.split("; ").find((c) => c.startsWith("csrftoken=")) || "=").split("=")[1];
  const response = await fetch("/api/v1/" + path, {
    method, credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": decodeURIComponent(token) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.text() };
}"""


def call_api(page, method: str, path: str, body=None) -> dict:
    return page.evaluate(CALL_API, [method, path, body])


def b64(size: int) -> str:
    return base64.b64encode(os.urandom(size)).decode()


def victims_things(page) -> dict:
    """What the attacker would aim at, read while the owner is still signed in: the ids are not secret."""
    case_file = call_api(page, "GET", "collections/")
    collection = next(c for c in json.loads(case_file["body"])["collections"] if c["kind"] == "casefile")
    blob = call_api(page, "POST", f"collections/{collection['id']}/blobs/", {"size": 100})
    group = call_api(page, "POST", "collections/", {"kind": "linkgroup", "wrapped_key": b64(160)})
    assert blob["status"] == 201 and group["status"] == 201
    return {
        "collection": collection["id"],
        "record": str(Record.objects.filter(collection_id=collection["id"]).first().record_id),
        "records": Record.objects.filter(collection_id=collection["id"], deleted=False).count(),
        "blob": json.loads(blob["body"])["id"],
        "group": json.loads(group["body"])["id"],
    }


def attack(page, things: dict) -> dict[str, int]:
    """Every destructive call the page itself could make, and what the server answered."""
    tombstone = {"writes": [{"id": things["record"], "base_version": 1, "ciphertext": "", "deleted": True}]}
    return {
        "list case files": call_api(page, "GET", "collections/")["status"],
        "delete every record": call_api(page, "POST", f"collections/{things['collection']}/records/push/", tombstone)[
            "status"
        ],
        "delete an evidence file": call_api(page, "DELETE", f"blobs/{things['blob']}/")["status"],
        "list devices": call_api(page, "GET", "auth/devices/")["status"],
        "sign out other devices": call_api(page, "POST", "auth/devices/sign-out-others/")["status"],
        "leave a link group": call_api(page, "POST", f"collections/{things['group']}/leave/")["status"],
    }


@pytest.fixture
def victim(new_device):
    page = new_device()
    register(page, "lina")
    new_case_file(page, "Threats")
    add_diary_entry(page, "2026-11-12", "He said he knows where I live")
    wait_until_synced(page)
    return page


def assert_nothing_changed(things: dict) -> None:
    assert Record.objects.filter(collection_id=things["collection"], deleted=False).count() == things["records"]
    assert Blob.objects.filter(pk=things["blob"]).exists()
    assert Membership.objects.filter(collection_id=things["group"]).exists()


def test_after_lock_now_every_destructive_call_from_the_page_is_refused(victim):
    things = victims_things(victim)
    victim.get_by_role("button", name="Lock now").click()
    expect(victim.get_by_role("heading", level=1)).to_have_text("Your private case file")
    answers = attack(victim, things)
    assert answers == dict.fromkeys(answers, 401)
    assert_nothing_changed(things)


def test_after_the_idle_lock_the_session_is_gone_too(victim):
    things = victims_things(victim)
    victim.evaluate("localStorage.setItem('falseos-idle-lock-seconds', '1')")  # as the Settings form saves it
    victim.keyboard.press("Tab")  # any activity starts the idle timer again, now with the shorter wait
    expect(victim.get_by_role("heading", level=1)).to_have_text("Your private case file", timeout=10_000)
    answers = attack(victim, things)
    assert answers == dict.fromkeys(answers, 401)
    assert_nothing_changed(things)


def test_after_quick_exit_the_session_is_gone_from_every_page_of_the_site(victim):
    things = victims_things(victim)
    victim.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>"))
    victim.get_by_role("link", name="Exit this site").click()
    expect(victim).to_have_title("Weather")
    # The same browser, later: any page of the site has the cookie jar, not only the case file.
    victim.goto("/")
    answers = attack(victim, things)
    assert answers == dict.fromkeys(answers, 401)
    assert_nothing_changed(things)


def sign_ins_grow_old() -> None:
    """As if the owner unlocked long ago: no session's passphrase check is recent any more."""
    for session in Session.objects.all():
        data = session.get_decoded()
        data[CONFIRMED_AT] = 0
        session.session_data = SessionStore().encode(data)
        session.save()


def test_an_unlocked_device_confirms_by_itself_when_the_server_asks_for_a_fresh_sign_in(victim):
    sign_ins_grow_old()  # the delete is refused at first: the device answers with the key it holds since unlocking
    victim.on("dialog", lambda dialog: dialog.accept())
    diary_entries(victim).first.get_by_role("button", name="Delete").click()
    expect(diary_entries(victim)).to_have_count(0)
    wait_until_synced(victim)
    assert Record.objects.filter(deleted=True).count() == 1


def test_quick_exit_from_a_guide_tab_also_leaves_the_unlocked_case_file_tab_and_ends_the_session(victim):
    things = victims_things(victim)
    victim.context.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>"))
    guide = victim.context.new_page()
    guide.goto("/offences/stalking/")
    guide.get_by_role("link", name="Exit this site").click()
    expect(guide).to_have_title("Weather")
    expect(victim).to_have_title("Weather")  # the case file, unlocked in the other tab, is gone too
    later = victim.context.new_page()
    later.goto("/")
    answers = attack(later, things)
    assert answers == dict.fromkeys(answers, 401)
    assert_nothing_changed(things)


HIDE_THE_APP = """() => {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
  document.dispatchEvent(new Event("visibilitychange"));
}"""
SHOW_THE_APP = """() => {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_the_case_file_is_covered_while_the_app_is_in_the_background(victim):
    entry = diary_entries(victim).filter(has_text="He said he knows where I live")
    expect(entry).to_be_visible()
    victim.evaluate(HIDE_THE_APP)  # as when the phone shows its recent apps
    expect(entry).to_be_hidden()
    expect(victim.get_by_role("heading", level=1)).to_be_hidden()
    victim.evaluate(SHOW_THE_APP)
    expect(entry).to_be_visible()
