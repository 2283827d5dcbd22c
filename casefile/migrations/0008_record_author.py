import django.db.models.deletion
from django.db import migrations, models

from casefile.record_ids import details_record_id, own_record_ids


def name_known_authors(apps, schema_editor):
    """Records written before authors were kept: the ones whose id says whose they are get that author.

    The group's details go to the person who started it, each member's name and note to them. A shared
    reference number's id cannot be told apart, so it stays without one until someone writes it again.
    """
    Membership = apps.get_model("casefile", "Membership")
    Record = apps.get_model("casefile", "Record")
    for member in Membership.objects.filter(collection__kind="linkgroup").iterator():
        ids = own_record_ids(member.collection_id, member.pk)
        if member.role == "owner":
            ids.add(details_record_id(member.collection_id))
        Record.objects.filter(collection_id=member.collection_id, record_id__in=ids).update(author=member)


class Migration(migrations.Migration):
    dependencies = [
        ("casefile", "0007_collection_record_bytes"),
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
