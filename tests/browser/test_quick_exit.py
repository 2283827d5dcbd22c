"""Quick exit leaves at once, by button or by pressing Shift three times, and Back does not return."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather forecast</h1>"


@pytest.fixture
def neutral_site(context):
    """Answer for the neutral site locally: tests never reach the internet."""
    context.route(
        f"{settings.QUICK_EXIT_URL}**", lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html")
    )


def test_the_exit_button_leaves_and_back_does_not_return(page, app_server, neutral_site):
    page.goto("/offences/stalking/")
    page.get_by_role("link", name="Exit this site").click()
    expect(page.get_by_role("heading", name="Weather forecast")).to_be_visible()
    assert page.url.startswith(settings.QUICK_EXIT_URL)
    page.go_back()
    assert not page.url.startswith(app_server.url)


def test_pressing_shift_three_times_leaves(page, app_server, neutral_site):
    page.goto("/")
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page.get_by_role("heading", name="Weather forecast")).to_be_visible()
    page.go_back()
    assert not page.url.startswith(app_server.url)


def test_two_presses_of_shift_do_not_leave(page, app_server, neutral_site):
    page.goto("/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Reporting online harassment")


def test_the_exit_button_is_reachable_by_keyboard(page, app_server, neutral_site):
    page.goto("/")
    page.keyboard.press("Tab")  # skip link
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Exit this site")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Weather forecast")).to_be_visible()
