"""Sign-in records are kept for LOGIN_RECORDS_DAYS (30 by default), then purged."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def record(model, days_ago: float, username: str) -> None:
    extra = {"failures_since_start": 1} if model is AccessAttempt else {}
    row = model.objects.create(username=username, ip_address="203.0.113.10", user_agent="test", **extra)
    # attempt_time is set on creation; move it back as if the record were that old.
    model.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))


@pytest.mark.parametrize("model", [AccessAttempt, AccessFailureLog, AccessLog])
def test_it_deletes_sign_in_records_older_than_the_setting_and_keeps_newer_ones(model, settings):
    settings.LOGIN_RECORDS_DAYS = 30
    record(model, days_ago=31, username="old")
    record(model, days_ago=29, username="recent")
    out = StringIO()
    call_command("purge_login_records", stdout=out)
    assert list(model.objects.values_list("username", flat=True)) == ["recent"]
    assert out.getvalue() == "Deleted 1 sign-in records older than 30 days.\n"


def test_it_takes_another_period_when_asked():
    record(AccessLog, days_ago=8, username="old")
    record(AccessLog, days_ago=6, username="recent")
    call_command("purge_login_records", "--days", "7", stdout=StringIO())
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["recent"]
