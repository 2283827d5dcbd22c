"""The scripts' translations: Django's JavaScriptCatalog at one URL per language (falseos/i18n.py)."""

import shutil

import pytest

from tests.messages import make_messages

pytestmark = pytest.mark.django_db

CATALOG = "/jsi18n/en-gb.js"


def test_it_answers_javascript_that_defines_gettext(client):
    r = client.get(CATALOG)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/javascript")
    assert b"django.gettext = function" in r.content
    assert b"django.ngettext = function" in r.content


def test_it_leaves_out_the_admins_strings(client):
    assert b"Choose all" not in client.get(CATALOG).content


def test_it_is_revalidated_against_the_build(client):
    r = client.get(CATALOG)
    cache_control = r.headers["Cache-Control"]
    assert "no-cache" in cache_control and "public" in cache_control
    assert r.headers["ETag"]
    again = client.get(CATALOG, headers={"if-none-match": r.headers["ETag"]})
    assert again.status_code == 304


def test_an_unknown_language_is_not_found(client):
    assert client.get("/jsi18n/xx.js").status_code == 404


def test_it_is_saved_for_offline_use(client):
    assert CATALOG in client.get("/offline-manifest.json").json()["assets"]


def test_every_page_loads_it_before_the_modules(client):
    html = client.get("/").content.decode()
    assert f'<script src="{CATALOG}"></script>' in html
    assert html.index(CATALOG) < html.index('type="module"')


@pytest.mark.skipif(not shutil.which("xgettext"), reason="makemessages needs GNU gettext's xgettext")
def test_makemessages_finds_the_scripts_strings_and_only_ours(tmp_path):
    po = make_messages(tmp_path, "djangojs").read_text(encoding="utf-8")
    assert 'msgid "Describe what happened."' in po
    assert 'msgid "%(count)s entry"\nmsgid_plural "%(count)s entries"' in po
    assert "static/js/vendor" not in po and "tests/" not in po
