import pytest

pytestmark = pytest.mark.django_db


def test_it_lists_the_four_paper_trail_channels(client):
    html = client.get("/steps/start-the-paper-trail/").content.decode()
    for name in ["police.uk", "101 non-emergency police phone line", "Crimestoppers", "Report Fraud"]:
        assert name in html
    assert "Does not give you a reference number" in html  # Crimestoppers


def test_it_gives_the_national_bodies_contact_details(client):
    html = client.get("/steps/file-with-the-national-body/").content.decode()
    assert "0300 123 2040" in html
    assert "7726" in html
    assert 'href="mailto:report@phishing.gov.uk"' in html
    assert "National Crime Agency" in html and "Ofcom" in html


def test_it_answers_404_for_an_unknown_step(client):
    assert client.get("/steps/no-such-step/").status_code == 404
