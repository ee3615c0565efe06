"""Import of IMDi's figures: separators, BOM, XLSX, names (also Sami), errors naming row and column, all-or-nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from integrering.municipalities.models import Municipality
from integrering.settlement.figures import imports, services
from integrering.settlement.models import SettlementFigure, SettlementYear
from tests.pages import messages_of


def plan(county, text: str | bytes, filename="tall.csv", year=2024):
    content = text.encode("utf-8") if isinstance(text, str) else text
    return imports.import_plan(county=county, year=year, content=content, filename=filename)


def apply(county, text, filename="tall.csv", year=2024):
    result = plan(county, text, filename, year)
    assert result.errors == []
    return services.figures_apply(county=county, year=year, rows=result.rows)


def figure(number, year=2024):
    return SettlementFigure.objects.get(municipality__number=number, settlement_year__year=year)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "kommunenummer;anmodet;vedtatt\n5001;140;120\n5006;33;0\n",
        "kommunenummer,anmodet,vedtatt\n5001,140,120\n5006,33,0\n",
        "\ufeffkommunenummer;anmodet;vedtatt\r\n5001;140;120\r\n5006;33;0\r\n",
    ],
)
def test_semicolon_comma_and_bom_files_are_read_alike(county, text):
    _, changed = apply(county, text)
    assert changed == 2
    assert (figure("5001").requested, figure("5001").decided) == (140, 120)
    assert (figure("5006").requested, figure("5006").decided) == (33, 0)


@pytest.mark.django_db
def test_an_xlsx_file_is_read_with_numbers_and_empty_cells(county):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kommunenummer", "anmodet", "bosatt"])
    sheet.append([5001, 140, None])
    sheet.append(["5006", 33.0, 0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    apply(county, buffer.getvalue(), filename="tall.xlsx")
    assert (figure("5001").requested, figure("5001").settled) == (140, None)
    assert (figure("5006").requested, figure("5006").settled) == (33, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,number",
    [
        ("Trondheim", "5001"),
        ("Trondheim - Tråante", "5001"),
        ("5001 Trondheim", "5001"),
        ("Tråante", "5001"),
        ("trondheim – tråante".replace("–", "-"), "5001"),
        ("Snåase - Snåsa", "5041"),
        ("Snåsa", "5041"),
        ("Raarvihke - Røyrvik", "5043"),
        ("Namsos - Nåavmesjenjaelmie", "5007"),
        ("5001", "5001"),
    ],
)
def test_municipalities_are_found_by_name_sami_name_or_number(county, name, number):
    result = plan(county, f"kommune;anmodet\n{name};7\n")
    assert result.errors == []
    assert result.rows[0][0].number == number


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text,expected",
    [
        ("kommunenummer;anmodet\n5001;10\n9999;5\n", "Rad 3, kolonne «kommunenummer»: ukjent kommune «9999»."),
        ("kommune;anmodet\n5001;10\nBergen;5\n", "Rad 3, kolonne «kommune»: 4601 Bergen ligger i et annet fylke."),
        (
            "kommunenummer;anmodet\n5001;10\n4601;5\n",
            "Rad 3, kolonne «kommunenummer»: 4601 Bergen ligger i et annet fylke.",
        ),
        (
            "kommunenummer;anmodet\n5001;10\n5001;5\n",
            "Rad 3, kolonne «kommunenummer»: 5001 Trondheim står også på rad 2.",
        ),
        (
            "kommune;anmodet\nTrondheim;10\n5001 Trondheim;5\n",
            "Rad 3, kolonne «kommune»: 5001 Trondheim står også på rad 2.",
        ),
        (
            "kommunenummer;anmodet;vedtatt\n5001;10;-2\n",
            "Rad 2, kolonne «vedtatt»: negativt tall (-2) er ikke tillatt.",
        ),
        ("kommunenummer;anmodet;vedtatt\n5001;ti;2\n", "Rad 2, kolonne «anmodet»: «ti» er ikke et tall."),
        (
            "kommunenummer;anmodet;anmodet_ema\n5001;3;5\n",
            "Rad 2, kolonne «anmodet_ema»: enslige mindreårige (5) er flere enn «anmodet» (3).",
        ),
        ("kommunenummer;navn\n5001;Trondheim\n", "Rad 1: filen har ingen tallkolonner"),
        ("navn;anmodet\nTrondheim;3\n", "Rad 1: filen mangler kolonnen «kommunenummer» eller «kommune»."),
    ],
)
def test_bad_rows_are_reported_in_norwegian_with_row_and_column(county, text, expected):
    result = plan(county, text)
    assert not result.ok
    assert any(e.startswith(expected) for e in result.errors), result.errors


@pytest.mark.django_db
def test_all_errors_of_a_file_are_reported_at_once(county):
    result = plan(county, "kommunenummer;anmodet;vedtatt\n9999;1;1\n5001;x;-1\n")
    assert len(result.errors) == 3


@pytest.mark.django_db
def test_decided_larger_than_requested_is_allowed(county):
    apply(county, "kommunenummer;anmodet;vedtatt\n5001;10;25\n")
    assert (figure("5001").requested, figure("5001").decided) == (10, 25)


@pytest.mark.django_db
def test_the_database_is_unchanged_after_a_failed_import(county, django_capture_on_commit_callbacks):
    apply(county, "kommunenummer;anmodet\n5001;10\n5006;20\n")
    before = list(SettlementFigure.objects.values_list("municipality__number", "requested", "version"))
    years = SettlementYear.objects.count()
    result = plan(county, "kommunenummer;anmodet\n5001;99\n5006;minus\n")
    assert not result.ok
    assert list(SettlementFigure.objects.values_list("municipality__number", "requested", "version")) == before
    assert SettlementYear.objects.count() == years


@pytest.mark.django_db
def test_a_reimport_changes_nothing(county):
    text = "kommunenummer;anmodet;vedtatt;bosatt\n5001;10;;0\n5006;20;20;18\n"
    _, first = apply(county, text)
    versions = list(SettlementFigure.objects.order_by("pk").values_list("version", flat=True))
    second_plan = plan(county, text)
    assert second_plan.changes == []
    _, second = apply(county, text)
    assert (first, second) == (2, 0)
    assert list(SettlementFigure.objects.order_by("pk").values_list("version", flat=True)) == versions


@pytest.mark.django_db
def test_an_empty_cell_sets_unknown_and_an_absent_column_is_left_alone(county):
    apply(county, "kommunenummer;anmodet;vedtatt\n5001;10;8\n")
    apply(county, "kommunenummer;anmodet\n5001;\n")
    assert (figure("5001").requested, figure("5001").decided) == (None, 8)


@pytest.mark.django_db
def test_the_preview_lists_what_will_change(county):
    apply(county, "kommunenummer;anmodet\n5001;10\n")
    result = plan(county, "kommunenummer;anmodet;vedtatt\n5001;12;\n5006;0;0\n")
    changes = {(c.municipality.number, c.column, c.old, c.new) for c in result.changes}
    assert changes == {("5001", "anmodet", 10, 12), ("5006", "anmodet", None, 0), ("5006", "vedtatt", None, 0)}


@pytest.mark.django_db
def test_the_seeds_own_table_can_be_imported(county):
    from integrering.settlement.demo import SEED_FILE

    result = plan(county, SEED_FILE.read_bytes(), year=2021)
    assert result.errors == []
    assert sum(v["requested"] for _, v in result.rows) == 619


def test_one_changed_municipality_is_singular(county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2021)
    client = client_for(adviser)
    client.post("/bosetting/2021/import/", {"file": SimpleUploadedFile("i.csv", b"kommunenummer;anmodet\n5001;3\n")})
    response = client.post("/bosetting/2021/import/bruk/", follow=True)
    assert "Filen ble importert: 1 kommune endret." in messages_of(response)


def formula_workbook() -> bytes:
    """A workbook as a program that cannot calculate writes it: the formula without a saved result."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kommunenummer", "anmodet", "vedtatt"])
    sheet.append(["5001", 140, 100])
    sheet.append(["5006", "=B2/4", 20])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_formula_without_a_saved_result_is_refused_not_read_as_unknown(county):
    year = SettlementYear.objects.create(county=county, year=2024)
    services.figure_update(
        settlement_year=year,
        municipality=Municipality.objects.get(number="5006"),
        values={"requested": 35},
        version=None,
    )
    plan = imports.import_plan(county=county, year=2024, content=formula_workbook(), filename="imdi.xlsx")
    assert plan.errors == ["Rad 3, kolonne «anmodet»: formel uten beregnet verdi; lagre filen i Excel først."]
    assert SettlementFigure.objects.get(municipality__number="5006").requested == 35


def test_a_blank_line_does_not_shift_the_row_numbers_of_the_messages(county):
    plan = imports.import_plan(
        county=county, year=2024, content=b"kommunenummer;anmodet\n5001;1\n\n5006;x\n", filename="imdi.csv"
    )
    assert plan.errors == ["Rad 4, kolonne «anmodet»: «x» er ikke et tall."]
