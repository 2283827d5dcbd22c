"""The browser and the Python reference client (tests/interop/client.py, written from docs/PROTOCOL.md) read
each other's writes: the page's diary entry opens in Python with only the name and passphrase, and an entry
Python writes shows on the page after a sync."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.casefile_steps import (
    PASSPHRASE,
    add_diary_entry,
    diary_entries,
    new_case_file,
    register,
    sync_now,
    wait_until_synced,
)
from tests.interop.client import Client, named_record_id

pytestmark = pytest.mark.browser


def test_the_page_and_the_reference_client_open_what_the_other_wrote(page, app_server):
    register(page, "sam.r")
    new_case_file(page, "Messages from one account")
    add_diary_entry(page, "2026-11-20", "Twenty messages in one night – “again”", platform="Instagram", time="21:40")
    wait_until_synced(page)

    python = Client(app_server.url)
    python.sign_in("sam.r", PASSPHRASE)
    [listed] = python.collections()
    case_file = python.open_case_file(listed)
    values = [python.read(case_file, record) for record in python.pull(case_file)]
    by_kind = {value["kind"]: value for value in values}
    assert by_kind["details"]["title"] == "Messages from one account"
    entry = by_kind["diary"]
    assert (entry["date"], entry["time"], entry["platform"]) == ("2026-11-20", "21:40", "Instagram")
    assert entry["what"] == "Twenty messages in one night – “again”"
    assert entry["links"] == [] and entry["reported"] is False
    assert named_record_id(case_file.id, "details") in case_file.versions

    written = {
        "kind": "diary", "date": "2026-11-22", "time": "08:15", "platform": "Email", "handle": "",
        "what": "An email from a new address, written by the Python client", "witnesses": "", "impact": "",
        "response": "", "links": [], "reported": True, "reference": "CAD 1234/22NOV26",
    }  # fmt: skip
    [result] = python.push(case_file, [python.write(case_file, str(uuid.uuid4()), written)])
    assert result["status"] == "saved"

    sync_now(page)
    shown = diary_entries(page).filter(has_text="An email from a new address, written by the Python client")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("CAD 1234/22NOV26")
