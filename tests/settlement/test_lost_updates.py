"""No lost update in any settlement edit form: two forms opened at the same version are both posted; the
second saver gets 409 with «Noen andre har endret dette …» and the other person's values, and the database
keeps the first save."""

import re

import pytest
from django.urls import reverse

from integrering.municipalities.models import Municipality
from integrering.settlement.criteria.models import CriterionDefinition, CriterionValue
from integrering.settlement.models import Recommendation, Scenario, SettlementFigure, SettlementYear
from integrering.settlement.recommendation.services import recommendation_make
from integrering.settlement.scenarios.services import scenario_create, scenario_run
from tests.settlement.scenario_fixtures import year_2021  # noqa: F401

CONFLICT = "Noen andre har endret dette siden du åpnet det"
THEIRS = "Lagret av en annen"


def _conflict(response, theirs: str) -> str:
    page = response.content.decode()
    assert response.status_code == 409, page[:2000]
    assert CONFLICT in page
    # The table of the other person's values shows what they saved.
    table = page[page.index(THEIRS) :]
    table = table[: table.index("</table>")]
    assert theirs in table, table
    return page


def test_the_year_frame(year_2021, adviser, client_for):
    client = client_for(adviser)
    opened = str(year_2021.version)
    url = reverse("settlement:year_edit", args=[2021])
    base = {"stage": "planning", "version": opened}
    assert client.post(url, {**base, "total": "620"}).status_code == 302
    page = _conflict(client.post(url, {**base, "total": "700"}), "620")
    assert THEIRS in page
    assert SettlementYear.objects.get(pk=year_2021.pk).total == 620


def test_a_municipalitys_figures_on_the_full_page(year_2021, adviser, client_for):
    client = client_for(adviser)
    figure = SettlementFigure.objects.get(settlement_year=year_2021, municipality__number="5001")
    url = reverse("settlement:figure_edit", args=[2021, "5001"])
    assert client.post(url, {"decided": "11", "version": str(figure.version)}).status_code == 302
    page = _conflict(client.post(url, {"decided": "22", "version": str(figure.version)}), "11")
    assert "22" in page  # the user's own value beside it
    assert SettlementFigure.objects.get(pk=figure.pk).decided == 11


def test_a_municipalitys_own_decision(year_2021, municipal_user, client_for):
    client = client_for(municipal_user)
    figure = SettlementFigure.objects.get(settlement_year=year_2021, municipality=municipal_user.municipality)
    url = reverse("settlement:decision", args=[2021])
    assert client.post(url, {"decided": "7", "version": str(figure.version)}).status_code == 302
    _conflict(client.post(url, {"decided": "9", "version": str(figure.version)}), "7")
    assert SettlementFigure.objects.get(pk=figure.pk).decided == 7


def test_a_criterion_definition(county, adviser, client_for):
    definition = CriterionDefinition.objects.create(county=county, code="arbeid", name="Arbeid")
    client = client_for(adviser)
    url = reverse("settlement:criterion_edit", args=[definition.pk])
    data = {"name": "Sysselsetting", "unit": "%", "higher_is_better": "on", "version": str(definition.version)}
    assert client.post(url, data).status_code == 302
    _conflict(client.post(url, {**data, "name": "Arbeidsledighet"}), "Sysselsetting")
    assert CriterionDefinition.objects.get(pk=definition.pk).name == "Sysselsetting"


def test_a_criterions_values(year_2021, county, adviser, client_for):
    definition = CriterionDefinition.objects.create(county=county, code="arbeid", name="Arbeid")
    trondheim = Municipality.objects.get(number="5001")
    CriterionValue.objects.create(definition=definition, municipality=trondheim, year=2021, value=10)
    client = client_for(adviser)
    url = reverse("settlement:criterion_values_edit", args=[2021, definition.pk])
    page = client.get(url).content.decode()
    opened = dict(re.findall(r'name="(ver_\d{4})" value="(\d+)"', page))
    assert opened["ver_5001"] == "1" and opened["ver_5006"] == "0"
    assert client.post(url, {"source": "A", "v_5001": "12", **opened}).status_code == 302
    # The second person changed only Malvik, but posts the Trondheim value they saw: that would undo the first save.
    response = client.post(url, {"source": "B", "v_5001": "10", "v_5006": "3", **opened})
    _conflict(response, "12")
    assert CriterionValue.objects.get(definition=definition, municipality=trondheim).value == 12
    assert not CriterionValue.objects.filter(definition=definition, municipality__number="5006").exists()
    # Saving again from the conflict page (it now carries the current versions) is a deliberate choice.
    again = dict(re.findall(r'name="(ver_\d{4})" value="(\d+)"', response.content.decode()))
    assert again["ver_5001"] == "2"
    assert client.post(url, {"source": "B", "v_5001": "10", "v_5006": "3", **again}).status_code == 302
    assert CriterionValue.objects.get(definition=definition, municipality=trondheim).value == 10


def test_a_scenario(year_2021, adviser, client_for):
    scenario = scenario_create(
        settlement_year=year_2021, user=adviser, name="Folketall", criteria=[{"code": "folketall"}], base=10
    )
    client = client_for(adviser)
    url = reverse("settlement:scenario_edit", args=[2021, scenario.pk])
    data = {
        "name": "Første",
        "method": "optimal",
        "total": "619",
        "min_lot": "10",
        "base": "10",
        "crit_folketall_use": "on",
        "crit_folketall_weight": "1",
        "crit_folketall_exponent": "1",
        "version": str(scenario.version),
    }
    assert client.post(url, data).status_code == 302
    _conflict(client.post(url, {**data, "name": "Andre"}), "Første")
    assert Scenario.objects.get(pk=scenario.pk).name == "Første"


def test_choosing_the_recommendation(year_2021, adviser, client_for):
    scenario = scenario_create(
        settlement_year=year_2021, user=adviser, name="Folketall", criteria=[{"code": "folketall"}], base=10
    )
    run = scenario_run(scenario=scenario, user=adviser)
    first = recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    client = client_for(adviser)
    url = reverse("settlement:recommendation_choose", args=[2021, run.pk])
    assert client.post(url, {"reason": "Ny kunnskap", "latest": "1", "confirm": "on"}).status_code == 302
    _conflict(client.post(url, {"reason": "Noe annet", "latest": "1", "confirm": "on"}), "Ny kunnskap")
    assert list(Recommendation.objects.values_list("version", flat=True).order_by("version")) == [first.version, 2]


@pytest.mark.parametrize("total,minors", [(10, 11)])
def test_the_frames_minors_cannot_exceed_its_total(county, total, minors):
    from django.db import IntegrityError, transaction

    from integrering.settlement.errors import InvalidFigures
    from integrering.settlement.years.services import settlement_year_create, settlement_year_update

    with pytest.raises(InvalidFigures, match="enslige mindreårige .* kan ikke være flere enn"):
        settlement_year_create(county=county, year=2030, total=total, total_minors=minors)
    year = settlement_year_create(county=county, year=2030, total=total, total_minors=total)
    with pytest.raises(InvalidFigures):
        settlement_year_update(settlement_year=year, version=year.version, data={"total": minors - 2})
    with pytest.raises(IntegrityError), transaction.atomic():
        SettlementYear.objects.filter(pk=year.pk).update(total_minors=minors)
    assert SettlementYear.objects.get(pk=year.pk).total_minors == total
