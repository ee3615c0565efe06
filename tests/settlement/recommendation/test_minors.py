"""The recommendation carries the unaccompanied minors of its run: frozen per municipality with their sum, copied
to the year's figures, on the page, in the CSV/XLSX export (``herav_ema``) and in ``export-settlement``."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from integrering.core.exceptions import ApplicationError
from integrering.settlement.models import SettlementFigure
from integrering.settlement.recommendation.selectors import recommendation_rows
from integrering.settlement.recommendation.services import recommendation_make
from integrering.settlement.scenarios.services import scenario_create, scenario_run
from tests.settlement.figures.test_commands import run as command
from tests.settlement.scenario_fixtures import run, year_2021  # noqa: F401


@pytest.fixture
def minors_run(year_2021, adviser):
    year_2021.total_minors = 40
    year_2021.save()
    SettlementFigure.objects.filter(settlement_year=year_2021, municipality__number="5006").update(accepts_minors=False)
    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Med EM",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 0.6}],
        base=10,
    )
    return scenario_run(scenario=scenario, user=adviser)


def test_the_frozen_recommendation_carries_the_minors_and_their_sum(minors_run, year_2021, adviser):
    recommendation = recommendation_make(settlement_year=year_2021, user=adviser, run=minors_run)
    expected = {r["kommunenummer"]: r["herav_ema"] for r in minors_run.result["rows"]}
    assert recommendation.minors == expected and recommendation.minors_total == 40
    assert recommendation.minors["5006"] == 0
    assert all(recommendation.minors[n] <= recommendation.numbers[n] for n in recommendation.numbers)
    rows, total = recommendation_rows(recommendation)
    assert total == 619 and sum(r["minors"] for r in rows) == 40
    figures = {
        f.municipality.number: f
        for f in SettlementFigure.objects.filter(settlement_year=year_2021).select_related("municipality")
    }
    assert all(figures[n].recommended_ema == v for n, v in expected.items())
    assert "40 enslige mindreårige" in recommendation.method_description
    assert "5006 Steinkjer" in recommendation.method_description


def test_a_recommendation_without_a_minors_frame_has_none(run, year_2021, adviser):
    recommendation = recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    assert recommendation.minors is None and recommendation.minors_total is None
    rows, _total = recommendation_rows(recommendation)
    assert all(r["minors"] is None for r in rows)


def test_plain_numbers_with_minors_above_the_number_are_refused(year_2021, adviser):
    with pytest.raises(ApplicationError, match="enslige mindreårige"):
        recommendation_make(
            settlement_year=year_2021, user=adviser, numbers={"5001": 10, "5006": 5}, minors={"5001": 11}
        )
    recommendation = recommendation_make(
        settlement_year=year_2021, user=adviser, numbers={"5001": 10, "5006": 5}, minors={"5001": 3}
    )
    assert recommendation.minors == {"5001": 3, "5006": 0}


def test_the_page_and_the_exports_show_herav_ema(minors_run, year_2021, adviser, client_for):
    recommendation_make(settlement_year=year_2021, user=adviser, run=minors_run)
    client = client_for(adviser)
    page = client.get(reverse("settlement:recommendation", args=[2021, 1])).content.decode()
    assert "herav enslige mindreårige" in page
    content = client.get(reverse("settlement:recommendation_export", args=[2021, 1, "csv"])).content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["kommunenummer", "navn", "anbefalt", "herav_ema"]
    assert rows[-1][1:] == ["Sum", "619", "40"]
    assert sum(int(r[3]) for r in rows[1:-1]) == 40
    content = client.get(reverse("settlement:recommendation_export", args=[2021, 1, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == ["kommunenummer", "navn", "anbefalt", "herav_ema"]
    assert [c.value for c in sheet[sheet.max_row]][2:] == [619, 40]


def test_export_settlement_carries_the_recommended_minors(minors_run, year_2021, adviser, tmp_path):
    recommendation = recommendation_make(settlement_year=year_2021, user=adviser, run=minors_run)
    target = tmp_path / "ut.csv"
    code, _out, err = command(
        "export-settlement", "--county", "50", "--year", "2021", "--format", "csv", "--output", str(target)
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    column = rows[0].index("anbefalt_ema")
    by_number = {r[0]: r for r in rows[1:-1]}
    assert by_number["5001"][column] == str(recommendation.minors["5001"])
    assert rows[-1][column] == "40"
