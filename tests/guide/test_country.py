import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("slug", "phrase"),
    [
        ("united-states", "INTERPOL Washington"),
        ("canada", "NCB) Ottawa"),
        ("australia", "eSafety Commissioner"),
        ("new-zealand", "Harmful Digital Communications Act 2015"),
        ("south-africa", "NCB Pretoria"),
    ],
)
def test_it_shows_each_country_guide(client, slug, phrase):
    html = client.get(f"/abroad/{slug}/").content.decode()
    assert phrase in html
    for heading in ["Fastest lever in", "How the case reaches them", "The honest truth"]:
        assert heading in html
    assert "you cannot contact Interpol yourself, only police can" in html


def test_it_answers_404_for_a_country_without_a_guide(client):
    assert client.get("/abroad/atlantis/").status_code == 404
