"""The helplines the guide already names, as one page text shown on the home page and the finder.

The numbers are the ones in the escalation ladder's seed text, so they stay one tap away
instead of being buried in rung 4. Editable in the admin like any page text.
"""

from datetime import date

from django.db import migrations

KEY = "support-helplines"
KICKER = "Support"
TITLE = "Talk to someone"
BODY = """\
- **National Stalking Helpline** (Suzy Lamplugh Trust): 0808 802 0300
- **Victim Support**: 08 08 16 89 111

Both can support you, speak up for you, and help push for your case to be taken seriously. \
You can call them whether or not you have reported it. In an emergency, call 999."""

VICTIM_SUPPORT = {
    "url": "https://www.victimsupport.org.uk",
    "title": "Victim Support",
    "publisher": "Victim Support",
    # The seed names the number without a source: an editor should check it.
    "needs_verification": True,
}


def add_snippet(apps, schema_editor):
    Snippet = apps.get_model("guide", "Snippet")
    Source = apps.get_model("guide", "Source")
    snippet, created = Snippet.objects.get_or_create(
        key=KEY,
        defaults={
            "kicker": KICKER,
            "title": TITLE,
            "body": BODY,
            "is_published": True,
            "reviewed_on": date(2026, 12, 3),
            "review_due": date(2027, 6, 3),
        },
    )
    if created:
        victim_support, _ = Source.objects.get_or_create(url=VICTIM_SUPPORT["url"], defaults=VICTIM_SUPPORT)
        snippet.sources.set([*Source.objects.filter(url__icontains="suzylamplugh.org"), victim_support])


def remove_snippet(apps, schema_editor):
    apps.get_model("guide", "Snippet").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("guide", "0006_cross_reference_request")]

    operations = [migrations.RunPython(add_snippet, remove_snippet)]
