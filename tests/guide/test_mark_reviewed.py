"""Reviewed means an editor reviewed it: the page says so with the role and the date, and only then."""

from datetime import date

import pytest
from django.contrib.auth.models import Group

from guide import services
from guide.models import Offence

pytestmark = pytest.mark.django_db


def test_an_unreviewed_offence_says_where_its_text_came_from_and_that_no_editor_has_reviewed_it(client):
    html = client.get("/offences/stalking/").content.decode()
    assert "From the original guide, imported 25 November 2026." in html
    assert "This text has not yet been reviewed by an editor." in html
    assert "Reviewed by a" not in html


def test_a_reviewed_offence_shows_the_reviewers_role_and_the_date(client, django_user_model):
    editor = django_user_model.objects.create_user("alex.morgan", is_staff=True)
    services.mark_reviewed(item=Offence.objects.get(slug="stalking"), user=editor, on=date(2026, 12, 4))
    html = client.get("/offences/stalking/").content.decode()
    assert "Reviewed by a content editor on" in html and "4 December 2026" in html
    assert "not yet been reviewed" not in html
    assert "From the original guide, imported 25 November 2026." in html  # provenance stays
    assert editor.username not in html  # the role, never the name


def test_a_legal_reviewer_is_shown_as_one(editor):
    editor.groups.add(Group.objects.get_or_create(name=services.LEGAL_REVIEWERS_GROUP)[0])
    offence = services.mark_reviewed(item=Offence.objects.get(slug="blackmail"), user=editor)
    assert offence.reviewer_role == "legal reviewer"
    assert offence.reviewed_by == editor


def test_a_date_without_a_reviewer_is_not_shown_as_a_review(client):
    Offence.objects.filter(slug="stalking").update(reviewed_on=date(2026, 11, 25))
    html = client.get("/offences/stalking/").content.decode()
    assert "This text has not yet been reviewed by an editor." in html
    assert "Reviewed by a" not in html


def test_the_admin_action_marks_items_reviewed_by_the_editor_today(editor_client, editor):
    offence = Offence.objects.get(slug="harassment")
    r = editor_client.post(
        "/admin/guide/offence/", {"action": "mark_reviewed_today", "_selected_action": [offence.pk]}, follow=True
    )
    assert "1 item marked as reviewed." in r.content.decode()
    offence.refresh_from_db()
    assert offence.is_reviewed and offence.reviewed_by == editor


def test_the_admin_lists_unreviewed_items(editor_client):
    html = editor_client.get("/admin/guide/offence/?reviewed=no").content.decode()
    assert "not yet reviewed" in html and "Criminal harassment" in html


def test_the_ladder_footer_says_some_text_is_unreviewed_once_one_rung_is_reviewed(client, editor):
    from guide.models import EscalationRung

    services.mark_reviewed(item=EscalationRung.objects.get(slug="front-line"), user=editor)
    html = client.get("/escalation/").content.decode()
    assert "Some of the text on this page has not yet been reviewed by an editor." in html
    assert html.count("Reviewed by a content editor on") == 1
