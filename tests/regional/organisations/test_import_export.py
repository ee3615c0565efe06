"""import-organisations reads Enhetsregisteret's file by the rules; export-organisations writes the register."""

import io
import json

import pytest
from django.core.management import call_command

from integrering.core.exceptions import ApplicationError
from integrering.regional.organisations.imports import organisations_import
from integrering.regional.organisations.models import Organisation
from tests.regional.conftest import NATIONAL_ID
from tests.regional.enhetsregisteret import csv_bytes, orgnr, row


def _file(tmp_path, rows, *, name="enheter.csv", gzipped=False):
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows, gzipped=gzipped))
    return path


ROWS = [
    row(orgnr(1), "Trondheim Røde Kors"),  # kept: voluntary, in 5001
    row(orgnr(2), "Steinkjer Stiftelse", form="STI", voluntary=False, municipality="5006"),  # kept: STI
    row(orgnr(3), "Aksjeselskap AS", form="AS", voluntary=False),  # skipped: not voluntary
    row(orgnr(4), "Oslo Forening", municipality="0301"),  # skipped: another county
    row(orgnr(5), "Postadresse-lag", municipality="", postal="5001"),  # kept through the postal address
    row(orgnr(6), "Konkurslaget", bankrupt=True),  # kept as inactive
    row(orgnr(7), "Avviklingslaget", winding=True),  # kept as inactive
    row("123456789", "Feil nummer"),  # skipped: check digit
    row(orgnr(8), f"Lag for {NATIONAL_ID}"),  # skipped: identity number
]


@pytest.mark.parametrize("gzipped", [False, True])
def test_it_keeps_the_countys_voluntary_entities_plain_or_gzip(county, tmp_path, gzipped):
    path = _file(tmp_path, ROWS, name="enheter.csv.gz" if gzipped else "enheter.csv", gzipped=gzipped)
    summary = organisations_import(county=county, path=path)
    names = set(Organisation.objects.for_county(county).values_list("name", flat=True))
    assert names == {"Trondheim Røde Kors", "Steinkjer Stiftelse", "Postadresse-lag", "Konkurslaget", "Avviklingslaget"}
    assert (summary.new, summary.updated, summary.unchanged, summary.marked, summary.skipped) == (5, 0, 0, 0, 4)
    assert len(summary.errors) == 2
    inactive = set(Organisation.objects.filter(active=False).values_list("name", flat=True))
    assert inactive == {"Konkurslaget", "Avviklingslaget"}
    assert Organisation.objects.get(name="Postadresse-lag").municipality.number == "5001"


def test_a_reimport_updates_by_number_and_marks_what_disappeared(county, tmp_path):
    organisations_import(county=county, path=_file(tmp_path, ROWS))
    again = [row(orgnr(1), "Trondheim Røde Kors (ny)"), *ROWS[1:5]]
    summary = organisations_import(county=county, path=_file(tmp_path, again, name="2.csv"))
    assert (summary.new, summary.updated, summary.unchanged, summary.marked) == (0, 1, 2, 2)
    assert Organisation.objects.count() == 5
    gone = Organisation.objects.get(name="Konkurslaget")
    assert not gone.in_register and not gone.is_active
    summary = organisations_import(county=county, path=_file(tmp_path, again, name="3.csv"))
    assert (summary.new, summary.updated, summary.unchanged, summary.marked) == (0, 0, 3, 0)


def test_a_dry_run_writes_nothing(county, tmp_path):
    summary = organisations_import(county=county, path=_file(tmp_path, ROWS), dry_run=True)
    assert summary.new == 5
    assert not Organisation.objects.exists()


def test_a_file_without_the_registers_columns_is_refused(county, tmp_path):
    path = tmp_path / "feil.csv"
    path.write_text("orgnr,navn\n1,2\n", encoding="utf-8")
    with pytest.raises(ApplicationError) as error:
        organisations_import(county=county, path=path)
    assert "organisasjonsnummer" in error.value.user_message


def test_the_command_prints_the_summary_in_norwegian(county, tmp_path):
    out = io.StringIO()
    call_command("import-organisations", str(_file(tmp_path, ROWS)), "--county", "50", stdout=out, stderr=io.StringIO())
    assert "Nye: 5" in out.getvalue()


def test_the_export_has_the_columns_with_bom_and_ja_nei(county, tmp_path):
    organisations_import(county=county, path=_file(tmp_path, ROWS))
    output = tmp_path / "org.csv"
    call_command(
        "export-organisations", "--county", "50", "--format", "csv", "--output", str(output), stderr=io.StringIO()
    )
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "orgnr;navn;organisasjonsform;kommunenummer;frivillighetsregisteret;aktiv"
    assert f"{orgnr(6)};Konkurslaget;FLI;5001;ja;nei" in lines
    out = io.StringIO()
    call_command("export-organisations", "--county", "50", "--format", "json", stdout=out)
    records = json.loads(out.getvalue())
    assert {r["orgnr"] for r in records} >= {orgnr(1), orgnr(2)}


def test_the_import_writes_an_audit_entry_per_record_it_creates_changes_or_marks(county, tmp_path):
    from auditlog.models import LogEntry

    from integrering.core.models import AuditEntryScope

    def entries(action):
        return LogEntry.objects.get_for_model(Organisation).filter(action=action)

    organisations_import(county=county, path=_file(tmp_path, ROWS))
    assert entries(LogEntry.Action.CREATE).count() == 5
    again = [row(orgnr(1), "Trondheim Røde Kors (ny)"), *ROWS[1:5]]
    organisations_import(county=county, path=_file(tmp_path, again, name="2.csv"))
    updates = entries(LogEntry.Action.UPDATE)
    assert updates.count() == 3  # one renamed, two marked «ikke lenger i Enhetsregisteret»
    renamed = updates.get(object_pk=str(Organisation.objects.get(orgnr=orgnr(1)).pk))
    assert renamed.changes_dict["name"] == ["Trondheim Røde Kors", "Trondheim Røde Kors (ny)"]
    marked = updates.get(object_pk=str(Organisation.objects.get(name="Konkurslaget").pk))
    assert marked.changes_dict["in_register"] == ["True", "False"]
    # Made without a logged-in user, the entries still belong to the county's audit page.
    scopes = AuditEntryScope.objects.filter(entry__in=LogEntry.objects.get_for_model(Organisation))
    assert scopes.count() == 8 and set(scopes.values_list("county_id", flat=True)) == {county.pk}
    organisations_import(county=county, path=_file(tmp_path, again, name="3.csv"))
    assert LogEntry.objects.get_for_model(Organisation).count() == 8  # nothing changed, nothing logged
