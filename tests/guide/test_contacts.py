"""Phone numbers and email addresses become tap-to-call and mailto links, and nothing else does."""

import re
from html.parser import HTMLParser

import pytest

from guide.contacts import link_contacts, link_contacts_in_html, tel_uri
from guide.markdown import render_markdown
from tests.pages import guide_urls

NATIONAL_STALKING_HELPLINE = "tel:+448088020300"
VICTIM_SUPPORT = "tel:+448081689111"


def test_it_links_uk_numbers_written_in_prose():
    html = render_markdown("The National Stalking Helpline (0808 802 0300) and Victim Support (08 08 16 89 111).")
    assert f'<a href="{NATIONAL_STALKING_HELPLINE}">0808 802 0300</a>' in html
    assert f'<a href="{VICTIM_SUPPORT}">08 08 16 89 111</a>' in html


def test_it_links_999_112_and_101():
    html = link_contacts_in_html("Call 999 now. 112 also works. Otherwise call 101 (999 if in danger), or (101/999).")
    assert html.count('href="tel:999"') == 3
    assert html.count('href="tel:112"') == 1
    assert html.count('href="tel:101"') == 2


def test_it_links_international_numbers_without_the_trunk_zero():
    assert link_contacts_in_html("+44 (0)20 7946 0018") == '<a href="tel:+442079460018">+44 (0)20 7946 0018</a>'


def test_it_links_email_addresses():
    html = render_markdown("Report scam emails to report@phishing.gov.uk; scam texts to 7726.")
    assert '<a href="mailto:report@phishing.gov.uk">report@phishing.gov.uk</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "section 101 of the Act",
        "s. 112 applies",
        "30 September 1999",
        "about 250 special agents and 196 member countries",
        "up to 112 days",
        "he sent 999 messages",
        "101% sure",
        "105.police.govt.nz",  # with https:// it becomes a web link (below), never a call
        "/guide/101-things",
        "Netsafe on 0508 638 723",  # a New Zealand number: dialled from a UK phone it reaches nobody
        "call 911",
        "a legal@-style inbox",
    ],
)
def test_it_leaves_what_is_not_a_uk_number_or_address_alone(text):
    assert link_contacts_in_html(text) == text


def test_it_never_puts_a_link_inside_a_link_or_code():
    html = render_markdown("[Call 101 here](https://www.police.uk/) and `999` and <report@phishing.gov.uk>")
    assert "tel:" not in html
    assert html.count("<a ") == 2


def test_it_escapes_plain_text_before_linking():
    assert str(link_contacts("<b>Call 999</b>")) == '&lt;b&gt;Call <a href="tel:999">999</a>&lt;/b&gt;'


def test_a_phone_field_dials_the_full_number():
    assert tel_uri("0300 123 2040") == "tel:+443001232040"
    assert tel_uri("101") == "tel:101"


class UnlinkedText(HTMLParser):
    """Text a person reads that is not already a link. Headings, labels and form text are not places for links."""

    SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "label", "title", "textarea", "option", "script", "style"}

    def __init__(self):
        super().__init__()
        self.skipping = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in self.SKIP

    def handle_endtag(self, tag):
        self.skipping -= tag in self.SKIP

    def handle_data(self, data):
        if not self.skipping:
            self.text.append(data)


# Every UK number the seeded guide mentions, in any spacing.
KNOWN_NUMBERS = re.compile(r"(?<![\d/.])(999|112|101|0808 ?802 ?0300|08 ?08 ?16 ?89 ?111|0300 ?123 ?2040)(?![\d%])")


@pytest.mark.django_db
def test_every_phone_number_on_every_guide_page_is_a_link(client):
    for url in guide_urls():
        page = UnlinkedText()
        page.feed(client.get(url).content.decode())
        assert KNOWN_NUMBERS.findall(" ".join(page.text)) == [], url


@pytest.mark.django_db
def test_every_page_links_999_and_112_in_the_urgent_banner(client):
    for url in guide_urls():
        banner = client.get(url).content.decode().split('class="fo-banner fo-banner--urgent"')[1].split("</section>")[0]
        assert 'href="tel:999"' in banner and 'href="tel:112"' in banner, url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/finder/"])
def test_the_helplines_are_one_tap_from_the_home_page_and_the_finder(client, url):
    html = client.get(url).content.decode()
    assert f'<a href="{NATIONAL_STALKING_HELPLINE}">0808 802 0300</a>' in html
    assert f'<a href="{VICTIM_SUPPORT}">08 08 16 89 111</a>' in html
    assert "National Stalking Helpline" in html and "Victim Support" in html


def test_it_links_a_bare_web_address_without_its_closing_punctuation():
    html = link_contacts_in_html("Report to Report Fraud (https://www.reportfraud.police.uk/, 0300 123 2040).")
    link = '<a href="https://www.reportfraud.police.uk/" rel="noopener noreferrer">'
    assert f"({link}https://www.reportfraud.police.uk/</a>, " in html
    html = link_contacts_in_html("the IOPC, https://www.policeconduct.gov.uk) for how. See https://x.org/a_(b).")
    assert 'href="https://www.policeconduct.gov.uk"' in html
    assert 'href="https://x.org/a_(b)"' in html


def test_it_does_not_link_a_number_inside_a_web_address():
    html = link_contacts_in_html("NZ Police on 105 (https://105.police.govt.nz/101)")
    assert html.count("<a ") == 1 and "tel:" not in html


def test_it_opens_a_text_message_to_7726_for_scam_texts():
    assert '<a href="sms:7726">7726</a>' in link_contacts_in_html("scam texts to 7726; scam websites")


def test_it_leaves_an_address_an_editor_already_linked_alone():
    html = render_markdown("[NCA](https://www.nationalcrimeagency.gov.uk/contact-us)")
    assert html.count("<a ") == 1


@pytest.mark.django_db
def test_every_web_address_in_guide_text_is_a_link(client):
    for url in guide_urls():
        page = UnlinkedText()
        page.feed(client.get(url).content.decode())
        assert re.findall(r"https?://\S+", " ".join(page.text)) == [], url


@pytest.mark.django_db
def test_the_ncsc_card_makes_its_email_text_number_and_page_tappable(client):
    html = client.get("/steps/file-with-the-national-body/").content.decode()
    assert '<a href="mailto:report@phishing.gov.uk">report@phishing.gov.uk</a>' in html
    assert '<a href="sms:7726">7726</a>' in html
    page = "https://www.ncsc.gov.uk/section/about-this-website/report-scam-website"
    assert f'href="{page}" rel="noopener noreferrer"' in html
