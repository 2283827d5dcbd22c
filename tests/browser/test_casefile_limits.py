"""The limits the server enforces reach the case file from the page, in real Chromium: a device follows
SYNC_PAGE_SIZE, SYNC_MAX_BATCH and BLOB_CHUNK_BYTES as configured, and a page saved with older ones
(the service worker keeps it for offline use) still syncs once the server's settings change.

The live server runs in this process, so pytest-django's `settings` changes what it enforces at once.
"""

import hashlib
import os
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from casefile.models import Blob, Record
from tests.browser.casefile_steps import (
    add_diary_entry,
    add_evidence,
    diary_entries,
    evidence_items,
    new_case_file,
    open_case_file,
    open_section,
    register,
    save_copy,
    sync_now,
    sync_state,
    unlock,
    wait_until_synced,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ENTRIES = [f"Message number {n} from the same account" for n in range(1, 6)]


def answers(page, path_part: str) -> list:
    """Every answer the page gets from API addresses containing `path_part`, as they arrive."""
    seen = []
    page.on("response", lambda response: seen.append(response) if path_part in response.url else None)
    return seen


def pulls(responses) -> list:
    return [r for r in responses if r.request.method == "GET" and "/records/?" in r.url]


def pushes(responses) -> list:
    return [r for r in responses if r.url.endswith("/records/push/")]


def write_offline_then_sync(page, entries) -> None:
    page.context.set_offline(True)
    for what in entries:
        add_diary_entry(page, "2026-11-20", what)
    page.context.set_offline(False)
    sync_now(page)


def test_a_case_file_longer_than_a_page_and_a_batch_syncs_whole_to_another_device(new_device, settings):
    settings.SYNC_PAGE_SIZE = 3
    settings.SYNC_MAX_BATCH = 2
    phone = new_device()
    sent = answers(phone, "/api/v1/collections/")
    register(phone, "pip")
    new_case_file(phone, "Messages from the same account")
    write_offline_then_sync(phone, ENTRIES)
    assert Record.objects.count() == 6  # the case file's details and five entries
    assert all(r.status == 200 for r in pushes(sent))
    assert max(len(r.request.post_data_json["writes"]) for r in pushes(sent)) == 2

    laptop = new_device()
    fetched = answers(laptop, "/api/v1/collections/")
    unlock(laptop, "pip")
    open_case_file(laptop, "Messages from the same account")
    open_section(laptop, "Incident diary")
    expect(diary_entries(laptop)).to_have_count(len(ENTRIES))
    wait_until_synced(laptop)
    pages = pulls(fetched)
    assert all(r.status == 200 for r in pages)
    assert {parse_qs(urlparse(r.url).query)["limit"][0] for r in pages} == {"3"}
    assert len([r for r in pages if r.json()["records"]]) >= 2  # six records came in pages of three
    assert phone.errors == laptop.errors == []


def test_a_device_whose_page_has_older_limits_keeps_syncing_after_the_server_lowers_them(new_device, settings):
    phone = new_device()
    register(phone, "wren")
    new_case_file(phone, "The fake profile")
    laptop = new_device()
    unlock(laptop, "wren")
    open_case_file(laptop, "The fake profile")
    open_section(laptop, "Incident diary")
    wait_until_synced(laptop)

    # Both pages now carry the defaults; the operator lowers them and restarts nothing the devices can see.
    settings.SYNC_PAGE_SIZE = 3
    settings.SYNC_MAX_BATCH = 2
    sent = answers(phone, "/api/v1/collections/")
    write_offline_then_sync(phone, ENTRIES)
    assert Record.objects.count() == 6
    # Five writes, then three, are more than the server takes now: two and two and one go through.
    assert [r.status for r in pushes(sent)] == [400, 400, 200, 200, 200]

    fetched = answers(laptop, "/api/v1/collections/")
    sync_now(laptop)
    expect(diary_entries(laptop)).to_have_count(len(ENTRIES))
    expect(sync_state(laptop)).to_have_text("Synced")
    sync_now(laptop)
    statuses = [r.status for r in pulls(fetched)]
    assert statuses[0] == 400 and statuses.count(400) == 1  # its old page size, asked for once only
    assert len(statuses) > 2 and statuses[-1] == 200
    assert phone.errors == laptop.errors == []


def test_a_file_larger_than_a_chunk_uploads_in_chunks_and_opens_on_another_device(new_device, settings, blob_root):
    settings.BLOB_CHUNK_BYTES = 64 * 1024
    recording = {"name": "call.mp3", "mimeType": "audio/mpeg", "buffer": os.urandom(200 * 1024)}
    phone = new_device()
    chunks = answers(phone, "/content/?offset=")
    register(phone, "lark")
    new_case_file(phone, "Calls at night")
    add_evidence(phone, "Recording of the call", [recording])
    wait_until_synced(phone)
    expect(evidence_items(phone).first).to_contain_text("Uploaded (encrypted)")
    assert len(chunks) == 4 and all(r.status == 200 for r in chunks)  # 200 KB and its tag, in 64 KB pieces

    laptop = new_device()
    unlock(laptop, "lark")
    open_case_file(laptop, "Calls at night")
    open_section(laptop, "Evidence")
    digest = hashlib.sha256(save_copy(laptop, "call.mp3")).hexdigest()
    assert digest == hashlib.sha256(recording["buffer"]).hexdigest()
    assert phone.errors == laptop.errors == []


def test_a_page_with_an_older_chunk_size_takes_the_one_the_server_names(new_device, settings, blob_root):
    recording = {"name": "call.mp3", "mimeType": "audio/mpeg", "buffer": os.urandom(200 * 1024)}
    phone = new_device()
    register(phone, "finch")
    new_case_file(phone, "Calls at night")
    settings.BLOB_CHUNK_BYTES = 64 * 1024  # the page says 4 MB
    chunks = answers(phone, "/content/?offset=")
    add_evidence(phone, "Recording of the call", [recording])
    wait_until_synced(phone)
    expect(evidence_items(phone).first).to_contain_text("Uploaded (encrypted)")
    assert [r.status for r in chunks] == [413, 200, 200, 200, 200]
    blob = Blob.objects.get()
    assert blob.completed and blob.received == blob.size and blob.chunks == 4
    assert phone.errors == []
