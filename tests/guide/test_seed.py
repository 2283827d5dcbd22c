"""A fresh install holds the whole England & Wales guide, in the original wording."""

import pytest
from django.db.models import Count

from guide.models import (
    Article,
    Channel,
    ContentVersion,
    CountryGuide,
    EscalationRung,
    Jurisdiction,
    Offence,
    Snippet,
    Source,
    Step,
    Tag,
)

pytestmark = pytest.mark.django_db

LADDER_TITLES = [
    "Front-line",
    "Specialist unit",
    "Supervisor / professional standards",
    "National agency",
    "Elected representative (pressure valve)",
    "CPS / prosecution",
    "International liaison",
]
GUIDE_MODELS = [Jurisdiction, Snippet, Step, Channel, Offence, Article, CountryGuide, EscalationRung]


def test_it_loads_the_guide_in_the_seeds_numbers():
    assert Channel.objects.filter(step__number=1).count() == 4
    assert Channel.objects.filter(step__number=2).count() == 4
    assert Offence.objects.count() == 10
    assert CountryGuide.objects.count() == 5
    assert EscalationRung.objects.count() == 7
    assert Article.objects.filter(kind="essential").count() == 5
    assert Article.objects.filter(kind="note").count() == 2
    assert ContentVersion.objects.get().number == 1


def test_every_item_is_published_with_review_dates_and_a_source():
    for model in GUIDE_MODELS:
        without_sources = model.objects.annotate(n=Count("sources")).filter(n=0)
        assert list(without_sources) == [], model.__name__
        assert not model.objects.filter(is_published=False).exists(), model.__name__
        assert all(item.reviewed_on < item.review_due for item in model.objects.all()), model.__name__


def test_every_offence_is_tagged_and_every_tag_is_used():
    assert not Offence.objects.annotate(n=Count("tags")).filter(n=0).exists()
    assert set(Tag.objects.values_list("slug", flat=True)) == {
        "threats",
        "stalking",
        "harassment",
        "doxxing",
        "impersonation",
        "blackmail-sextortion",
        "defamation",
        "fraud",
    }
    assert not Tag.objects.annotate(n=Count("offences")).filter(n=0).exists()


def test_it_keeps_the_contact_details_people_need():
    report_fraud = Channel.objects.get(slug="report-fraud-national")
    assert report_fraud.phone == "0300 123 2040"
    ncsc = Channel.objects.get(slug="ncsc-sers")
    assert ncsc.email == "report@phishing.gov.uk"
    assert "7726" in ncsc.contact_note
    assert Channel.objects.get(slug="crimestoppers").gives_reference == "no"


def test_it_keeps_the_legal_detail_of_the_offences():
    assert "14 years" in Offence.objects.get(slug="blackmail").max_penalty
    assert Offence.objects.get(slug="blackmail").mode_of_trial == "indictable"
    defamation = Offence.objects.get(slug="defamation")
    assert defamation.kind == "civil"
    assert defamation.classification == "Civil only (criminal libel abolished)"
    assert Offence.objects.get(slug="stalking").section == "s.2A (offence of stalking)"


def test_it_marks_sources_given_only_as_a_domain_for_verification():
    legislation = Source.objects.get(url="https://www.legislation.gov.uk/")
    assert legislation.needs_verification
    unnamed = Article.objects.get(slug="recording-your-calls").sources.get()
    assert unnamed.url == "" and unnamed.needs_verification
    assert not Source.objects.get(url="https://www.nationalcrimeagency.gov.uk/contact-us").needs_verification


def test_the_urgent_banner_names_999_and_112():
    banner = Snippet.objects.get(key="urgent-banner")
    assert "999" in banner.title
    assert "112 also connects to the same emergency operator" in banner.body


def test_every_article_ends_with_the_legal_information_notice():
    for article in Article.objects.filter(kind="essential"):
        assert article.body.rstrip().endswith("General legal information, not legal advice."), article.slug


def test_articles_keep_their_headings_and_lists_as_markdown():
    platform = Article.objects.get(slug="platform-reporting").body
    assert "\n## The three levers that actually force removal\n" in platform
    assert "\n1. A court order or injunction." in platform
    assert "\n3. The platform's own Community Guidelines enforcement" in platform
    playbook = Article.objects.get(slug="cross-border-police-work").body
    assert "\n- Keep and cross-reference every reference and complaint number." in playbook


def test_the_ladder_climbs_in_the_seeds_order():
    assert list(EscalationRung.objects.values_list("title", flat=True)) == LADDER_TITLES
