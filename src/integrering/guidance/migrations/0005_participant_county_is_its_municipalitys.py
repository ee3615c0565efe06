"""A participant's county is their municipality's county, guaranteed by the database (a trigger on insert and on
every change of either key), besides the check in ``Participant.save()`` and the services.

Rows that disagree today (none should) take their municipality's county first.
"""

from django.db import migrations
from django.db.models import F

MESSAGE = "participant_county_is_municipality_county"
SQLITE = [
    f"""CREATE TRIGGER guidance_participant_county_insert BEFORE INSERT ON guidance_participant FOR EACH ROW
    WHEN NEW.county_id IS NOT (SELECT county_id FROM municipalities_municipality WHERE id = NEW.municipality_id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER guidance_participant_county_update BEFORE UPDATE OF county_id, municipality_id
    ON guidance_participant FOR EACH ROW
    WHEN NEW.county_id IS NOT (SELECT county_id FROM municipalities_municipality WHERE id = NEW.municipality_id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS guidance_participant_county_insert",
    "DROP TRIGGER IF EXISTS guidance_participant_county_update",
]
POSTGRESQL = [
    f"""CREATE FUNCTION guidance_participant_county_check() RETURNS trigger AS $$
    BEGIN
        IF NEW.county_id IS DISTINCT FROM
           (SELECT county_id FROM municipalities_municipality WHERE id = NEW.municipality_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{MESSAGE}';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER guidance_participant_county BEFORE INSERT OR UPDATE OF county_id, municipality_id
    ON guidance_participant FOR EACH ROW EXECUTE FUNCTION guidance_participant_county_check()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS guidance_participant_county ON guidance_participant",
    "DROP FUNCTION IF EXISTS guidance_participant_county_check()",
]


def counties_from_municipalities(apps, schema_editor):
    Participant = apps.get_model("guidance", "Participant")
    for participant in Participant.objects.select_related("municipality").exclude(
        county_id=F("municipality__county_id")
    ):
        participant.county_id = participant.municipality.county_id
        participant.save(update_fields=["county"])


def _run(schema_editor, statements: dict[str, list[str]]) -> None:
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def triggers_create(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE, "postgresql": POSTGRESQL})


def triggers_drop(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP})


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0004_versioned_records_and_referral_status_from_case"),
        ("municipalities", "0002_contact_periods_and_verbose_names"),
    ]

    operations = [
        migrations.RunPython(counties_from_municipalities, migrations.RunPython.noop),
        migrations.RunPython(triggers_create, triggers_drop),
    ]
