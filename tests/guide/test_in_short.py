"""An editor's "In short" summary: one or two sentences, above the original text, marked as a summary."""

import pytest
from django.core.exceptions import ValidationError

from guide.models import Channel, CountryGuide, EscalationRung, Offence

pytestmark = pytest.mark.django_db

SUMMARY = "Repeated unwanted contact can be a crime. Report it to the police online or on 101."


def test_it_shows_the_summary_above_the_original_text_and_marks_it(client):
    Offence.objects.filter(slug="harassment").update(in_short=SUMMARY)
    html = client.get("/offences/harassment/").content.decode()
    assert "In short" in html and "(a summary by our editors; the full text follows)" in html
    assert html.index("Repeated unwanted contact") < html.index("Pursuing a course of conduct")
    assert '<a href="tel:101">101</a>' in html


@pytest.mark.parametrize(
    ("model", "slug", "url"),
    [
        (Channel, "101", "/steps/start-the-paper-trail/"),
        (CountryGuide, "canada", "/abroad/canada/"),
        (EscalationRung, "front-line", "/escalation/"),
    ],
)
def test_channels_countries_and_rungs_show_it_too(client, model, slug, url):
    model.objects.filter(slug=slug).update(in_short=SUMMARY)
    assert "Repeated unwanted contact can be a crime." in client.get(url).content.decode()


def test_it_shows_nothing_until_an_editor_writes_one(client):
    assert "(a summary by our editors" not in client.get("/offences/harassment/").content.decode()


def test_it_refuses_more_than_two_sentences():
    offence = Offence.objects.get(slug="harassment")
    offence.in_short = "One. Two. Three."
    with pytest.raises(ValidationError, match="one or two sentences"):
        offence.full_clean()
    offence.in_short = SUMMARY
    offence.full_clean()
