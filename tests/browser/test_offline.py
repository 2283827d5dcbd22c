"""The guide works with no signal once the app has been opened online."""

import pytest
from playwright.sync_api import expect

from guide.models import Offence
from tests.browser.offline import check_for_update, go_offline, install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

KNOWN_PHRASES = {
    "/": "Start the paper trail",
    "/offences/harassment/": "Protection from Harassment Act 1997",
    "/abroad/united-states/": "INTERPOL Washington",
    "/escalation/": "International liaison",
    "/guide/evidence/": "Capture context, not just the bad comment",
    "/steps/file-with-the-national-body/": "0300 123 2040",
}


def test_every_saved_page_opens_with_no_signal(page, app_server):
    manifest = install(page)
    assert set(KNOWN_PHRASES) <= set(manifest["pages"])
    go_offline(page, app_server)

    for url in manifest["pages"]:
        response = page.goto(url)
        assert response is not None and response.ok, url
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_role("link", name="Exit this site")).to_be_visible()
        if url in KNOWN_PHRASES:
            expect(page.locator("main")).to_contain_text(KNOWN_PHRASES[url])

    # The app shell came from the cache too: styles apply and scripts run.
    exit_button = page.get_by_role("link", name="Exit this site")
    assert exit_button.evaluate("element => getComputedStyle(element).backgroundColor") == "rgb(176, 0, 32)"
    offline_notice = page.get_by_role("status").filter(has_text="You are offline")  # the page has other statuses too
    expect(offline_notice).to_contain_text("You are offline — showing the saved guide (last updated")
    # So did the scripts' translations (/jsi18n/<language>.js, not a static file): the text above went through them.
    assert page.evaluate("typeof window.django?.gettext") == "function"


def test_an_editors_correction_reaches_the_installed_app(page, app_server):
    install(page)
    offence = Offence.objects.get(slug="harassment")
    old_text = "Pursuing a course of conduct that amounts to harassment of another"
    assert old_text in offence.covers
    offence.covers = "Corrected wording: a course of conduct that amounts to harassment, per the editors."
    offence.save()

    page.goto("/offences/harassment/")  # opened online once, after the editor published
    expect(page.get_by_role("status")).to_contain_text("The guide has been updated")
    go_offline(page, app_server)

    page.goto("/offences/harassment/")
    expect(page.locator("main")).to_contain_text("Corrected wording")
    expect(page.locator("main")).not_to_contain_text(old_text)


def test_a_page_never_saved_shows_the_offline_page_with_working_links(page, app_server):
    install(page)
    go_offline(page, app_server)

    page.goto("/offences/an-offence-that-was-never-saved/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You are offline")
    page.get_by_role("link", name="Step 1: Start the paper trail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start the paper trail")
    expect(page.locator("main")).to_contain_text("101 non-emergency police phone line")


def test_a_second_visit_loads_guide_pages_from_the_saved_copy(page, app_server):
    manifest = install(page)
    app_server.requests.clear()

    for url in ["/offences/stalking/", "/abroad/canada/", "/escalation/", "/"]:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()

    guide_pages_fetched = {path: n for path, n in app_server.requests.items() if path in manifest["pages"]}
    assert guide_pages_fetched == {}
    # Only the small manifest is asked for, to look for corrections.
    assert set(app_server.requests) <= {"/offline-manifest.json"}


@pytest.mark.parametrize(
    ("broken_url", "fault"),
    [
        ("**/offline-manifest.json", {"status": 200, "body": "{not json"}),  # a malformed manifest
        ("**/abroad/canada/", {"status": 500, "body": "broken"}),  # one page fails during the update
    ],
)
def test_a_failed_update_keeps_the_whole_previous_version(page, app_server, context, broken_url, fault):
    install(page)
    offence = Offence.objects.get(slug="stalking")
    offence.covers = "A change that must not arrive half-way."
    offence.save()
    context.route(broken_url, lambda route: route.fulfill(**fault))
    page.goto("/offences/stalking/")
    assert check_for_update(page) is None
    go_offline(page, app_server)

    page.goto("/offences/stalking/")
    expect(page.locator("main")).to_contain_text("amounts to harassment AND amounts to stalking")
    expect(page.locator("main")).not_to_contain_text("must not arrive half-way")
    page.goto("/abroad/canada/")
    expect(page.locator("main")).to_contain_text("NCB) Ottawa")
