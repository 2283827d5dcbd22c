"""The guide leads into the case file: every page links to it, and reporting pages offer to save to it."""

import html as html_lib
import re

import pytest

from casefile.vocabulary import agencies
from guide.models import Channel, Offence
from tests.pages import guide_urls

pytestmark = pytest.mark.django_db

CASEFILE_LINK = 'href="/casefile/"'


def carry_links(html: str) -> list[dict[str, str]]:
    """Each "save to my case file" link on a page, as its attributes."""
    links = []
    for tag in re.findall(r'<a [^>]*data-module="carry"[^>]*>', html):
        links.append({name: html_lib.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag)})
    return links


def test_every_guide_page_links_to_the_case_file_in_the_header_and_the_footer(client):
    for url in guide_urls():
        html = client.get(url).content.decode()
        header = html.split('<header class="fo-header">')[1].split("</header>")[0]
        footer = html.split('<footer class="fo-footer">')[1].split("</footer>")[0]
        assert CASEFILE_LINK in header and "My case file" in header, url
        assert CASEFILE_LINK in footer, url


def test_the_home_page_says_what_the_case_file_is_and_that_it_is_private(client):
    html = client.get("/").content.decode()
    assert "A private diary of what happens, with your evidence and reference numbers." in html
    assert "It is encrypted on your device, so nobody else can read it, not even us." in html


def test_every_channel_that_gives_a_reference_number_offers_to_save_it_for_its_agency(client):
    agency_values = {agency["value"] for agency in agencies()}
    for step_url in ["/steps/start-the-paper-trail/", "/steps/file-with-the-national-body/"]:
        links = carry_links(client.get(step_url).content.decode())
        channels = Channel.objects.published().filter(step__slug=step_url.split("/")[2], gives_reference="yes")
        assert channels.exists()
        assert [link["data-carry-agency"] for link in links] == [channel.name for channel in channels]
        for link in links:
            assert link["href"] == "/casefile/"  # a real link: without JavaScript it still opens the case file
            assert link["data-carry-kind"] == "reference"
            assert link["data-carry-agency"] in agency_values


def test_a_channel_that_gives_no_reference_number_does_not_offer_to_save_one(client):
    html = client.get("/steps/file-with-the-national-body/").content.decode()
    nca = html.split('id="nca"')[1].split("</article>")[0] if 'id="nca"' in html else ""
    assert "Save my reference number" not in nca


def test_an_offence_page_ends_with_where_to_report_it_what_to_say_and_save_to_my_case_file(client):
    html = client.get("/offences/stalking/").content.decode()
    ending = html.split('id="next-title"')[1]
    assert "Where to report it" in ending
    assert 'href="/steps/start-the-paper-trail/#police-uk-online-report"' in ending
    assert '<a href="tel:101">101</a>' in ending
    assert "I want to report stalking, section 2A of the Protection from Harassment Act 1997." in ending
    assert [(link["data-carry-kind"], link["data-carry-offence"], link["href"]) for link in carry_links(ending)] == [
        ("diary", "Stalking", "/casefile/")
    ]


def test_a_civil_offence_page_says_the_police_will_not_prosecute_it_and_still_offers_the_case_file(client):
    html = client.get("/offences/defamation/").content.decode()
    ending = html.split('id="next-title"')[1]
    assert "the police will not prosecute it" in ending
    assert "I want to report" not in ending
    assert carry_links(ending)[0]["data-carry-offence"] == Offence.objects.get(slug="defamation").title


def test_the_finder_offers_to_save_its_answer_to_the_case_file_without_putting_it_in_the_link(client):
    html = client.get("/finder/").content.decode()
    assert re.search(r'<a class="fo-save__link" href="/casefile/" data-finder-save>Save this to my case file</a>', html)
