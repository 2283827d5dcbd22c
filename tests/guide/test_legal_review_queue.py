"""Items an editor flags "possible change in the law" show a short neutral notice; the law text is unchanged."""

from datetime import date

import pytest

from guide.models import Channel, Offence, SituationOffence

pytestmark = pytest.mark.django_db

NOTICE = "Possible change in the law."


def test_the_queue_is_seeded_with_the_review_findings():
    assert Offence.objects.get(slug="malicious-communications").is_legally_flagged
    assert Channel.objects.get(slug="ncsc-sers").is_legally_flagged
    demand = SituationOffence.objects.get(situation__slug="demands", offence__slug="blackmail")
    assert demand.is_legally_flagged and "intimate images" in demand.legal_flag_note
    built_on_mca = SituationOffence.objects.filter(offence__slug="malicious-communications")
    assert built_on_mca.exists() and all(line.is_legally_flagged for line in built_on_mca)
    assert Offence.objects.filter(legal_flag_note__gt="").count() == 1  # nothing else is flagged


def test_flagging_does_not_rewrite_the_law():
    mca = Offence.objects.get(slug="malicious-communications")
    assert mca.covers.startswith("Sending to another a letter, electronic communication or article")
    assert "Online Safety Act 2023" in mca.legal_flag_detail and "section 179" in mca.legal_flag_detail
    assert Channel.objects.get(slug="ncsc-sers").gives_reference == "n/a"  # for editors to decide


def test_a_flagged_offence_shows_the_notice_and_date(client):
    html = client.get("/offences/malicious-communications/").content.decode()
    assert NOTICE in html
    assert "An editor is checking whether the Online Safety Act 2023 changed this offence" in html
    assert "Flagged for review on" in html and "4 December 2026" in html
    assert "Review finding" not in html  # the editors' detail stays in the admin


def test_an_offence_nobody_flagged_shows_no_notice(client):
    assert NOTICE not in client.get("/offences/stalking/").content.decode()


def test_the_flagged_channel_shows_the_notice_on_its_step_and_the_home_page(client):
    for url in ["/steps/file-with-the-national-body/", "/"]:
        html = client.get(url).content.decode()
        assert "it takes reports of scam emails and texts" in html, url


def test_the_finder_shows_the_notice_beside_the_flagged_lines(client):
    html = client.get("/finder/").content.decode()
    assert html.count("Possible change in the law:") == SituationOffence.objects.exclude(legal_flag_note="").count()
    assert "whether this fits a demand for intimate images as well as for money" in html


def test_an_editor_can_flag_an_item_and_readers_see_it(client, editor_client):
    offence = Offence.objects.get(slug="stalking")
    offence.legal_flag_note = "An editor is checking a change to the maximum penalty."
    offence.legal_flagged_on = date(2026, 12, 5)
    offence.save()
    html = client.get("/offences/stalking/").content.decode()
    assert "An editor is checking a change to the maximum penalty." in html and "5 December 2026" in html
    listing = editor_client.get("/admin/guide/offence/?legal=flagged").content.decode()
    assert "Stalking" in listing and "possible change in the law" in listing


def test_the_situation_admin_lists_situations_with_a_flagged_line(editor_client):
    html = editor_client.get("/admin/guide/situation/?legal=flagged").content.decode()
    assert "Demanding money or intimate images" in html
    assert "Following me, watching me, turning up" not in html
