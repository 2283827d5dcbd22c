"""After restoring a backup: make every device resync its case files from the start."""

from django.core.management.base import BaseCommand

from casefile.sync.services import start_new_sync_epochs


class Command(BaseCommand):
    help = (
        "Give every case file a new sync epoch, so devices drop their sync positions (they get 410) and pull "
        "everything again. Run it once after restoring a database backup, before the site takes requests."
    )

    def handle(self, *args, **options):
        count = start_new_sync_epochs()
        self.stdout.write(f"Started a new sync epoch for {count} collections. Every device will resync in full.")
