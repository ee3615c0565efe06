"""Fixtures shared by the scenario, criteria, recommendation and letter tests (imported by those modules)."""

import csv
from pathlib import Path

import pytest

from integrering.municipalities.models import Municipality
from integrering.settlement.models import SettlementFigure, SettlementYear
from integrering.settlement.scenarios.services import scenario_create, scenario_run

REPO = Path(__file__).resolve().parents[2]
_SHIPPED = REPO / "src" / "integrering" / "municipalities" / "data" / "anmodningstall_trondelag_2021.csv"
SEED = _SHIPPED if _SHIPPED.exists() else REPO.parent / "shared" / "data" / "anmodningstall_trondelag_2021.csv"


def seed_requests() -> dict[str, int]:
    with SEED.open(encoding="utf-8-sig") as handle:
        return {row["kommunenummer"]: int(row["anmodning"]) for row in csv.DictReader(handle)}


@pytest.fixture
def year_2021(county) -> SettlementYear:
    """Trøndelag 2021 with the seed's requests (total 619)."""
    year = SettlementYear.objects.create(county=county, year=2021, total=619)
    municipalities = {m.number: m for m in Municipality.objects.filter(county=county)}
    SettlementFigure.objects.bulk_create(
        SettlementFigure(settlement_year=year, municipality=municipalities[number], requested=value)
        for number, value in seed_requests().items()
    )
    return year


@pytest.fixture
def year_2022(county, year_2021) -> SettlementYear:
    return SettlementYear.objects.create(county=county, year=2022, total=500)


@pytest.fixture
def run(year_2021, adviser):
    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Grunntall",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 1}],
        base=14,
    )
    return scenario_run(scenario=scenario, user=adviser)
