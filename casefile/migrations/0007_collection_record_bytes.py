from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce


def count_stored_bytes(apps, schema_editor):
    """Start each running total at what its records already hold."""
    Collection = apps.get_model("casefile", "Collection")
    Record = apps.get_model("casefile", "Record")
    totals = Record.objects.filter(collection=OuterRef("pk")).values("collection").annotate(total=Sum("size"))
    Collection.objects.update(record_bytes=Coalesce(Subquery(totals.values("total")[:1]), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("casefile", "0006_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="collection",
            name="record_bytes",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.RunPython(count_stored_bytes, migrations.RunPython.noop, elidable=True),
    ]
