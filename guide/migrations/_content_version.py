"""For data migrations that change guide content: signals do not run in migrations."""

from django.db.models import F
from django.utils import timezone


def bump_content_version(apps) -> None:
    """Installed offline copies and browsers fetch the changed pages again."""
    ContentVersion = apps.get_model("guide", "ContentVersion")
    if not ContentVersion.objects.update(number=F("number") + 1, changed=timezone.now()):
        ContentVersion.objects.create(number=1)
