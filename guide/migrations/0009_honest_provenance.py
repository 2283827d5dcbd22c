"""Where each item's text came from, kept apart from editorial review.

The seed migrations wrote the import date into "last reviewed": no editor had reviewed anything.
This records the import as provenance, clears the review dates the seeds invented, and spreads
the first reviews over the coming months, legal text first, instead of one day for every item.
Dates an editor typed in later are kept (they are not shown as a review without a reviewer's role).
"""

from datetime import date

from django.db import migrations

from ._content_version import bump_content_version

IMPORTED_ON = date(2026, 11, 25)
# Dates the seed migrations (0002, 0005, 0006, 0007) wrote; no editor chose them.
SEEDED_REVIEWED_ON = {date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 3)}
SEEDED_REVIEW_DUE = {date(2027, 5, 25), date(2027, 6, 2), date(2027, 6, 3)}
# Written by the FalseOS team for the app, not taken from the original guide.
EDITORS_SNIPPETS = {"cross-reference-request", "support-helplines"}

# First editorial review, most consequential text first.
FIRST_REVIEW_DUE = {
    "Offence": date(2027, 1, 15),
    "Step": date(2027, 1, 29),
    "Channel": date(2027, 1, 29),
    "EscalationRung": date(2027, 2, 12),
    "CountryGuide": date(2027, 2, 26),
    "Article": date(2027, 3, 12),
    "Situation": date(2027, 3, 26),
    "Snippet": date(2027, 4, 9),
    "Jurisdiction": date(2027, 4, 9),
}


def record_provenance(apps, schema_editor):
    for model_name, due in FIRST_REVIEW_DUE.items():
        model = apps.get_model("guide", model_name)
        items = model.objects.all()
        from_editors = model_name == "Situation"
        if model_name == "Snippet":
            model.objects.filter(key__in=EDITORS_SNIPPETS).update(origin="editors")
            items = items.exclude(key__in=EDITORS_SNIPPETS)
        if not from_editors:
            items.update(origin="original", imported_on=IMPORTED_ON)
        model.objects.filter(reviewed_on__in=SEEDED_REVIEWED_ON, reviewed_by__isnull=True).update(reviewed_on=None)
        model.objects.filter(review_due__in=SEEDED_REVIEW_DUE).update(review_due=due)
    bump_content_version(apps)


class Migration(migrations.Migration):
    dependencies = [("guide", "0008_provenance_sources_legal_flags")]

    operations = [migrations.RunPython(record_provenance, migrations.RunPython.noop)]
