"""Overlarge numbers: a clear Norwegian message naming the field (or row and column), never a 500 or a traceback.

A number of persons is at most 1 000 000 everywhere (figures, the year's frame, a scenario's total, minimum
lot, fixed numbers, minimums and caps); 3 000 000 000 would overflow an integer column on PostgreSQL.
"""

import io

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from integrering.municipalities.models import Municipality
from integrering.settlement.errors import InvalidFigures
from integrering.settlement.figures import imports, services
from integrering.settlement.models import (
    CriterionDefinition,
    CriterionValue,
    Scenario,
    SettlementFigure,
    SettlementYear,
)
from integrering.settlement.years.services import settlement_year_create
from tests.settlement.figures.test_commands import run
from tests.settlement.scenario_fixtures import year_2021  # noqa: F401

HUGE = "99999999999999999999"
LIMIT_MESSAGE = "Kan ikke være større enn 1\u00a0000\u00a0000."


def xlsx(rows) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    workbook.close()
    return buffer.getvalue()


@pytest.mark.parametrize("value", [HUGE, "3000000000", "1000001"])
def test_the_import_names_row_and_column_of_a_number_above_a_million(county, value):
    plan = imports.import_plan(
        county=county, year=2024, content=f"kommunenummer;anmodet\n5001;{value}\n".encode(), filename="imdi.csv"
    )
    assert plan.errors == [f"Rad 2, kolonne «anmodet»: {value} er for stort (høyst 1\u00a0000\u00a0000)."]
    assert not plan.ok


def test_a_million_is_accepted(county):
    plan = imports.import_plan(
        county=county, year=2024, content=b"kommunenummer;anmodet\n5001;1000000\n", filename="imdi.csv"
    )
    assert plan.errors == [] and plan.rows[0][1] == {"requested": 1_000_000}


def test_an_xlsx_number_above_a_million_is_refused(county):
    content = xlsx([["kommunenummer", "bosatt"], ["5001", 3e9]])
    plan = imports.import_plan(county=county, year=2024, content=content, filename="imdi.xlsx")
    assert plan.errors == ["Rad 2, kolonne «bosatt»: 3000000000 er for stort (høyst 1\u00a0000\u00a0000)."]


def test_the_import_page_refuses_the_file_before_anything_can_be_applied(county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2024)
    client = client_for(adviser)
    upload = SimpleUploadedFile("imdi.csv", f"kommunenummer;anmodet\n5001;{HUGE}\n".encode())
    response = client.post("/bosetting/2024/import/", {"file": upload})
    assert response.status_code == 400
    assert "Rad 2, kolonne «anmodet»" in response.content.decode()
    applied = client.post("/bosetting/2024/import/bruk/")  # nothing was previewed: back to the upload
    assert applied.status_code == 302
    assert not SettlementFigure.objects.exists()


def test_the_command_line_import_exits_2_without_a_traceback(county, tmp_path):
    source = tmp_path / "imdi.csv"
    source.write_text(f"kommunenummer;anmodet\n5001;{HUGE}\n", encoding="utf-8")
    code, out, err = run("import-settlement", str(source), "--county", "50", "--year", "2024")
    assert code == 2
    assert "Rad 2, kolonne «anmodet»: 99999999999999999999 er for stort" in err
    assert "Traceback" not in err and not SettlementYear.objects.exists()


@pytest.mark.parametrize("value", [HUGE, "3000000000"])
def test_the_figure_form_says_the_limit_in_norwegian(county, adviser, client_for, value):
    SettlementYear.objects.create(county=county, year=2024)
    client = client_for(adviser)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.post("/bosetting/2024/kommune/5001/rediger/", {"requested": value, "version": "0"}, **headers)
        page = response.content.decode()
        assert LIMIT_MESSAGE in page and "9223372036854775807" not in page
    assert not SettlementFigure.objects.exists()


def test_the_decision_form_refuses_a_number_above_a_million(county, municipal_user, client_for):
    SettlementYear.objects.create(county=county, year=2024)
    response = client_for(municipal_user).post("/bosetting/2024/vedtak/", {"decided": HUGE, "version": "0"})
    assert response.status_code == 400 and LIMIT_MESSAGE in response.content.decode()
    assert not SettlementFigure.objects.exists()


@pytest.mark.parametrize("field", ["total", "total_minors"])
def test_the_years_frame_refuses_a_number_above_a_million(county, adviser, client_for, field):
    client = client_for(adviser)
    response = client.post("/bosetting/ny/", {"year": "2030", field: HUGE})
    assert response.status_code == 400 and LIMIT_MESSAGE in response.content.decode()
    year = SettlementYear.objects.create(county=county, year=2024)
    response = client.post(
        "/bosetting/2024/rediger/", {"version": year.version, "stage": "planning", field: "3000000000"}
    )
    assert response.status_code == 400 and LIMIT_MESSAGE in response.content.decode()
    assert not SettlementYear.objects.filter(year=2030).exists()
    assert SettlementYear.objects.get(pk=year.pk).total is None


def scenario_data(**extra):
    data = {
        "name": "Stor",
        "method": "optimal",
        "total": "619",
        "min_lot": "10",
        "base": "0",
        "crit_folketall_use": "on",
        "crit_folketall_weight": "1",
        "crit_folketall_exponent": "1",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(
    "extra",
    [
        {"total": HUGE},
        {"min_lot": HUGE},
        {"c_5001_cap": HUGE},
        {"c_5001_fixed": "3000000000", "c_5001_reason": "Avtale"},
        {"c_5001_minimum": HUGE},
    ],
)
def test_the_scenario_form_refuses_numbers_above_a_million(year_2021, adviser, client_for, extra):
    response = client_for(adviser).post(reverse("settlement:scenario_create", args=[2021]), scenario_data(**extra))
    assert response.status_code == 400
    assert LIMIT_MESSAGE in response.content.decode()
    assert not Scenario.objects.exists()


def test_the_scenario_form_refuses_a_weight_above_a_thousand(year_2021, adviser, client_for):
    response = client_for(adviser).post(
        reverse("settlement:scenario_create", args=[2021]), scenario_data(crit_folketall_weight="1e300")
    )
    assert response.status_code == 400 and not Scenario.objects.exists()


def test_the_services_refuse_numbers_above_a_million(county, year_2021, adviser):
    from integrering.core.exceptions import ApplicationError as ValidationError
    from integrering.settlement.scenarios.services import scenario_create

    trondheim = Municipality.objects.get(number="5001")
    with pytest.raises(InvalidFigures, match="«anmodet» må være et helt tall fra 0 til 1"):
        services.figure_update(
            settlement_year=year_2021, municipality=trondheim, values={"requested": 10**20}, version=None
        )
    with pytest.raises(InvalidFigures):
        services.figures_apply(county=county, year=2021, rows=[(trondheim, {"settled": 3_000_000_000})])
    with pytest.raises(InvalidFigures, match="rammen"):
        settlement_year_create(county=county, year=2030, total=10**20)
    with pytest.raises(ValidationError, match="Totalen"):
        scenario_create(settlement_year=year_2021, user=adviser, name="x", total=10**20)
    with pytest.raises(ValidationError, match="Minstetallet"):
        scenario_create(settlement_year=year_2021, user=adviser, name="x", min_lot=10**20)
    with pytest.raises(ValidationError, match="maks"):
        scenario_create(settlement_year=year_2021, user=adviser, name="x", constraints={"5001": {"cap": 10**20}})
    assert SettlementFigure.objects.filter(municipality=trondheim, settlement_year=year_2021).get().requested == 140
    assert not Scenario.objects.exists() and not SettlementYear.objects.filter(year=2030).exists()


@pytest.mark.parametrize(
    "value,message",
    [
        ("1e30", "«1e30» er for stort"),
        (HUGE + "000000", "er for stort"),
        ("12345678901", "er for stort"),
    ],
)
def test_the_criteria_import_names_row_and_column_of_an_overlarge_value(year_2021, adviser, client_for, value, message):
    CriterionDefinition.objects.create(county=year_2021.county, code="ledighet", name="Ledighet")
    upload = SimpleUploadedFile("k.csv", f"kommunenummer;ledighet\n5001;2\n5006;{value}\n".encode())
    response = client_for(adviser).post("/bosetting/2021/kriterier/import/", {"file": upload, "source": "NAV"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Rad 3, kolonne «ledighet»" in page and message in page
    assert not CriterionValue.objects.exists()
