"""The gunicorn settings that docs/DEPLOY.md describes: they load, and they keep paths out of the logs."""

import runpy
import subprocess
import sys

from django.conf import settings

from tests.test_settings import PRODUCTION_ENV


def test_gunicorn_accepts_the_settings_file():
    check = [sys.executable, "-m", "gunicorn", "--check-config", "falseos.wsgi:application"]
    result = subprocess.run(check, cwd=settings.BASE_DIR, env=PRODUCTION_ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_writes_no_access_log_and_listens_on_loopback(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.setenv("GUNICORN_WORKERS", "5")
    conf = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    assert conf["accesslog"] is None  # a path holds a case file's id
    assert conf["bind"].startswith("127.0.0.1:")
    assert conf["workers"] == 5
