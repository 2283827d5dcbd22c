"""Production start-up: refuses to run unsafely, and passes Django's deployment checklist."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#kq!v2p9$wz4m&n8r@t1y6u3i0o5a-s7d9f2g4h6j8k0l1z3c5v7b9n2m4q6w8e0",
    "ALLOWED_HOSTS": "falseos.example",
    "RECEIPT_SIGNING_KEY": "7yR2kD1v6uQ0p3m9XcJ4bN8sW5aLhE2tYfG7oZ1iK0M=",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # The browser tests allow Django's ORM beside Playwright's event loop; production must not.
    unset = {"DEBUG", "SECRET_KEY", "RECEIPT_SIGNING_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = _manage("check", env={"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_refuses_to_start_without_a_receipt_signing_key_when_debug_is_off():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "RECEIPT_SIGNING_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "RECEIPT_SIGNING_KEY is not set" in result.stderr


@pytest.mark.parametrize("value", ["not base64!", "c2hvcnQ="])
def test_it_explains_a_malformed_receipt_signing_key(value):
    result = _manage("check", env={**PRODUCTION_ENV, "RECEIPT_SIGNING_KEY": value})
    assert result.returncode != 0
    assert "RECEIPT_SIGNING_KEY must be 32 random bytes in base64" in result.stderr


def test_it_passes_the_deployment_checklist_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("value", ["ten", "1.5"])
def test_it_explains_a_malformed_number_setting(value):
    result = _manage("check", env={**PRODUCTION_ENV, "SECURE_HSTS_SECONDS": value})
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS must be a whole number" in result.stderr


@pytest.mark.parametrize("value", ["/", "admin/../", "has space/"])
def test_it_explains_a_malformed_admin_url(value):
    result = _manage("check", env={**PRODUCTION_ENV, "ADMIN_URL": value})
    assert result.returncode != 0
    assert "ADMIN_URL must be a path such as 'office-7f3a/'" in result.stderr


def test_session_limits_come_from_the_environment():
    show = "from django.conf import settings as s; print(s.SESSION_COOKIE_AGE, s.SESSION_ABSOLUTE_SECONDS)"
    limits = {"SESSION_IDLE_SECONDS": "3600", "SESSION_ABSOLUTE_SECONDS": "86400"}
    result = _manage("shell", "-c", show, env={**PRODUCTION_ENV, **limits})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["3600", "86400"]
    result = _manage("shell", "-c", show, env=PRODUCTION_ENV)
    assert result.stdout.splitlines()[-1].split() == [str(14 * 24 * 3600), str(90 * 24 * 3600)]


def test_it_explains_a_malformed_rate_setting():
    result = _manage("check", env={**PRODUCTION_ENV, "SYNC_PUSH_RATE": "300 a minute"})
    assert result.returncode != 0
    assert "SYNC_PUSH_RATE must be a number of requests per period, such as '300/min'" in result.stderr


def test_logs_can_be_one_json_object_a_line():
    say = "import logging; logging.getLogger('falseos.example').warning('hello %s', 'there')"
    result = _manage("shell", "-c", say, env={**PRODUCTION_ENV, "LOG_FORMAT": "json"})
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "falseos.example", "hello there")
    assert "time" in line


def test_it_explains_an_unknown_log_format():
    result = _manage("check", env={**PRODUCTION_ENV, "LOG_FORMAT": "xml"})
    assert result.returncode != 0
    assert "LOG_FORMAT must be 'text' or 'json', not 'xml'." in result.stderr
