"""Delete sign-in records older than LOGIN_RECORDS_DAYS. Run it daily (cron or a systemd timer)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from casefile.accounts.lockout import purge_login_records


class Command(BaseCommand):
    help = "Delete sign-in records (wrong tries, lockouts, sign-ins) older than LOGIN_RECORDS_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Keep this many days instead of the setting.")

    def handle(self, *args, days: int | None, **options):
        days = settings.LOGIN_RECORDS_DAYS if days is None else days
        deleted = purge_login_records(older_than=timedelta(days=days))
        self.stdout.write(f"Deleted {deleted} sign-in records older than {days} days.")
