"""Restores the original's heading over the list of country guides: "Dedicated cross-border guides"."""

from datetime import date

from django.db import migrations

from ._content_version import bump_content_version

KEY = "abroad-guides"


def add_heading(apps, schema_editor):
    Snippet = apps.get_model("guide", "Snippet")
    _, created = Snippet.objects.get_or_create(
        key=KEY,
        defaults={
            "title": "Dedicated cross-border guides",
            "body": "",
            "is_published": True,
            "origin": "original",
            "imported_on": date(2026, 11, 25),
            "review_due": date(2027, 4, 9),
        },
    )
    if created:
        bump_content_version(apps)


def remove_heading(apps, schema_editor):
    apps.get_model("guide", "Snippet").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("guide", "0010_restore_citations")]

    operations = [migrations.RunPython(add_heading, remove_heading)]
