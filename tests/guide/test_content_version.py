import pytest

from guide.models import ContentVersion, Offence, Source

pytestmark = pytest.mark.django_db


def _version() -> int:
    return ContentVersion.objects.get().number


def test_the_seed_and_each_data_migration_that_corrects_it_move_the_version():
    # 0002 starts at 1; every later data migration that changes content bumps it, so installed copies update.
    assert _version() > 1


def test_it_goes_up_when_an_editor_changes_an_offence():
    before = _version()
    offence = Offence.objects.get(slug="stalking")
    offence.max_penalty += " Updated."
    offence.save()
    assert _version() == before + 1


def test_it_goes_up_when_sources_are_linked_or_verified():
    before = _version()
    offence = Offence.objects.get(slug="stalking")
    source = Source.objects.create(title="CPS guidance", url="https://www.cps.gov.uk/")
    offence.sources.add(source)
    assert _version() > before


def test_it_goes_up_when_an_item_is_deleted():
    before = _version()
    Offence.objects.get(slug="stalking").delete()
    assert _version() > before
