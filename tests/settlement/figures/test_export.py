"""Exports: the CSV/XLSX contract, empty vs 0 through CSV → database → CSV/XLSX, the public variant, PDF."""

import csv
import io

import pytest
from openpyxl import load_workbook

from integrering.settlement.figures import exports, imports, services
from integrering.settlement.models import SettlementYear

HEADER = "kommunenummer;kommune;anbefalt;anmodet;anmodet_ema;vedtatt;vedtatt_ema;bosatt;bosatt_ema;avtalt_ikke_bosatt;anbefalt_ema;opprinnelig_anmodet"


def load(county, text, year=2024):
    plan = imports.import_plan(county=county, year=year, content=text.encode(), filename="x.csv")
    assert plan.errors == []
    return services.figures_apply(county=county, year=year, rows=plan.rows)[0]


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.django_db
def test_the_csv_has_the_contract_columns_every_municipality_and_a_total_row(county):
    year = load(county, "kommunenummer;anmodet;vedtatt\n5001;140;120\n5006;33;0\n")
    rows = csv_rows(exports.table_csv(exports.settlement_table(year)))
    assert ";".join(rows[0]) == HEADER
    assert len(rows) == 1 + 38 + 1
    assert rows[1][:2] == ["5001", "Trondheim - Tråante"]
    assert rows[-1][:2] == ["", "Sum"]
    assert rows[-1][3] == "173" and rows[-1][5] == "120"


@pytest.mark.django_db
def test_empty_and_zero_survive_csv_to_database_to_csv_and_xlsx(county):
    year = load(county, "kommunenummer;anmodet;vedtatt;bosatt\n5001;10;0;\n5006;;3;0\n")
    rows = {r[0]: r for r in csv_rows(exports.table_csv(exports.settlement_table(year)))}
    assert rows["5001"][3:8] == ["10", "", "0", "", ""]
    assert rows["5006"][3:8] == ["", "", "3", "", "0"]
    assert rows["5014"][2:] == [""] * 10

    sheet = load_workbook(io.BytesIO(exports.table_xlsx(exports.settlement_table(year)))).active
    values = {r[0]: r for r in sheet.iter_rows(values_only=True)}
    assert values["5001"][3:8] == (10, None, 0, None, None)
    assert values["5006"][3:8] == (None, None, 3, None, 0)
    assert isinstance(values["5001"][3], int)
    assert sheet.cell(row=sheet.max_row, column=2).value == "Sum"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_whole_export_with_its_total_row_imports_back_unchanged(county, fmt):
    year = load(county, "kommunenummer;anmodet;vedtatt;bosatt_ema;bosatt\n5001;10;0;;4\n5006;;3;0;0\n")
    content, _, filename = exports.settlement_export(year, fmt=fmt)
    assert (b";Sum;" in content) if fmt == "csv" else True
    plan = imports.import_plan(county=county, year=2024, content=content, filename=filename)
    assert plan.errors == [] and plan.changes == []
    assert len(plan.rows) == 38  # every municipality; the «Sum» row is not one of them


@pytest.mark.django_db
def test_a_total_row_is_skipped_only_when_it_has_no_municipality_number(county):
    text = "kommunenummer;kommune;anmodet\n5001;Trondheim;10\n;Sum;10\n"
    plan = imports.import_plan(county=county, year=2024, content=text.encode(), filename="x.csv")
    assert plan.errors == [] and len(plan.rows) == 1
    plan = imports.import_plan(
        county=county, year=2024, content=b"kommune;anmodet\nTrondheim;10\nSum;10\n", filename="x.csv"
    )
    assert plan.errors == [] and len(plan.rows) == 1
    plan = imports.import_plan(
        county=county, year=2024, content=b"kommunenummer;kommune;anmodet\n9999;Sum;10\n", filename="x.csv"
    )
    assert plan.errors == ["Rad 2, kolonne «kommunenummer»: ukjent kommune «9999»."]
    plan = imports.import_plan(
        county=county, year=2024, content=b"kommunenummer;kommune;anmodet\n;Steinkjer;10\n", filename="x.csv"
    )
    assert plan.errors == ["Rad 2, kolonne «kommunenummer»: kommune mangler."]


@pytest.mark.django_db
def test_the_public_variant_hides_1_to_4_keeps_0_and_protects_a_revealing_total(county):
    year = load(county, "kommunenummer;anmodet;vedtatt\n5001;10;3\n5006;4;0\n5007;0;2\n")
    rows = {r[0]: r for r in csv_rows(exports.table_csv(exports.settlement_table(year, public=True)))}
    assert rows["5001"][3] == "10" and rows["5001"][5] == "<5"
    assert rows["5006"][3] == "<5" and rows["5006"][5] == "0"
    assert rows["5007"][3] == "0"
    assert rows[""][3] == ":"  # one suppressed value in the column: the total would reveal it
    assert rows[""][5] == "5"  # two suppressed values: the total does not reveal either


@pytest.mark.django_db
def test_totals_say_how_many_values_are_unknown(county):
    year = load(county, "kommunenummer;anmodet\n5001;10\n")
    table = exports.settlement_table(year)
    assert table.notes[(38, 3)] == "37 av 38 verdier er ukjente"


@pytest.mark.django_db
def test_the_pdf_is_a_pdf(county):
    year = load(county, "kommunenummer;anmodet\n5001;10\n")
    content, content_type, filename = exports.settlement_export(year, fmt="pdf", public=True)
    assert content.startswith(b"%PDF") and content_type == "application/pdf"
    assert filename == "bosetting-50-2024-offentlig.pdf"


@pytest.mark.django_db
def test_the_export_pages_download_for_an_adviser_and_not_for_a_municipal_user(
    county, adviser, municipal_user, client_for
):
    SettlementYear.objects.create(county=county, year=2024)
    client = client_for(adviser)
    for fmt in ("csv", "xlsx", "pdf"):
        response = client.get(f"/bosetting/2024/eksport.{fmt}")
        assert response.status_code == 200, fmt
        assert "attachment" in response["Content-Disposition"]
    assert client.get("/bosetting/2024/offentlig.csv").status_code == 200
    assert client.get("/bosetting/2024/eksport.doc").status_code == 404
    assert client_for(municipal_user).get("/bosetting/2024/eksport.csv").status_code == 404
