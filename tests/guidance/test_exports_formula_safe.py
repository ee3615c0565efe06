"""Every guidance export writes a text that looks like a formula as text (CSV: prefixed ``'``; XLSX: a string
cell, never a formula) and numbers as numbers: the participant register (page and ``export-participants``), the
§ 30 training export and the ``guidance-report``."""

import csv
import datetime
import io

import openpyxl
import pytest

from integrering.core.models import PersonalDataAccess
from integrering.guidance.cases.services import case_complete, referral_create
from integrering.guidance.models import GuidanceCase
from integrering.guidance.training.services import training_enrol
from tests.guidance.factories import cli, participant_make

pytestmark = pytest.mark.django_db
NAME = '=HYPERLINK("http://example.invalid","klikk")'
NOTE = "@SUM(1+1)*cmd"
SCHOOL = "+47 Skole"
REFERENCE = "-2+3"


@pytest.fixture
def hostile(county, municipal_user):
    p = participant_make(
        county,
        reference=REFERENCE,
        name=NAME,
        full_time_upper_secondary=True,
        decision_date=datetime.date(2021, 5, 1),
        planned_duration_months=24,
    )
    training_enrol(participant=p, school=SCHOOL, target_level="B1", start=datetime.date(2024, 8, 19), hours_planned=300)
    referral_create(participant=p, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
    case_complete(
        case=GuidanceCase.objects.get(participant=p),
        completed_on=datetime.date(2021, 4, 1),
        recommendation="work",
        note=NOTE,
    )
    return p


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def xlsx_cells(content: bytes) -> dict:
    """Header → the data row's cell (the first data row)."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows())
    return {header.value: cell for header, cell in zip(rows[0], rows[1], strict=False)}


def assert_text_cells(cells: dict, expected: dict) -> None:
    for header, text in expected.items():
        cell = cells[header]
        assert cell.data_type == "s" and cell.value == text, (header, cell.data_type, cell.value)


def test_the_participant_register_page_export(hostile, counsellor, client_for):
    client = client_for(counsellor)
    row = csv_rows(client.get("/veiledning/deltakere/eksport.csv").content)[0]
    assert (row["navn"], row["referanse"], row["anbefaling_merknad"]) == ("'" + NAME, "'" + REFERENCE, "'" + NOTE)
    assert row["varighet_mnd"] == "24"
    cells = xlsx_cells(client.get("/veiledning/deltakere/eksport.xlsx").content)
    assert_text_cells(cells, {"navn": NAME, "referanse": REFERENCE, "anbefaling_merknad": NOTE})
    assert cells["varighet_mnd"].data_type == "n" and cells["varighet_mnd"].value == 24
    assert PersonalDataAccess.objects.filter(user=counsellor, action="export").count() == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_participants_command(hostile, county, tmp_path, fmt):
    path = tmp_path / f"deltakere.{fmt}"
    code, _, err = cli(
        "export-participants", "--county", "50", "--municipality", "5001", "--format", fmt, "--output", str(path)
    )
    assert code == 0, err
    assert "Skrev 1 deltakere" in err
    content = path.read_bytes()
    if fmt == "csv":
        row = csv_rows(content)[0]
        assert (row["navn"], row["anbefaling_merknad"], row["varighet_mnd"]) == ("'" + NAME, "'" + NOTE, "24")
    else:
        cells = xlsx_cells(content)
        assert_text_cells(cells, {"navn": NAME, "anbefaling_merknad": NOTE, "referanse": REFERENCE})
        assert cells["varighet_mnd"].data_type == "n"
    read = PersonalDataAccess.objects.get(action="export")
    assert read.user is None and read.county == county and read.record_ids == [hostile.pk]


def test_the_export_participants_command_refuses_bad_arguments(county, tmp_path):
    assert cli("export-participants", "--county", "99")[0] == 2
    code, _, err = cli("export-participants", "--county", "50", "--municipality", "0301")
    assert code == 2 and "Kommune 0301 finnes ikke i fylke 50." in err
    code, _, err = cli("export-participants", "--county", "50", "--format", "pdf")
    assert code == 2 and "Ukjent format «pdf»" in err
    code, _, err = cli("export-participants", "--county", "50", "--format", "xlsx")
    assert code == 2 and "--output" in err
    assert not PersonalDataAccess.objects.exists()


def test_the_export_participants_command_writes_csv_to_standard_output(hostile):
    code, out, _ = cli("export-participants", "--county", "50")
    assert code == 0
    row = next(csv.DictReader(io.StringIO(out), delimiter=";"))
    assert row["navn"] == "'" + NAME


def test_the_training_export(hostile, counsellor, client_for):
    client = client_for(counsellor)
    row = csv_rows(client.get("/veiledning/eksport/veiledning-og-fravaer.csv").content)[0]
    assert (row["navn"], row["skole"], row["referanse"]) == ("'" + NAME, "'" + SCHOOL, "'" + REFERENCE)
    assert row["timer_planlagt"] == "300"
    cells = xlsx_cells(client.get("/veiledning/eksport/veiledning-og-fravaer.xlsx").content)
    assert_text_cells(cells, {"navn": NAME, "skole": SCHOOL, "referanse": REFERENCE})
    assert cells["timer_planlagt"].data_type == "n" and cells["timer_planlagt"].value == 300


def test_the_guidance_report(hostile):
    code, out, _ = cli("guidance-report", "--county", "50", "--format", "csv")
    assert code == 0
    row = next(csv.DictReader(io.StringIO(out), delimiter=";"))
    assert row["referanse"] == "'" + REFERENCE
