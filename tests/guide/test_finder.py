"""The offence finder without JavaScript: one POST, rendered on the server, nothing kept."""

import logging
import re

import pytest
from django.db.models import Count

from guide.finder import what_to_say
from guide.models import ContentVersion, Jurisdiction, Offence, Situation, SituationOffence

pytestmark = pytest.mark.django_db


def _shown(html: str) -> str:
    """The page with every hidden element removed, as a reader without JavaScript sees it."""
    return re.sub(r"<(li|div)[^>]*\shidden[^>]*>.*?</\1>", "", html, flags=re.S)


def _text(html: str) -> str:
    """What a reader sees, without the markup (999 is a tap-to-call link inside the sentence)."""
    return re.sub(r"<[^>]+>", "", html)


def _ask(client, *situations, **answers):
    return client.post("/finder/", {"situations": list(situations), **answers})


def test_every_offence_is_reachable_from_a_situation():
    assert not Offence.objects.annotate(n=Count("situations")).filter(n=0).exists()
    assert Situation.objects.count() >= 10


def test_it_lists_the_situations_as_checkboxes(client):
    html = client.get("/finder/").content.decode()
    for label in [
        "Threats to kill or hurt me",
        "Posting my home address or private details",
        "Spreading lies about me",
    ]:
        assert label in html
    assert html.count('type="checkbox" name="situations"') == Situation.objects.count()


def test_posting_my_address_points_to_doxxing_and_swatting(client):
    html = _shown(_ask(client, "private-details").content.decode())
    assert "Doxxing (publishing private/personal information)" in html
    assert "DPA 2018 s.170" in html and "Protection from Harassment Act" in html
    assert "Swatting: protecting yourself from a fake emergency call to your home" in html
    assert "Extortion / blackmail" not in html


def test_demands_for_money_point_to_blackmail_and_report_fraud(client):
    html = _shown(_ask(client, "demands").content.decode())
    assert "Extortion / blackmail" in html and "s.21 (blackmail)" in html and "Theft Act 1968" in html
    assert "Report Fraud" in html


def test_lies_are_shown_as_civil_only(client):
    html = _shown(_ask(client, "lies").content.decode())
    assert "Civil only: not a crime." in html
    assert "Civil only (criminal libel abolished)" in html


def test_threats_name_the_right_acts_and_give_the_999_advice(client):
    html = _shown(_ask(client, "threats").content.decode())
    assert "Online Safety Act 2023" in html and "s.181" in html
    assert "Malicious Communications Act 1988" in html
    assert "If you are in immediate danger, call 999 now." in _text(html)


def test_the_999_advice_is_not_shown_for_other_situations(client):
    assert "If you are in immediate danger, call 999 now." not in _text(_shown(_ask(client, "lies").content.decode()))


def test_the_chosen_country_guide_is_shown(client):
    html = _shown(_ask(client, "abroad", country="canada").content.decode())
    assert "If the person is in Canada" in html
    assert "If the person is in Australia" not in html


def test_offences_are_listed_most_serious_first(client):
    html = _shown(_ask(client, "threats", "demands").content.decode())
    assert html.index("Extortion / blackmail") < html.index("Criminal threats / death threats")


def test_it_writes_the_words_to_say(client):
    r = _ask(client, "following-watching", started="2025-12-04", how_often="weekly", what_happened="He waits outside.")
    text = re.search(r'<textarea[^>]*id="what-to-say"[^>]*>(.*?)</textarea>', r.content.decode(), re.S).group(1)
    assert text.startswith("I want to report stalking or harassment causing fear of violence, sections 4 and 4A")
    assert "stalking, section 2A of the Protection from Harassment Act 1997" in text
    assert "He waits outside. It started on 4 December 2025. It happens every week." in text
    assert text.endswith("Please record this as a crime and give me a crime reference number.")


def test_it_asks_for_a_situation_instead_of_failing(client):
    r = client.post("/finder/", {})
    assert r.status_code == 400
    assert "Tick at least one thing that is happening to you." in r.content.decode()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"situations": ["not-a-situation"]}, "Select a valid choice"),
        ({"situations": ["threats"], "started": "last tuesday"}, "Enter a real date"),
        ({"situations": ["threats"], "what_happened": "x" * 2001}, "2,000 characters or fewer"),
        ({"situations": ["abroad"], "country": "atlantis"}, "Select a valid choice"),
    ],
)
def test_it_explains_bad_answers_and_keeps_what_was_typed(client, answers, message):
    r = client.post("/finder/", answers)
    assert r.status_code == 400
    assert message in r.content.decode()


def test_the_answer_is_never_cached_or_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    r = _ask(client, "private-details", what_happened="My address is 12 Acacia Avenue")
    assert "no-store" in r["Cache-Control"]
    assert "Set-Cookie" not in r.headers
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "private-details" not in logged and "Acacia" not in logged


def test_the_page_works_for_search_engines_and_offline_caching(client):
    r = client.get("/finder/")
    assert r.status_code == 200 and r["ETag"]
    assert "/finder/" in client.get("/offline-manifest.json").json()["pages"]


def test_unpublished_situations_are_not_offered(client):
    Situation.objects.filter(slug="lies").update(is_published=False)
    assert "Spreading lies about me" not in client.get("/finder/").content.decode()
    assert _ask(client, "lies").status_code == 400


def test_what_to_say_falls_back_when_no_offence_is_named():
    text = what_to_say(report_as=[], what_happened="", started=None, how_often="")
    assert text == (
        "I want to report the harassment I am receiving online. "
        "Please record this as a crime and give me a crime reference number."
    )


def test_it_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        assert _ask(client, "threats", "abroad").status_code == 200


def test_a_situation_added_by_an_editor_appears_with_a_new_content_version(client):
    before = ContentVersion.objects.get().number
    situation = Situation.objects.create(
        jurisdiction=Jurisdiction.objects.get(),
        order=99,
        slug="intimate-images",
        label="Sharing intimate images of me",
        reviewed_on="2026-11-25",
        review_due="2027-05-25",
    )
    SituationOffence.objects.create(
        situation=situation, offence=Offence.objects.get(slug="blackmail"), why="Threats to publish can be blackmail."
    )
    assert ContentVersion.objects.get().number > before
    assert "Sharing intimate images of me" in client.get("/finder/").content.decode()
    html = _shown(_ask(client, "intimate-images").content.decode())
    assert "Threats to publish can be blackmail." in html


def test_offences_of_equal_seriousness_keep_the_guides_order_in_the_words(client):
    Offence.objects.filter(slug__in=["harassment", "stalking"]).update(seriousness=55)
    html = _ask(client, "repeated-messages").content.decode()
    shown = _shown(html)
    text = re.search(r'id="what-to-say"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    harassment_first = Offence.objects.get(slug="harassment").order < Offence.objects.get(slug="stalking").order
    assert (shown.index("Criminal harassment") < shown.index(">Stalking<")) == harassment_first
    assert (text.index("harassment, section 2 ") < text.index("stalking, section 2A")) == harassment_first


def test_the_country_list_reads_as_a_list(client):
    html = client.get("/finder/").content.decode()
    assert '<option value="united-states">The United States</option>' in html
