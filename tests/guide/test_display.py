"""Headings are shown in sentence case; the stored text stays as the original has it."""

import pytest

from guide.display import sentence_case, sentence_case_headings
from guide.markdown import render_markdown
from guide.models import Channel, EscalationRung


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("PRIMARY paper-trail channel", "Primary paper-trail channel"),
        ("PLATFORM REGULATOR, NOT a complaint body", "Platform regulator, not a complaint body"),
        ("FRONT-LINE", "Front-line"),
        ("CPS / PROSECUTION", "CPS / prosecution"),
        ("ELECTED REPRESENTATIVE (pressure valve)", "Elected representative (pressure valve)"),
        ("INTERNATIONAL LIAISON via the NCA and INTERPOL", "International liaison via the NCA and INTERPOL"),
    ],
)
def test_it_quietens_shouted_words(stored, shown):
    assert sentence_case(stored) == shown


@pytest.mark.parametrize(
    "heading",
    [
        "National Crime Agency (NCA)",
        "National Cyber Security Centre (NCSC) - Suspicious Email Reporting Service (SERS) / phishing reporting",
        "Report Fraud (operated by City of London Police; the national lead force for fraud)",
        "You cannot self-start INTERPOL or an MLAT, only police can",
        "The FBI's overseas offices (Legats) coordinate, they do not police",
        "When the UK, US and EU differ: IC3 and N-CAS",
    ],
)
def test_it_keeps_acronyms_and_proper_names(heading):
    assert sentence_case(heading) == heading


def test_it_changes_only_headings_in_markdown():
    html = render_markdown("## WHAT THE FBI ADVISES\n\nDEFAMATION IS CIVIL-ONLY IN ENGLAND & WALES.")
    assert "<h2>What the FBI advises</h2>" in html
    assert "DEFAMATION IS CIVIL-ONLY" in html  # body text is the original's, word for word and case for case


def test_it_leaves_tags_inside_a_heading_alone():
    assert sentence_case_headings('<h3>SEE <a href="/x">THE NCA</a></h3>') == '<h3>See <a href="/x">the NCA</a></h3>'


@pytest.mark.django_db
def test_the_step_page_shows_roles_in_sentence_case_and_stores_them_unchanged(client):
    html = client.get("/steps/start-the-paper-trail/").content.decode()
    assert "Primary paper-trail channel" in html and "PRIMARY paper-trail" not in html
    assert Channel.objects.get(slug="police-uk-online-report").role == "PRIMARY paper-trail channel"


@pytest.mark.django_db
def test_the_ladder_keeps_cps_in_capitals(client):
    EscalationRung.objects.filter(slug="cps-prosecution").update(title="CPS / PROSECUTION")
    assert "CPS / prosecution" in client.get("/escalation/").content.decode()
