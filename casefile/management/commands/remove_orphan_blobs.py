"""Tidy the evidence-file storage: chunks no file owns, and uploads abandoned half-way."""

from django.conf import settings
from django.core.management.base import BaseCommand

from casefile.evidence.services import remove_orphan_blobs


class Command(BaseCommand):
    help = (
        "Delete stored chunks that belong to no evidence file, and unfinished uploads "
        "with no new chunk for BLOB_INCOMPLETE_MAX_AGE_HOURS, and what was deleted more than "
        "DELETED_KEEP_DAYS ago (evidence files and deleted records). Safe to run at any time, e.g. daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, dry_run: bool, **options):
        report = remove_orphan_blobs(dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        hours = settings.BLOB_INCOMPLETE_MAX_AGE_HOURS
        self.stdout.write(f"{verb} {report.stray_chunks} stored chunks that belong to no file.")
        self.stdout.write(
            f"{verb} {report.stale_uploads} unfinished uploads with nothing new for {hours} hours "
            f"({report.stale_chunks} stored chunks)."
        )
        days = settings.DELETED_KEEP_DAYS
        self.stdout.write(
            f"{verb} {report.expired_files} evidence files and {report.expired_records} records "
            f"deleted more than {days} days ago."
        )
