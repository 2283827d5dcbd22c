import json
import re

import pytest
from django.test import override_settings
from django.utils.html import escape

from casefile import limits
from guide.models import Channel, EscalationRung, Snippet
from tests.casefile.helpers import new_blob, push, write

pytestmark = pytest.mark.django_db


def test_it_offers_every_published_reporting_channel_as_an_agency(client):
    html = client.get("/casefile/").content.decode()
    for channel in Channel.objects.published():
        assert f'<option value="{escape(channel.name)}"' in html
    assert "Report Harmful Content" in html


def test_it_links_each_rung_of_the_tracker_to_the_guide(client):
    html = client.get("/casefile/").content.decode()
    rungs = EscalationRung.objects.published()
    assert rungs.count() == 7
    for rung in rungs:
        assert f'href="/escalation/#{rung.slug}"' in html


def test_it_leaves_out_an_unpublished_channel_even_for_staff(admin_client):
    channel = Channel.objects.get(slug="crimestoppers")
    channel.is_published = False
    channel.save()
    assert channel.name not in admin_client.get("/casefile/").content.decode()


def test_it_tells_the_page_when_to_lock_itself(client, settings):
    settings.CASEFILE_IDLE_LOCK_SECONDS = 120
    assert 'data-idle-lock-seconds="120"' in client.get("/casefile/").content.decode()


def test_it_is_the_same_page_for_everyone_so_it_can_be_saved_offline(client, django_user_model):
    anonymous = client.get("/casefile/")
    client.force_login(django_user_model.objects.create_user("kestrel-9"))
    signed_in = client.get("/casefile/")
    assert anonymous.content == signed_in.content
    assert "kestrel-9" not in signed_in.content.decode()


def test_it_gives_the_device_the_common_passphrases_long_enough_to_matter(client):
    r = client.get("/casefile/common-passphrases.txt")
    assert r.status_code == 200
    words = r.content.decode().split("\n")
    assert "password1" in words and "iloveyou" in words
    assert "123456" not in words  # too short to pass the length rule anyway
    assert min(len(word) for word in words) >= 8
    assert "public" in r["Cache-Control"]


def test_the_police_summary_asks_for_the_reports_to_be_linked_in_words_editors_can_change(client):
    html = client.get("/casefile/").content.decode()
    assert "Please link these reports as one course of conduct" in html
    assert "may be committed against two or more persons" in html
    request = Snippet.objects.get(key="cross-reference-request")
    request.body = "Please link **all** of these."
    request.save()  # as the admin does: the page's cached copy moves on with the content
    assert "Please link <strong>all</strong> of these." in client.get("/casefile/").content.decode()
    request.is_published = False
    request.save()
    assert "data-cross-reference-request" not in client.get("/casefile/").content.decode()


def page_limits(client) -> dict:
    html = client.get("/casefile/").content.decode()
    match = re.search(r'<script id="falseos-limits" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert match, "the page carries no limits for its scripts"
    return json.loads(match.group(1))


@override_settings(SYNC_PAGE_SIZE=3, SYNC_MAX_BATCH=7, BLOB_CHUNK_BYTES=1000, BLOB_MAX_BYTES=123_456)
def test_it_hands_the_device_the_limits_the_server_enforces_as_configured(client):
    assert page_limits(client) == {
        "syncPageSize": 3,
        "syncMaxBatch": 7,
        "blobChunkBytes": 1000,
        "blobMaxBytes": 123_456,
        "fileMaxBytes": 123_456 - limits.SEALED_FILE_EXTRA_BYTES,  # BLOB_MAX_BYTES, less what sealing adds
        "minPassphraseLength": limits.MIN_PASSPHRASE_LENGTH,
        "usernamePattern": limits.USERNAME_PATTERN,
    }


def test_the_limits_it_hands_over_are_the_ones_the_api_holds_to(as_alice, alices_collection, settings):
    settings.SYNC_PAGE_SIZE = 3
    settings.SYNC_MAX_BATCH = 2
    page = page_limits(as_alice)
    records = f"/api/v1/collections/{alices_collection.id}/records/"
    assert as_alice.get(records, {"limit": page["syncPageSize"]}).status_code == 200
    assert as_alice.get(records, {"limit": page["syncPageSize"] + 1}).status_code == 400
    assert push(as_alice, alices_collection, *[write() for _ in range(page["syncMaxBatch"])]).status_code == 200
    assert push(as_alice, alices_collection, *[write() for _ in range(page["syncMaxBatch"] + 1)]).status_code == 400


def test_the_largest_file_it_lets_a_device_add_is_one_the_server_takes_once_sealed(
    as_alice, alices_collection, settings
):
    sealed = page_limits(as_alice)["fileMaxBytes"] + limits.SEALED_FILE_EXTRA_BYTES
    assert new_blob(as_alice, alices_collection, sealed).status_code == 201
    # An operator lowers BLOB_MAX_BYTES: the device's limit follows, to the byte.
    settings.BLOB_MAX_BYTES = 10 * 1024 * 1024
    sealed = page_limits(as_alice)["fileMaxBytes"] + limits.SEALED_FILE_EXTRA_BYTES
    assert new_blob(as_alice, alices_collection, sealed).status_code == 201
    assert new_blob(as_alice, alices_collection, sealed + 1).status_code == 413


def test_it_says_how_large_a_file_can_be_in_words_that_follow_the_setting(client, settings):
    settings.BLOB_MAX_BYTES = 10 * 1024 * 1024
    html = client.get("/casefile/").content.decode()
    assert "Up to 9 MB each." in html  # 10 MiB less what sealing adds, rounded down


def test_its_urgent_banner_is_one_line_with_999_one_tap_away(client):
    page = client.get("/casefile/").content.decode()
    banner = page[page.index('class="fo-banner fo-banner--urgent"') : page.index("</section>")]
    assert 'href="tel:999"' in banner and 'href="tel:112"' in banner
    assert banner.count("<p") == 0  # the guide's explanation stays on the guide pages, where there is room
    home = client.get("/").content.decode()
    assert "ask for the police if you or someone else is in immediate danger" in home
