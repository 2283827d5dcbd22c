import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guide.models import Offence, Source

pytestmark = pytest.mark.django_db


def test_it_shows_the_guide_in_the_seed_order(client):
    html = client.get("/").content.decode()
    landmarks = [
        "In immediate danger? Call 999 now.",
        "Start the paper trail",
        "File with the national cybercrime body",
        "The offences in England &amp; Wales",
        "Report at home, and trigger action where they are",
        "If you are brushed off, do this next",
        "The same for everyone: evidence, safety, platforms",
    ]
    positions = [html.index(text) for text in landmarks]
    assert positions == sorted(positions)


def test_it_lists_all_channels_offences_countries_rungs_and_essentials(client):
    html = client.get("/").content.decode()
    for text in [
        "Local police force online crime report",
        "101 non-emergency police phone line",
        "Crimestoppers",
        "National Crime Agency (NCA)",
        "Ofcom",
        "Extortion / blackmail",
        "If the person is in New Zealand",
        "International liaison",
        "Documenting and preserving your evidence",
        "Recording your calls",
    ]:
        assert text in html, text


def _count_home_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_it_runs_the_same_number_of_queries_however_much_content_exists(client):
    before = _count_home_queries(client)
    source = Source.objects.first()
    template = Offence.objects.get(slug="harassment")
    for n in range(20):
        template.pk = None
        template.slug = f"extra-offence-{n}"
        template.save()
        template.sources.add(source)
    after = _count_home_queries(client)
    assert Offence.objects.count() == 30
    assert after == before
    assert after <= 12


def test_it_hides_unpublished_offences_from_the_public(client, unpublished_offence):
    assert unpublished_offence.title not in client.get("/").content.decode()


def test_it_shows_the_whole_urgent_banner_on_the_home_page_only(client):
    reassurance = "Most people here are not in an active emergency."
    assert reassurance in client.get("/").content.decode()
    inner = client.get("/escalation/").content.decode()
    assert "In immediate danger? Call 999 now." in inner and "112" in inner
    assert reassurance not in inner


def test_it_points_people_who_are_unsure_to_the_offence_finder(client):
    html = client.get("/").content.decode()
    assert 'href="/finder/"' in html
    assert "Not sure what to report it as?" in html
