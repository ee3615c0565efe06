"""The cache's table (``CACHES`` in settings: Django's database cache), so that what is counted in the cache — the
API's calls per token and minute — is shared by every app server and worker, with no cache server to run."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "integrering_cache"


def create(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("core", "0011_merge_files_and_language")]

    operations = [migrations.RunPython(create, drop)]
