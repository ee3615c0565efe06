"""Every settlement export writes a name or text that starts like a formula (``=``, ``+``, ``-``, ``@``) as text
that a spreadsheet shows and never runs; numbers stay numbers."""

import io

import pytest
from openpyxl import load_workbook

from integrering.municipalities.models import Municipality, MunicipalityName
from integrering.settlement.models import Recommendation, SettlementFigure, SettlementYear

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://x","klikk")', "+1+1", "-2+3", "@SUM(A1)"]


@pytest.fixture(params=HOSTILE)
def hostile(request, county):
    """Trondheim named like a formula in 2024, with numbers and a formula-like decision reference."""
    trondheim = Municipality.objects.get(number="5001")
    MunicipalityName.objects.update_or_create(municipality=trondheim, year=2024, defaults={"name": request.param})
    year = SettlementYear.objects.create(county=county, year=2024, total=100)
    SettlementFigure.objects.create(
        settlement_year=year, municipality=trondheim, requested=140, decided=120, decision_reference=request.param
    )
    Recommendation.objects.create(settlement_year=year, version=1, numbers={"5001": 40}, reason="")
    return request.param


def _csv_safe(content: bytes, text: str) -> None:
    lines = content.decode("utf-8-sig").splitlines()
    row = next(line for line in lines if line.startswith("5001;"))
    cells = row.split(";")
    assert cells[1] in (f"'{text}", f'"\'{text}"', "\"'" + text.replace('"', '""') + '"'), cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "140" in cells  # a number stays digits


def _xlsx_safe(content: bytes, text: str, *, number: int) -> None:
    workbook = load_workbook(io.BytesIO(content))  # not read_only: the quote prefix is a cell style
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == text:
                    assert cell.data_type == "s" and cell.quotePrefix, (sheet.title, cell.coordinate)
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    first = workbook.worksheets[0]
    row = next(r for r in first.iter_rows(values_only=True) if r[0] == "5001")
    assert row[1] == text and number in row


@pytest.mark.parametrize("public", ["eksport", "offentlig"])
def test_the_years_csv_and_xlsx_downloads(hostile, adviser, client_for, public):
    client = client_for(adviser)
    _csv_safe(client.get(f"/bosetting/2024/{public}.csv").content, hostile)
    _xlsx_safe(client.get(f"/bosetting/2024/{public}.xlsx").content, hostile, number=140)


def test_the_recommendation_csv_and_xlsx_downloads(hostile, adviser, client_for):
    client = client_for(adviser)
    csv = client.get("/bosetting/2024/anbefaling/1/anbefaling.csv")
    assert csv.status_code == 200
    lines = csv.content.decode("utf-8-sig").splitlines()
    cells = next(line for line in lines if line.startswith("5001;")).split(";")
    assert cells[1].lstrip('"').startswith("'") and cells[2] == "40"
    _xlsx_safe(client.get("/bosetting/2024/anbefaling/1/anbefaling.xlsx").content, hostile, number=40)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_settlement_command(hostile, tmp_path, fmt):
    from django.core.management import call_command

    target = tmp_path / f"ut.{fmt}"
    call_command(
        "export-settlement",
        "--county",
        "50",
        "--year",
        "2024",
        "--format",
        fmt,
        "--output",
        str(target),
        stdout=io.StringIO(),
    )
    if fmt == "csv":
        _csv_safe(target.read_bytes(), hostile)
    else:
        _xlsx_safe(target.read_bytes(), hostile, number=140)
