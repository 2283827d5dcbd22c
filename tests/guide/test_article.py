import pytest

pytestmark = pytest.mark.django_db


def test_it_renders_an_essential_with_headings_and_sources(client):
    html = client.get("/guide/evidence/").content.decode()
    assert "<h1" in html and "Documenting and preserving your evidence" in html
    assert "<h2>Capture context, not just the bad comment</h2>" in html
    assert "esafety.gov.au" in html and "netsafe.org.nz" in html


def test_it_renders_the_doxxing_note(client):
    html = client.get("/guide/doxxing-status/").content.decode()
    assert "No standalone &#x27;doxxing&#x27; offence exists in England &amp; Wales" in html or (
        "No standalone 'doxxing' offence exists" in html
    )


def test_it_says_calmly_when_the_original_links_a_source_without_naming_it(client):
    html = client.get("/guide/recording-your-calls/").content.decode()
    assert "One-party consent" in html
    assert "The original guide links a source here without naming it." in html
    assert "Source not named in the original guide" not in html  # editors' wording, not readers'
    assert "Not yet checked by our editors." not in html
