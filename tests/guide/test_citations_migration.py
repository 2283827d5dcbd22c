"""The citations data migration fixes an existing database, and running it again changes nothing."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps

from guide.models import Article, Offence, Source

pytestmark = pytest.mark.django_db

migration = import_module("guide.migrations.0010_restore_citations")


def _links():
    return {
        (model.__name__, item.pk): (
            sorted(item.sources.values_list("pk", flat=True)),
            sorted(item.suggested_sources.values_list("pk", flat=True)),
        )
        for model in (Offence, Article)
        for item in model.objects.all()
    }


def test_running_it_again_changes_nothing():
    before, sources = _links(), Source.objects.count()
    migration.restore_citations(apps, None)
    assert _links() == before and Source.objects.count() == sources


def test_an_old_unattributed_verification_goes_back_in_the_queue_with_a_note():
    page = Source.objects.get(url="https://www.nationalcrimeagency.gov.uk/contact-us")
    Source.objects.filter(pk=page.pk).update(last_verified=date(2026, 11, 30), needs_verification=False)
    migration.restore_citations(apps, None)
    page.refresh_from_db()
    assert page.needs_verification and page.last_verified is None
    assert "Marked verified on 30 November 2026 before checks recorded who checked" in page.notes


def test_a_home_page_made_up_for_a_domain_becomes_the_domain_again():
    Source.objects.create(url="https://tiktok.com/", title="tiktok.com", needs_verification=True)
    Source.objects.create(url="https://www.victimsupport.org.uk", title="Victim Support")
    migration.restore_citations(apps, None)
    assert not Source.objects.filter(url="https://tiktok.com/").exists()
    assert Source.objects.filter(url="https://www.victimsupport.org.uk").exists()  # a full address someone gave
