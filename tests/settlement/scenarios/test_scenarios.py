"""Scenarios: engine input from the database, runs saved with every input and reproducible exactly."""

import pytest

from integrering import allocation
from integrering.core.exceptions import ApplicationError
from integrering.settlement.models import Scenario, ScenarioRun
from integrering.settlement.scenarios.services import (
    scenario_copy,
    scenario_create,
    scenario_from_last_year,
    scenario_run,
    scenario_run_is_reproducible,
    scenario_run_reproduce,
    scenario_sensitivity,
    scenario_update,
)
from tests.settlement.scenario_fixtures import year_2021, year_2022  # noqa: F401

POPULATION = [{"code": "folketall", "weight": 1.0, "exponent": 0.6}]


@pytest.fixture
def scenario(year_2021, adviser):
    return scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Folketall",
        criteria=POPULATION,
        base=10,
        constraints={"5001": {"cap": 120}},
    )


def test_a_run_distributes_the_years_total_over_its_38_municipalities(scenario, adviser):
    run = scenario_run(scenario=scenario, user=adviser)
    rows = run.result["rows"]
    assert len(rows) == 38
    assert sum(r["antall"] for r in rows) == 619
    assert all(r["antall"] == 0 or r["antall"] >= 10 for r in rows)
    trondheim = next(r for r in rows if r["kommunenummer"] == "5001")
    assert trondheim["antall"] <= 120 and trondheim["forklaring"].startswith("Trondheim")
    assert run.run_by == adviser and run.inputs["total"] == 619


def test_a_run_saves_every_input_and_reproduces_exactly_after_the_database_changes(scenario, adviser):
    run = scenario_run(scenario=scenario, user=adviser)
    scenario_update(scenario=scenario, base=0, min_lot=5, criteria=[{"code": "folketall", "weight": 1, "exponent": 1}])
    from integrering.municipalities.models import Population

    Population.objects.filter(municipality__number="5001").update(total=1)
    run.refresh_from_db()
    assert scenario_run_reproduce(run=run) == run.result
    assert scenario_run_is_reproducible(run=run)
    assert run.inputs["parameters"]["base"] == 10.0
    assert {m["number"] for m in run.inputs["municipalities"]} >= {"5001", "5006"}


def test_population_falls_back_to_the_latest_year_available(county, adviser):
    from integrering.settlement.models import SettlementYear

    far = SettlementYear.objects.create(county=county, year=2040, total=100)
    scenario = scenario_create(settlement_year=far, user=adviser, name="Fremtid", criteria=POPULATION)
    run = scenario_run(scenario=scenario, user=adviser)
    assert sum(r["antall"] for r in run.result["rows"]) == 100
    assert max(run.inputs["criteria"]["folketall"]["years"]) < 2040


@pytest.mark.parametrize(
    "constraints,words",
    [
        ({"5001": {"fixed": 700, "reason": "Avtale"}}, "faste tallene"),
        ({number: {"cap": 5} for number in ["5001"]} | {"x": {}}, None),
    ],
)
def test_an_infeasible_scenario_raises_the_engines_message_and_saves_nothing(year_2021, adviser, constraints, words):
    if words is None:
        constraints = {}
    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Umulig",
        criteria=POPULATION,
        constraints=constraints,
        total=619 if words else 5,
        min_lot=10,
    )
    with pytest.raises(allocation.AllocationError) as error:
        scenario_run(scenario=scenario, user=adviser)
    if words:
        assert words in str(error.value)
    assert not ScenarioRun.objects.exists()


def test_an_exclusion_or_fixed_number_without_a_reason_is_refused(year_2021, adviser):
    with pytest.raises(ApplicationError, match="begrunnelse"):
        scenario_create(
            settlement_year=year_2021,
            user=adviser,
            name="Uten",
            criteria=POPULATION,
            constraints={"5001": {"excluded": True, "reason": " "}},
        )
    with pytest.raises(ApplicationError, match="begrunnelse"):
        scenario_create(
            settlement_year=year_2021,
            user=adviser,
            name="Uten",
            criteria=POPULATION,
            constraints={"5001": {"fixed": 40}},
        )
    assert not Scenario.objects.exists()


def test_a_copy_has_the_same_settings_and_no_runs(scenario, adviser):
    scenario_run(scenario=scenario, user=adviser)
    copy = scenario_copy(scenario=scenario, user=adviser)
    assert copy.pk != scenario.pk and copy.name == "Kopi av Folketall"
    assert (copy.criteria, copy.constraints, copy.base) == (scenario.criteria, scenario.constraints, scenario.base)
    assert not copy.runs.exists()


def test_an_update_with_a_stale_version_is_refused(scenario):
    scenario_update(scenario=scenario, version=1, name="Ny")
    with pytest.raises(ApplicationError, match="Noen andre har endret"):
        scenario_update(scenario=scenario, version=1, name="Gammel")


def test_starting_from_last_year_calibrates_on_the_seeds_2021_table_and_runs_to_the_total(year_2022, adviser):
    scenario, calibration, used = scenario_from_last_year(settlement_year=year_2022, user=adviser)
    assert used == 2021
    assert calibration.allocation.total == 619 and calibration.rmse <= 6
    assert scenario.total == 500 and scenario.criteria[0]["code"] == "folketall"
    excluded = [n for n, c in scenario.constraints.items() if c["excluded"]]
    assert len(excluded) == 14 and all("2021" in scenario.constraints[n]["reason"] for n in excluded)
    run = scenario_run(scenario=scenario, user=adviser)
    assert sum(r["antall"] for r in run.result["rows"]) == 500


def test_starting_from_last_year_without_last_years_requests_says_so(county, adviser):
    from integrering.settlement.models import SettlementYear

    lonely = SettlementYear.objects.create(county=county, year=2030, total=100)
    with pytest.raises(ApplicationError, match="2029"):
        scenario_from_last_year(settlement_year=lonely, user=adviser)


def test_starting_from_last_year_takes_the_latest_earlier_year_when_last_year_is_missing(year_2021, adviser):
    from integrering.settlement.models import SettlementYear

    SettlementYear.objects.create(county=year_2021.county, year=2023)  # no requests: skipped
    later = SettlementYear.objects.create(county=year_2021.county, year=2025, total=300)
    scenario, calibration, used = scenario_from_last_year(settlement_year=later, user=adviser)
    assert used == 2021 and "2021" in scenario.name
    assert calibration.allocation.total == 619 and scenario.total == 300


def test_starting_from_last_year_says_when_the_earlier_year_has_no_requests(county, adviser):
    from integrering.settlement.models import SettlementYear

    SettlementYear.objects.create(county=county, year=2028)
    lonely = SettlementYear.objects.create(county=county, year=2030, total=100)
    with pytest.raises(ApplicationError, match="Ingen anmodningstall er registrert for 2028"):
        scenario_from_last_year(settlement_year=lonely, user=adviser)


def test_sensitivity_reports_min_median_max_per_municipality(scenario):
    result = scenario_sensitivity(scenario=scenario, draws=20, spread=0.2, seed=1)
    assert len(result.rows) == 38
    assert all(r.minimum <= r.median <= r.maximum for r in result.rows)


def test_the_method_description_reads_well(year_2021, adviser):
    from integrering.settlement.scenarios.inputs import inputs_build, method_description

    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="S",
        criteria=POPULATION,
        base=10,
        constraints={
            "5014": {"excluded": True, "reason": "Boliger"},
            "5006": {"fixed": 30, "reason": "Avtale med kommunen"},
            "5001": {"cap": 120, "minimum": 50, "reason": ""},
        },
    )
    text = method_description(inputs_build(scenario))
    assert text == (
        "Totalen 619 er fordelt med optimal fordeling (minst mulig avvik fra kvotene). "
        "Kriterier: Folketall 1. januar (vekt 1, eksponent 0,6). Hver deltakende kommune får et "
        "grunntall på 10. Ingen kommune får færre enn 10 med mindre den får 0. "
        "Utelatt (får 0): 5014 Frøya (Boliger). Fast tall: 5006 Steinkjer 30 (Avtale med kommunen). "
        "Minimum for kommunen (får den noen, får den minst så mange): 5001 Trondheim 50. "
        "Maks: 5001 Trondheim 120."
    )
