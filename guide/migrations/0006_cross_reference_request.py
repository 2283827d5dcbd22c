"""The paragraph on the linked-cases summary for police, editable in the admin like any page text."""

from datetime import date

from django.db import migrations

KEY = "cross-reference-request"
TITLE = "Please link these reports as one course of conduct"
BODY = """\
The people listed here are each being harassed by the same person. Each of us has reported it, and these are our \
reference numbers.

Please link these reports and treat them as one course of conduct. The Crown Prosecution Service says harassment \
"may be committed against two or more persons", and that evidence "should focus on the wider pattern of \
behaviour". Each report is stronger when it is seen next to the others.

If the reports are held by different forces, please share these reference numbers with the officers dealing with \
them, so every force can find the parallel reports. We are happy to be contacted through our own reports."""


def add_snippet(apps, schema_editor):
    Snippet = apps.get_model("guide", "Snippet")
    Source = apps.get_model("guide", "Source")
    snippet, _ = Snippet.objects.get_or_create(
        key=KEY,
        defaults={
            "title": TITLE,
            "body": BODY,
            "is_published": True,
            "reviewed_on": date(2026, 12, 2),
            "review_due": date(2027, 6, 2),
        },
    )
    snippet.sources.set(Source.objects.filter(url__icontains="cps.gov.uk"))


def remove_snippet(apps, schema_editor):
    apps.get_model("guide", "Snippet").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("guide", "0005_seed_situations")]

    operations = [migrations.RunPython(add_snippet, remove_snippet)]
