import pytest

from guide.models import Offence
from tests.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db


def _offence_form(offence: Offence, **changes) -> dict:
    """The admin change form as the browser would post it, with the existing sources kept."""
    through = Offence.sources.through.objects.filter(offence=offence)
    data = {
        "jurisdiction": offence.jurisdiction_id,
        "order": offence.order,
        "title": offence.title,
        "slug": offence.slug,
        "covers": offence.covers,
        "key_elements": offence.key_elements,
        "act": offence.act,
        "section": offence.section,
        "kind": offence.kind,
        "mode_of_trial": offence.mode_of_trial,
        "classification": offence.classification,
        "max_penalty": offence.max_penalty,
        "tags": [tag.pk for tag in offence.tags.all()],
        "seriousness": offence.seriousness,
        "report_as": offence.report_as,
        "is_published": "on",
        "review_due": offence.review_due.isoformat(),
        "Offence_sources-TOTAL_FORMS": through.count(),
        "Offence_sources-INITIAL_FORMS": through.count(),
        "Offence_sources-MIN_NUM_FORMS": 1,
        "Offence_sources-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(through):
        data[f"Offence_sources-{index}-id"] = row.pk
        data[f"Offence_sources-{index}-offence"] = offence.pk
        data[f"Offence_sources-{index}-source"] = row.source_id
    data.update(changes)
    return data


def test_an_editor_can_sign_in_change_an_offence_and_see_it_published(client, editor):
    r = client.post("/admin/login/", {"username": "editor", "password": EDITOR_PASSWORD, "next": "/admin/"})
    assert r.status_code == 302 and r.url == "/admin/"

    offence = Offence.objects.get(slug="harassment")
    new_text = "Pursuing a course of conduct that amounts to harassment. Corrected by an editor."
    r = client.post(f"/admin/guide/offence/{offence.pk}/change/", _offence_form(offence, covers=new_text))
    assert r.status_code == 302, r.context["adminform"].errors if r.context else r

    client.logout()
    assert "Corrected by an editor." in client.get("/offences/harassment/").content.decode()


def test_an_editor_cannot_open_the_user_admin(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_an_editor_sees_what_needs_attention_first(editor_client):
    r = editor_client.get("/admin/guide/offence/?sources=unverified")
    html = r.content.decode()
    assert r.status_code == 200
    assert "source to verify" in html
    assert "Criminal harassment" in html


def test_an_editor_can_filter_overdue_reviews(editor_client):
    offence = Offence.objects.get(slug="doxxing")
    offence.review_due = offence.review_due.replace(year=2000)
    offence.save()
    html = editor_client.get("/admin/guide/offence/?review=overdue").content.decode()
    assert "review overdue" in html
    assert "Doxxing" in html
    assert "Extortion / blackmail" not in html


def test_the_admin_refuses_text_the_editors_wrote_without_a_source(editor_client):
    offence = Offence.objects.get(slug="harassment")
    offence.origin = Offence.Origin.EDITORS
    offence.save()
    data = _offence_form(offence)
    for index in range(data["Offence_sources-TOTAL_FORMS"]):
        data[f"Offence_sources-{index}-DELETE"] = "on"
    r = editor_client.post(f"/admin/guide/offence/{offence.pk}/change/", data)
    assert r.status_code == 200  # the form comes back with an error instead of saving
    assert "Give at least one source for text the editors wrote." in r.content.decode()
    assert offence.sources.count() >= 1


def test_an_editor_can_open_and_add_situations(editor_client):
    r = editor_client.get("/admin/guide/situation/")
    assert r.status_code == 200
    assert "Threats to kill or hurt me" in r.content.decode()
    assert editor_client.get("/admin/guide/situation/add/").status_code == 200
