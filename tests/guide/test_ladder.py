import pytest

from tests.guide.test_seed import LADDER_TITLES

pytestmark = pytest.mark.django_db


def test_it_shows_all_seven_rungs_in_order(client):
    html = client.get("/escalation/").content.decode()
    positions = [html.index(title) for title in LADDER_TITLES]
    assert positions == sorted(positions)
    assert "0808 802 0300" in html  # National Stalking Helpline
    assert "Victim&#x27;s Right to Review" in html or "Victim's Right to Review" in html
