"""Guide pages hand a choice to the case file through this tab's storage: never the address, never a request.

The case file is answered by a stand-in page here, so these tests see what the guide carried before the
case file (built and tested on its own) takes it.
"""

import json

import pytest
from django.conf import settings
from playwright.sync_api import expect

from casefile.vocabulary import agencies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CARRY_KEY = "falseos-carry"
REPORT_FRAUD = (
    "Report Fraud (national fraud & cyber-crime reporting service run by City of London Police - replaces Action Fraud)"
)


@pytest.fixture
def casefile_stand_in(context):
    """/casefile/ as a blank page on the same origin, with every request the browser makes recorded."""
    sent = []
    context.on("request", lambda request: sent.append((request.method, request.url, request.post_data or "")))
    context.route(
        "**/casefile/",
        lambda route: route.fulfill(body="<!doctype html><title>Case file</title><h1>Case file</h1>"),
    )
    return sent


def carried(page) -> dict | None:
    raw = page.evaluate(f"sessionStorage.getItem('{CARRY_KEY}')")
    return json.loads(raw) if raw else None


def test_save_my_reference_number_carries_the_agency_and_opens_the_case_file(page, app_server, casefile_stand_in):
    page.goto("/steps/start-the-paper-trail/")
    page.get_by_role("link", name=f"Save my reference number from {REPORT_FRAUD}").click()
    expect(page.get_by_role("heading", name="Case file")).to_be_visible()

    assert page.url == f"{app_server.url}/casefile/"
    value = carried(page)
    assert {key: value[key] for key in ("kind", "agency")} == {"kind": "reference", "agency": REPORT_FRAUD}
    assert value["agency"] in {agency["value"] for agency in agencies()}
    assert not any("Report" in url or "reference" in url for _method, url, _body in casefile_stand_in)


def test_the_finder_carries_the_offences_and_the_words_but_sends_nothing(page, app_server, casefile_stand_in):
    page.goto("/finder/")
    page.get_by_label("Posting my home address or private details").check()
    page.get_by_label("What is happening, in your own words").fill("He turns up at my work.")
    page.get_by_role("button", name="Show what may apply").click()
    words = page.get_by_label("Words you can read out on 101")
    words.fill(words.input_value() + " I changed this.")
    page.get_by_role("link", name="Save this to my case file").click()
    expect(page.get_by_role("heading", name="Case file")).to_be_visible()

    assert page.url == f"{app_server.url}/casefile/"
    value = carried(page)
    assert value["kind"] == "diary"
    assert value["offences"] == ["Stalking", "Doxxing (publishing private/personal information)"]
    assert value["text"].startswith("I want to report stalking")
    assert value["text"].endswith(
        "He turns up at my work. Please record this as a crime and give me a crime reference number. I changed this."
    )
    assert [request for request in casefile_stand_in if request[0] != "GET"] == []
    assert not any("turns up" in url + body or "Stalking" in url for _method, url, body in casefile_stand_in)


def test_an_offence_page_carries_its_offence(page, app_server, casefile_stand_in):
    page.goto("/offences/blackmail/")
    page.get_by_role("link", name="Save to my case file").click()
    expect(page.get_by_role("heading", name="Case file")).to_be_visible()
    assert page.url == f"{app_server.url}/casefile/"
    value = carried(page)
    assert (value["kind"], value["offences"], value["text"]) == ("diary", ["Extortion / blackmail"], "")


def test_quick_exit_drops_what_was_waiting_for_the_case_file(page, app_server, context):
    context.route(f"{settings.QUICK_EXIT_URL}**", lambda route: route.fulfill(body="<title>Weather</title>"))
    page.goto("/")
    page.goto("/offences/stalking/")
    page.evaluate(f"sessionStorage.setItem('{CARRY_KEY}', JSON.stringify({{kind: 'diary', at: Date.now()}}))")
    page.get_by_role("link", name="Exit this site").click()
    page.wait_for_url(f"{settings.QUICK_EXIT_URL}**")
    page.go_back()  # Back goes to the page before the one left, as the help page says
    assert page.url == f"{app_server.url}/"
    assert carried(page) is None


def test_without_javascript_the_save_links_still_open_the_case_file(browser, app_server):
    context = browser.new_context(base_url=app_server.url, java_script_enabled=False)
    context.route("**/casefile/", lambda route: route.fulfill(body="<title>Case file</title><h1>Case file</h1>"))
    page = context.new_page()
    page.goto("/offences/stalking/")
    page.get_by_role("link", name="Save to my case file").click()
    expect(page.get_by_role("heading", name="Case file")).to_be_visible()
    assert page.url == f"{app_server.url}/casefile/"
    context.close()
