"""/healthz says the process is alive; /readyz that it can serve: its database and shared cache answer."""

import pytest
from django.db.utils import OperationalError


def broken_cursor(*args, **kwargs):
    raise OperationalError("database is down")


@pytest.mark.django_db
def test_it_is_ready_when_the_database_and_cache_answer(client):
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in r.headers["Cache-Control"]


@pytest.mark.django_db
def test_it_is_not_ready_when_the_database_fails_but_still_alive(client, monkeypatch):
    monkeypatch.setattr("falseos.views.connection.cursor", broken_cursor)
    r = client.get("/readyz")
    assert (r.status_code, r.json()["database"], r.json()["cache"]) == (503, "unreachable", "ok")
    assert client.get("/healthz").json() == {"status": "ok"}  # nothing for a supervisor to restart


@pytest.mark.django_db
def test_it_is_not_ready_when_the_shared_cache_fails(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to redis")

    monkeypatch.setattr("falseos.views.cache.set", unreachable)
    r = client.get("/readyz")
    assert (r.status_code, r.json()["database"], r.json()["cache"]) == (503, "ok", "unreachable")


@pytest.mark.django_db
def test_saved_guide_pages_are_still_served_while_the_database_is_down(client, monkeypatch, settings):
    settings.CONTENT_VERSION_TTL = 0  # every request asks the database for the version
    assert client.get("/escalation/").status_code == 200  # remembered by this process
    monkeypatch.setattr("falseos.views.connection.cursor", broken_cursor)
    r = client.get("/escalation/")
    assert r.status_code == 200
    assert "International liaison" in r.content.decode()
