from pathlib import Path

import pytest
from django.conf import settings

from guide import offline
from guide.models import ContentVersion, Offence

pytestmark = pytest.mark.django_db


def test_it_lists_every_published_guide_page_and_the_app_shell(client):
    r = client.get("/offline-manifest.json")
    assert r.status_code == 200
    assert "no-store" in r.headers["Cache-Control"] or "no-cache" in r.headers["Cache-Control"]
    manifest = r.json()
    assert manifest["version"] == ContentVersion.objects.get().number
    assert manifest["offline_url"] == "/offline/"
    assert "/" in manifest["pages"] and "/escalation/" in manifest["pages"]
    assert len([url for url in manifest["pages"] if url.startswith("/offences/")]) == 10
    assert len([url for url in manifest["pages"] if url.startswith("/abroad/")]) == 5
    assert any(url.startswith("/static/css/falseos.") and url.endswith(".css") for url in manifest["assets"])
    assert manifest["asset_bytes"] > 0


def test_every_listed_url_can_be_fetched(client):
    manifest = client.get("/offline-manifest.json").json()
    for url in [*manifest["pages"], *manifest["assets"], manifest["offline_url"]]:
        assert client.get(url).status_code == 200, url


def test_it_leaves_out_unpublished_pages(client, unpublished_offence):
    pages = client.get("/offline-manifest.json").json()["pages"]
    assert unpublished_offence.get_absolute_url() not in pages


def test_its_version_changes_when_an_editor_publishes(client):
    before = client.get("/offline-manifest.json").json()["version"]
    offence = Offence.objects.get(slug="blackmail")
    offence.is_published = False
    offence.save()
    assert client.get("/offline-manifest.json").json()["version"] == before + 1


def test_the_service_worker_is_served_from_the_root(client):
    r = client.get("/serviceworker.js")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/javascript")
    assert b"offline-manifest.json" in r.content


def test_it_saves_every_case_file_module_for_offline_use(client, collected_static):
    manifest = client.get("/offline-manifest.json").json()
    saved = {Path(url).name.split(".")[0] for url in manifest["assets"] if "/js/casefile/" in url}
    on_disk = {path.stem for path in (Path(settings.BASE_DIR) / "static/js/casefile").glob("*.js")}
    assert saved == on_disk
    assert "/casefile/" in manifest["pages"]


@pytest.fixture
def debug_static_storage(settings):
    """What `make run` uses (DEBUG=1): the source files, with no collected manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def test_it_works_with_the_static_files_make_run_serves(client, debug_static_storage):
    r = client.get("/offline-manifest.json")
    assert r.status_code == 200
    manifest = r.json()
    css = next(url for url in manifest["assets"] if url.endswith(".css"))
    assert css == "/static/css/falseos.css"  # unhashed: runserver serves the sources
    # The scripts' translations are a view, not a static file, and a few hundred bytes: not counted.
    sizes = sum(
        (Path(settings.BASE_DIR) / "static" / url.removeprefix("/static/")).stat().st_size
        for url in manifest["assets"]
        if url.startswith("/static/")
    )
    assert manifest["asset_bytes"] == sizes


def test_it_names_the_release_and_pages_carry_it_in_their_etag(client):
    manifest = client.get("/offline-manifest.json").json()
    assert manifest["build"] == offline.build_id()
    assert offline.build_id() in client.get("/offences/stalking/")["ETag"]


def test_the_release_fingerprint_follows_the_templates_and_scripts(settings, tmp_path):
    for folder in offline.BUILD_SOURCES:
        (tmp_path / folder).mkdir()
    (tmp_path / "templates" / "base.html").write_text("<p>Exit this site</p>")
    settings.BASE_DIR = tmp_path
    fingerprints = []
    for change in ("<p>Exit this site</p>", "<p>Exit this site now</p>", "<p>Exit this site</p>"):
        (tmp_path / "templates" / "base.html").write_text(change)
        offline.build_id.cache_clear()
        fingerprints.append(offline.build_id())
    offline.build_id.cache_clear()
    assert fingerprints[0] != fingerprints[1] and fingerprints[0] == fingerprints[2]
