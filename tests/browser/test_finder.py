"""The offence finder in real Chromium: on the device, offline, without JavaScript, by keyboard."""

import pytest
from playwright.sync_api import expect

from tests.browser.offline import go_offline, install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The same words whether written on the device (finder.js) or by the server (guide/finder.py).
DOXXING_WORDS = (
    "I want to report stalking, section 2A of the Protection from Harassment Act 1997 and disclosing my personal"
    " data without consent, section 170 of the Data Protection Act 2018, as part of harassment under the"
    " Protection from Harassment Act 1997. He turns up at my work. It started on 4 December 2025."
    " It happens most days. Please record this as a crime and give me a crime reference number."
)


def _answer(page):
    page.get_by_label("Posting my home address or private details").check()
    page.get_by_label("When did it start?").fill("2025-12-04")
    page.get_by_label("How often does it happen?").select_option(label="Most days")
    page.get_by_label("What is happening, in your own words").fill("He turns up at my work.")
    page.get_by_role("button", name="Show what may apply").click()


def _expect_doxxing_result(page):
    result = page.get_by_role("region", name="What may apply to you")
    expect(result).to_be_visible()
    expect(result.get_by_role("link", name="Doxxing (publishing private/personal information)")).to_be_visible()
    expect(
        result.get_by_role("link", name="Swatting: protecting yourself from a fake emergency call to your home")
    ).to_be_visible()
    expect(result.get_by_role("link", name="Extortion / blackmail")).to_be_hidden()


def test_it_answers_on_the_device_and_sends_nothing(page, app_server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/finder/")
    sent = []
    context.on("request", lambda request: sent.append((request.method, request.url, request.post_data)))

    _answer(page)
    _expect_doxxing_result(page)
    expect(page.get_by_role("heading", name="What may apply to you")).to_be_focused()
    words = page.get_by_label("Words you can read out on 101")
    expect(words).to_have_value(DOXXING_WORDS)
    page.get_by_role("button", name="Copy the words").click()
    expect(page.get_by_text("Copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == words.input_value()

    assert [request for request in sent if request[0] != "GET"] == []
    assert not any("private-details" in url or "turns up" in url for _method, url, _body in sent)


def test_it_works_offline_with_the_server_stopped(page, app_server):
    install(page)
    go_offline(page, app_server)
    page.goto("/finder/")
    _answer(page)
    _expect_doxxing_result(page)


def test_it_works_without_javascript(browser, app_server):
    context = browser.new_context(base_url=app_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/finder/")
    _answer(page)
    _expect_doxxing_result(page)
    expect(page.get_by_label("Words you can read out on 101")).to_have_value(DOXXING_WORDS)
    assert page.url.removeprefix(app_server.url) == "/finder/"  # answers never go in the address
    context.close()


def test_it_asks_for_a_situation_when_none_is_ticked(page, app_server):
    page.goto("/finder/")
    page.get_by_role("button", name="Show what may apply").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick at least one thing that is happening to you.")
    expect(page.get_by_role("region", name="What may apply to you")).to_be_hidden()


def test_it_can_be_used_with_the_keyboard_alone(page, app_server):
    page.goto("/finder/")
    page.get_by_label("Threats to kill or hurt me").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("Threats to kill or hurt me")).to_be_checked()
    page.get_by_role("button", name="Show what may apply").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="What may apply to you")).to_be_focused()
    expect(page.get_by_text("If you are in immediate danger, call 999 now.")).to_be_visible()
