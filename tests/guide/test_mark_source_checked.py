"""A source is checked only with its exact page, a checked date and the editor who checked it."""

import pytest

from guide import services
from guide.models import Article, Offence, Source

pytestmark = pytest.mark.django_db

NCA_CONTACT = "https://www.nationalcrimeagency.gov.uk/contact-us"


def _mark_verified(editor_client, *sources):
    return editor_client.post(
        "/admin/guide/source/",
        {"action": "mark_verified_today", "_selected_action": [source.pk for source in sources]},
        follow=True,
    )


def test_mark_as_verified_refuses_a_bare_domain_with_a_clear_message(editor_client):
    domain = Offence.objects.get(slug="blackmail").sources.get()
    assert domain.is_domain_only
    r = _mark_verified(editor_client, domain)
    assert r.status_code == 200
    assert "has no page address. Add the exact page first." in r.content.decode()
    domain.refresh_from_db()
    assert domain.needs_verification and domain.last_verified is None and domain.checked_by is None


def test_mark_as_verified_refuses_a_home_page_typed_in_for_a_domain(editor):
    domain = Offence.objects.get(slug="blackmail").sources.get()
    domain.url = "https://www.legislation.gov.uk/"
    domain.save()
    with pytest.raises(services.SourceNotCheckable, match="only a home page"):
        services.mark_source_checked(source=domain, user=editor)


def test_mark_as_verified_records_the_date_and_the_editor_for_an_exact_page(editor_client, editor):
    page = Source.objects.get(url=NCA_CONTACT)
    r = _mark_verified(editor_client, page)
    assert "1 source marked as verified." in r.content.decode()
    page.refresh_from_db()
    assert page.is_checked and page.checked_by == editor and not page.needs_verification


def test_a_mixed_selection_checks_the_pages_and_refuses_the_domains(editor_client):
    domain = Offence.objects.get(slug="stalking").sources.get()
    page = Source.objects.get(url=NCA_CONTACT)
    html = _mark_verified(editor_client, domain, page).content.decode()
    assert "1 source marked as verified." in html and "Add the exact page first." in html


def test_an_editor_who_finds_the_exact_page_can_then_check_it(editor):
    domain = Offence.objects.get(slug="blackmail").sources.get()
    domain.url = "https://www.legislation.gov.uk/ukpga/1968/60/section/21"
    domain.save()
    services.mark_source_checked(source=domain, user=editor)
    assert domain.is_checked and not domain.is_domain_only
    assert Offence.objects.get(slug="stalking").sources.get().is_domain_only  # its own citation, not merged


def test_changing_the_address_in_the_admin_clears_the_check(editor_client, editor):
    page = services.mark_source_checked(source=Source.objects.get(url=NCA_CONTACT), user=editor)
    data = {"title": page.title, "url": NCA_CONTACT + "/other", "publisher": page.publisher, "notes": ""}
    r = editor_client.post(f"/admin/guide/source/{page.pk}/change/", data)
    assert r.status_code == 302
    page.refresh_from_db()
    assert not page.is_checked and page.needs_verification


def test_the_page_shows_a_checked_source_with_its_date(client, editor):
    services.mark_source_checked(source=Source.objects.get(url=NCA_CONTACT), user=editor)
    html = client.get("/steps/file-with-the-national-body/").content.decode()
    assert "Exact page, checked by an editor on" in html
    assert "Exact page, not yet checked by an editor." in html  # the other step 2 cards


def test_the_source_admin_shows_which_items_cite_it(editor_client):
    rcmp = Article.objects.get(slug="evidence").sources.get(named_as="rcmp.ca")
    html = editor_client.get(f"/admin/guide/source/{rcmp.pk}/change/").content.decode()
    assert "Documenting and preserving your evidence" in html
