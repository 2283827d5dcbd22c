"""The installed app under `make run`, and across releases: it installs, and it takes each new release."""

import pytest
from playwright.sync_api import expect

from guide import offline
from tests.browser.offline import check_for_update, go_offline, install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def make_run_static_files(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def test_the_app_installs_and_opens_offline_under_make_run(make_run_static_files, page, app_server):
    manifest = install(page)
    assert "/static/js/main.js" in manifest["assets"]
    go_offline(page, app_server)

    page.goto("/offences/harassment/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Protection from Harassment Act 1997")


def test_a_new_release_reaches_the_installed_app_with_no_change_of_content(page, app_server, monkeypatch):
    """A deploy that changes only code (a fixed quick exit, say) must not wait for an editor to publish."""
    first = install(page)
    monkeypatch.setattr(offline, "build_id", lambda: "a-new-release")

    page.goto("/offences/harassment/")  # opened online once, after the deploy
    expect(page.get_by_role("status")).to_contain_text("The guide has been updated")
    state = check_for_update(page)
    assert (state["version"], state["build"]) == (first["version"], "a-new-release")
