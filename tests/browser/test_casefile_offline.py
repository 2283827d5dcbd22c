"""The case file works with no signal: entries made offline survive closing the browser and
reach the server once the device is back online."""

import pytest
from playwright.sync_api import expect

from casefile.models import Record
from tests.browser.casefile_steps import (
    add_diary_entry,
    diary_entries,
    new_case_file,
    open_case_file,
    open_section,
    register,
    sync_now,
    sync_state,
    unlock,
    wait_until_synced,
)
from tests.browser.offline import install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def phone(phone_with_profile):
    return phone_with_profile


def test_entries_made_offline_survive_a_restart_and_sync_when_back_online(phone, app_server):
    context = phone()
    page = context.new_page()
    install(page)
    register(page, "kit")
    new_case_file(page, "Comments under my videos")
    wait_until_synced(page)

    context.set_offline(True)
    app_server.stop()  # no signal at all: the service worker cannot reach the server either
    add_diary_entry(page, "2026-11-10", "Offline entry one: he commented on every video")
    add_diary_entry(page, "2026-11-11", "Offline entry two: a new account, same words")
    expect(sync_state(page)).to_have_text("Saved on this device. It will sync when you are back online.")
    context.close()

    context = phone()  # the browser was closed; it opens again with no signal
    context.set_offline(True)
    page = context.new_page()
    unlock(page, "kit")
    open_case_file(page, "Comments under my videos")
    open_section(page, "Incident diary")
    expect(diary_entries(page)).to_have_count(2)
    expect(diary_entries(page).first).to_contain_text("Saved on this device, not yet synced.")
    assert Record.objects.count() == 1  # only the case file's title reached the server

    app_server.restart()
    context.set_offline(False)
    sync_now(page)
    assert Record.objects.count() == 3
    expect(diary_entries(page).first).not_to_contain_text("not yet synced")
