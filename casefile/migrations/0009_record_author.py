import hashlib
from uuid import UUID

import django.db.models.deletion
from django.db import migrations, models


def named_record_id(collection_id, name: str) -> UUID:
    """As casefile/record_ids.py (and the device's `namedRecordId`) make it, kept here as it was."""
    digest = hashlib.sha256(f"{collection_id}/{name}".encode()).digest()
    text = digest[:16].hex()
    variant = (digest[8] & 0x3F) | 0x80
    return UUID(f"{text[:8]}-{text[8:12]}-5{text[13:16]}-{variant:02x}{text[18:20]}-{text[20:32]}")


def name_known_authors(apps, schema_editor):
    """Records written before authors were kept: the ones whose id says whose they are get that author.

    The group's details go to the person who started it, each member's name and note to them. A shared
    reference number's id cannot be told apart, so it stays without one until someone writes it again.
    """
    Membership = apps.get_model("casefile", "Membership")
    Record = apps.get_model("casefile", "Record")
    for member in Membership.objects.filter(collection__kind="linkgroup").iterator():
        ids = {named_record_id(member.collection_id, f"{kind}-{member.pk}") for kind in ("member", "note")}
        if member.role == "owner":
            ids.add(named_record_id(member.collection_id, "details"))
        Record.objects.filter(collection_id=member.collection_id, record_id__in=ids).update(author=member)


class Migration(migrations.Migration):
    dependencies = [
        ("casefile", "0008_recently_deleted"),
    ]

    operations = [
        migrations.AddField(
            model_name="record",
            name="author",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="records_written",
                to="casefile.membership",
            ),
        ),
        migrations.RunPython(name_known_authors, migrations.RunPython.noop, elidable=True),
    ]
