import pytest

pytestmark = pytest.mark.django_db


def test_it_shows_the_offence_in_full(client):
    html = client.get("/offences/stalking/").content.decode()
    assert "Protection from Harassment Act 1997" in html
    assert "s.2A (offence of stalking)" in html
    assert "Criminal (summary)" in html
    assert "Key elements" in html and "What it covers" in html
    assert "legislation.gov.uk" in html


def test_it_shows_blackmail_carries_14_years(client):
    html = client.get("/offences/blackmail/").content.decode()
    assert "imprisonment up to 14 years" in html
    assert "Indictable only" in html


def test_it_shows_defamation_as_civil_only(client):
    html = client.get("/offences/defamation/").content.decode()
    assert "Civil only (criminal libel abolished)" in html


def test_it_hides_an_unpublished_offence_from_the_public(client, unpublished_offence):
    assert client.get(unpublished_offence.get_absolute_url()).status_code == 404


def test_it_lets_staff_preview_an_unpublished_offence(editor_client, unpublished_offence):
    r = editor_client.get(unpublished_offence.get_absolute_url())
    assert r.status_code == 200
    assert "This is not published. Only editors can see it." in r.content.decode()


def test_it_answers_a_friendly_404_for_an_unknown_offence(client):
    r = client.get("/offences/not-a-real-offence/")
    assert r.status_code == 404
    html = r.content.decode()
    assert "Page not found" in html
    assert "In immediate danger? Call 999 now." in html
    assert "Exit this site" in html
