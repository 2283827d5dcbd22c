import pytest
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_it_reports_ok_when_the_database_answers(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in r.headers["Cache-Control"]


@pytest.mark.django_db
def test_it_reports_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("database is down")

    monkeypatch.setattr("falseos.views.connection.cursor", broken_cursor)
    r = client.get("/healthz")
    assert r.status_code == 503
    assert r.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_saved_guide_pages_are_still_served_while_the_database_is_down(client, monkeypatch, settings):
    settings.CONTENT_VERSION_TTL = 0  # every request asks the database for the version
    assert client.get("/escalation/").status_code == 200  # remembered by this process

    def broken_cursor(*args, **kwargs):
        raise OperationalError("database is down")

    monkeypatch.setattr("falseos.views.connection.cursor", broken_cursor)
    r = client.get("/escalation/")
    assert r.status_code == 200
    assert "International liaison" in r.content.decode()
