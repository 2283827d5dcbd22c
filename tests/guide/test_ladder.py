import pytest

pytestmark = pytest.mark.django_db


def test_it_shows_all_seven_rungs_in_order(client):
    html = client.get("/escalation/").content.decode()
    titles = [
        "Front-line",
        "Specialist unit",
        "Supervisor / professional standards",
        "National agency",
        "Elected representative (pressure valve)",
        "CPS / prosecution",
        "International liaison",
    ]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "0808 802 0300" in html  # National Stalking Helpline
    assert "Victim&#x27;s Right to Review" in html or "Victim's Right to Review" in html
