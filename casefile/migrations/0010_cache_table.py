"""The database cache's table (settings.CACHE_TABLE), made by `migrate` so that one server needs no other step.

Made whatever CACHES says when migrating: a server started later without REDIS_URL counts in it.
"""

from django.conf import settings
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations


def create_cache_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, settings.CACHE_TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("casefile", "0009_record_author")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
