"""Settlement's errors are the one ApplicationError family; commands raise it and ``integrering`` exits 2;
a scenario's constraints go through a typed structure."""

import pytest
from django.core.management import call_command

from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.settlement.errors import (
    CommandError,
    InvalidFigures,
    RecommendationLocked,
    ScenarioInvalid,
    StaleVersion,
)
from integrering.settlement.figures.imports import FileError
from integrering.settlement.scenarios.constraints import Constraint, Constraints


@pytest.mark.parametrize("error", [InvalidFigures, RecommendationLocked, ScenarioInvalid, FileError, CommandError])
def test_every_settlement_error_is_an_application_error(error):
    assert issubclass(error, ApplicationError)


def test_a_stale_version_is_the_concurrent_edit_of_the_protocol():
    assert issubclass(StaleVersion, ConcurrentEdit) and StaleVersion(None).status == 409


@pytest.mark.django_db
def test_a_command_raises_the_application_error_with_the_norwegian_message(county, tmp_path):
    with pytest.raises(ApplicationError, match="Fant ikke bosettingsåret 2031 for fylke 50."):
        call_command("export-settlement", "--county", "50", "--year", "2031", "--format", "csv", "--output", "x")


def test_constraints_round_trip_through_the_typed_structure():
    data = {"5001": {"excluded": True, "reason": "Avtale"}, "5006": {"cap": 5}}
    constraints = Constraints.from_json(data)
    assert constraints.get("5001") == Constraint(excluded=True, reason="Avtale")
    assert constraints.get("5006").cap == 5 and constraints.get("9999").empty
    assert Constraints.from_json(constraints.to_json()) == constraints


@pytest.mark.parametrize(
    "data,words",
    [
        ([1, 2], "tabell per kommunenummer"),
        ({"50011": {}}, "er ikke et kommunenummer"),
        ({"5001": "x"}, "må være en tabell"),
        ({"5001": {"cap": True}}, "maks må være et helt tall"),
        ({"5001": {"minimum": -1}}, "minimum for kommunen må være et helt tall"),
        ({"5001": {"fixed": 3}}, "må ha en begrunnelse"),
        ({"5001": {"hack": 1}}, "ukjente nøkler hack"),
        ({"5001": {"excluded": "ja", "reason": "x"}}, "«utelatt» må være ja eller nei"),
    ],
)
def test_bad_constraints_are_refused_with_a_norwegian_message(data, words):
    with pytest.raises(ScenarioInvalid, match=words):
        Constraints.from_json(data)


@pytest.mark.django_db
def test_a_stored_constraint_that_breaks_the_rules_is_refused_when_run(county, adviser):
    from integrering.settlement.models import SettlementYear
    from integrering.settlement.scenarios.services import scenario_create, scenario_run

    year = SettlementYear.objects.create(county=county, year=2024, total=10)
    scenario = scenario_create(settlement_year=year, user=adviser, name="S", criteria=[{"code": "folketall"}])
    type(scenario).objects.filter(pk=scenario.pk).update(constraints={"5001": {"cap": "mange"}})  # outside the forms
    scenario.refresh_from_db()
    with pytest.raises(ScenarioInvalid, match="maks må være et helt tall"):
        scenario_run(scenario=scenario, user=adviser)
