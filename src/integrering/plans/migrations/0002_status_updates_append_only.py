"""Status updates are append-only: the database refuses an UPDATE of the table (SQLite and PostgreSQL)."""

from django.db import migrations

SQLITE_UP = """
CREATE TRIGGER plans_statusupdate_append_only BEFORE UPDATE ON plans_statusupdate
BEGIN SELECT RAISE(ABORT, 'status updates are append-only'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS plans_statusupdate_append_only;"
POSTGRES_UP = """
CREATE OR REPLACE FUNCTION plans_statusupdate_refuse_update() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'status updates are append-only'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER plans_statusupdate_append_only BEFORE UPDATE ON plans_statusupdate
FOR EACH ROW EXECUTE FUNCTION plans_statusupdate_refuse_update();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS plans_statusupdate_append_only ON plans_statusupdate;
DROP FUNCTION IF EXISTS plans_statusupdate_refuse_update();
"""


def _run(sql: dict):
    def run(apps, schema_editor):
        statement = sql.get(schema_editor.connection.vendor)
        if statement:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
