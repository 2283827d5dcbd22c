"""The provenance data migration fixes an existing database as well as a fresh seed."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps

from guide.models import Article, ContentVersion, EscalationRung, GuideItem, Offence, Snippet

pytestmark = pytest.mark.django_db

migration = import_module("guide.migrations.0009_honest_provenance")
GUIDE_MODELS = [model for model in apps.get_app_config("guide").get_models() if issubclass(model, GuideItem)]


def test_a_fresh_seed_has_no_invented_reviews():
    for model in GUIDE_MODELS:
        assert not model.objects.filter(reviewed_on__isnull=False).exists(), model.__name__


def test_a_fresh_seed_keeps_the_import_as_provenance():
    assert set(Offence.objects.values_list("origin", "imported_on")) == {("original", date(2026, 11, 25))}
    assert Snippet.objects.get(key="support-helplines").origin == "editors"


def test_first_reviews_are_spread_out_not_all_due_on_one_day():
    due = [item.review_due for model in GUIDE_MODELS for item in model.objects.all()]
    most_common = max(due.count(day) for day in set(due))
    assert len(set(due)) >= 6
    assert most_common < len(due) / 3
    assert date(2027, 5, 25) not in due  # import day + 6 months, as if the import had been a review


def test_it_fixes_an_existing_database_and_keeps_what_an_editor_set():
    Offence.objects.filter(slug="stalking").update(reviewed_on=date(2026, 11, 25), review_due=date(2027, 5, 25))
    Offence.objects.filter(slug="harassment").update(reviewed_on=date(2026, 12, 1), review_due=date(2027, 3, 1))
    Article.objects.filter(slug="evidence").update(origin="editors", imported_on=None)
    before = ContentVersion.objects.get().number

    migration.record_provenance(apps, None)

    stalking, harassment = Offence.objects.get(slug="stalking"), Offence.objects.get(slug="harassment")
    assert stalking.reviewed_on is None and stalking.review_due == date(2027, 1, 15)
    assert harassment.reviewed_on == date(2026, 12, 1) and harassment.review_due == date(2027, 3, 1)
    assert Article.objects.get(slug="evidence").origin == "original"
    assert EscalationRung.objects.get(slug="front-line").review_due == date(2027, 2, 12)
    assert ContentVersion.objects.get().number == before + 1
