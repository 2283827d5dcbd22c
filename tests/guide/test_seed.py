"""A fresh install holds the whole England & Wales guide, in the original wording."""

import pytest
from django.apps import apps
from django.db.models import Count

from guide.models import (
    Article,
    Channel,
    ContentVersion,
    CountryGuide,
    EscalationRung,
    GuideItem,
    Jurisdiction,
    Offence,
    Snippet,
    Source,
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
TAG_SLUGS = {
    "threats",
    "stalking",
    "harassment",
    "doxxing",
    "impersonation",
    "blackmail-sextortion",
    "defamation",
    "fraud",
}
GUIDE_MODELS = [model for model in apps.get_app_config("guide").get_models() if issubclass(model, GuideItem)]
LEGAL_NOTICE = "General legal information, not legal advice."


def test_it_loads_four_step_one_channels():
    assert Channel.objects.filter(step__slug="start-the-paper-trail").count() == 4


def test_it_loads_four_step_two_channels():
    assert Channel.objects.filter(step__slug="file-with-the-national-body").count() == 4


def test_it_loads_ten_offences_five_country_guides_and_seven_rungs():
    assert Offence.objects.count() == 10
    assert CountryGuide.objects.count() == 5
    assert EscalationRung.objects.count() == 7


def test_it_loads_five_essentials_and_two_notes():
    assert Article.objects.filter(kind="essential").count() == 5
    assert Article.objects.filter(kind="note").count() == 2


def test_it_files_everything_under_england_and_wales_with_one_content_version():
    assert Jurisdiction.objects.get().slug == "england-and-wales"
    assert ContentVersion.objects.count() == 1


def test_every_guide_item_is_published_with_a_first_review_due():
    assert {Jurisdiction, Snippet, Channel, Offence, Article, CountryGuide, EscalationRung} <= set(GUIDE_MODELS)
    for model in GUIDE_MODELS:
        assert not model.objects.filter(is_published=False).exists(), model.__name__
        assert not model.objects.filter(review_due__isnull=True).exists(), model.__name__


def test_text_the_editors_wrote_has_at_least_one_source():
    for model in GUIDE_MODELS:
        unsourced = model.objects.filter(origin="editors").annotate(n=Count("sources")).filter(n=0)
        assert list(unsourced) == [], model.__name__


def test_every_offence_has_a_tag_and_every_tag_is_used():
    assert not Offence.objects.annotate(n=Count("tags")).filter(n=0).exists()
    assert set(Tag.objects.values_list("slug", flat=True)) == TAG_SLUGS
    assert not Tag.objects.annotate(n=Count("offences")).filter(n=0).exists()


def test_it_keeps_the_report_fraud_phone_number():
    assert Channel.objects.get(slug="report-fraud-national").phone == "0300 123 2040"


def test_it_keeps_how_to_report_scams_to_the_ncsc():
    ncsc = Channel.objects.get(slug="ncsc-sers")
    assert "7726" in ncsc.contact_note
    assert ncsc.email == "report@phishing.gov.uk"


def test_it_says_crimestoppers_gives_no_reference_number():
    assert Channel.objects.get(slug="crimestoppers").gives_reference == "no"


def test_it_keeps_blackmail_at_fourteen_years_and_indictable_only():
    blackmail = Offence.objects.get(slug="blackmail")
    assert "14 years" in blackmail.max_penalty
    assert blackmail.mode_of_trial == "indictable"


def test_it_records_defamation_as_civil_only():
    defamation = Offence.objects.get(slug="defamation")
    assert defamation.kind == "civil"
    assert defamation.classification == "Civil only (criminal libel abolished)"


def test_a_domain_the_original_named_stays_a_domain_with_no_made_up_home_page():
    named = Source.objects.exclude(named_as="")
    assert named.filter(named_as="legislation.gov.uk").exists()
    assert list(named.exclude(url="")) == []


def test_every_citation_the_original_gives_is_its_own_source():
    offence_sources = Source.objects.filter(offence_items__isnull=False).distinct()
    assert offence_sources.count() == Offence.objects.count() == 10
    assert Article.objects.get(slug="platform-reporting").sources.count() == 13
    assert Article.objects.get(slug="cross-border-police-work").sources.count() == 10
    essentials = Source.objects.filter(article_items__kind="essential")
    assert essentials.count() == essentials.distinct().count() == 8 + 4 + 2 + 13 + 10


def test_it_keeps_a_full_address_the_original_gives():
    nca = Channel.objects.get(slug="nca").sources.get()
    assert nca.url == "https://www.nationalcrimeagency.gov.uk/contact-us" and nca.has_exact_page


def test_sources_the_original_never_gave_are_editor_suggestions_only():
    for slug in ["canada", "south-africa"]:
        guide = CountryGuide.objects.get(slug=slug)
        assert not guide.sources.exists()
        assert guide.suggested_sources.filter(named_as="interpol.int").exists()
    request = Snippet.objects.get(key="cross-reference-request")
    assert not request.sources.filter(url__contains="victims-right-review").exists()
    assert request.suggested_sources.filter(url__contains="victims-right-review").exists()


def test_nothing_is_marked_checked_until_an_editor_checks_it():
    assert not Source.objects.filter(needs_verification=False).exists()


def test_the_unnamed_source_link_of_recording_your_calls_is_queued_for_editors():
    source = Article.objects.get(slug="recording-your-calls").sources.get()
    assert source.url == "" and source.named_as == ""
    assert source.needs_verification


def test_the_urgent_banner_mentions_999_and_112():
    banner = Snippet.objects.get(key="urgent-banner")
    assert "999" in banner.title
    assert "999" in banner.body and "112" in banner.body


def test_every_essential_keeps_the_legal_information_notice():
    # The two notes never carried the notice in the original guide, so only the essentials are checked.
    for article in Article.objects.filter(kind="essential"):
        assert article.body.rstrip().endswith(LEGAL_NOTICE), article.slug


def test_articles_keep_their_headings_and_lists_as_markdown():
    platform = Article.objects.get(slug="platform-reporting").body
    assert "\n## The three levers that actually force removal\n" in platform
    assert "\n1. A court order or injunction." in platform
    assert "\n3. The platform's own Community Guidelines enforcement" in platform
    playbook = Article.objects.get(slug="cross-border-police-work").body
    assert "\n- Keep and cross-reference every reference and complaint number." in playbook


def test_the_ladder_climbs_in_the_seeds_order():
    assert list(EscalationRung.objects.values_list("title", flat=True)) == LADDER_TITLES
