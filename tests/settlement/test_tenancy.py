"""Settlement's county-owned records are read through ``scoped_for(user)`` / ``for_county``: another county's
user sees none of them, a municipal user sees only their own municipality's figures and none of the county's
working material."""

import pytest

from integrering.core.roles import Role
from integrering.settlement.criteria.models import CriterionDefinition
from integrering.settlement.figures.selectors import year_rows
from integrering.settlement.models import Recommendation, Scenario, ScenarioRun, SettlementFigure, SettlementYear
from integrering.settlement.scenarios.services import scenario_create
from tests.settlement.scenario_fixtures import year_2021  # noqa: F401

pytestmark = pytest.mark.django_db

MODELS = [SettlementYear, SettlementFigure, CriterionDefinition, Scenario, ScenarioRun, Recommendation]


@pytest.fixture
def material(year_2021, county, adviser):
    CriterionDefinition.objects.create(county=county, code="arbeid", name="Arbeid")
    scenario_create(settlement_year=year_2021, user=adviser, name="S", criteria=[{"code": "folketall"}], base=10)
    return year_2021


def test_another_countys_user_sees_nothing(material, make_user, other_county):
    stranger = make_user(Role.ADVISER, username="fremmed", county_obj=other_county)
    for model in MODELS:
        assert not model.objects.scoped_for(stranger).exists(), model.__name__


def test_the_countys_adviser_sees_the_countys_records(material, adviser):
    assert SettlementYear.objects.scoped_for(adviser).count() == 1
    assert SettlementFigure.objects.scoped_for(adviser).count() == material.figures.count() > 1
    assert Scenario.objects.scoped_for(adviser).count() == CriterionDefinition.objects.scoped_for(adviser).count() == 1


def test_a_municipal_user_sees_their_own_figures_and_no_working_material(material, municipal_user):
    figures = SettlementFigure.objects.scoped_for(municipal_user)
    assert {f.municipality_id for f in figures} == {municipal_user.municipality_id}
    assert [row.municipality.pk for row in year_rows(material, user=municipal_user)] == [municipal_user.municipality_id]
    for model in (CriterionDefinition, Scenario, ScenarioRun, Recommendation):
        assert not model.objects.scoped_for(municipal_user).exists(), model.__name__
