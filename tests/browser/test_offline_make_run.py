"""`make run` (DEBUG=1) serves the source static files, unhashed: the app must still install for offline use."""

import pytest
from playwright.sync_api import expect

from tests.browser.offline import go_offline, install

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
