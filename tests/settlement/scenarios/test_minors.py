"""Unaccompanied minors (EM) in a scenario run: the year's frame spread by the engine over the municipalities
that can take minors, within each municipality's total; an impossible frame is a Norwegian error, not a 500."""

import re

import pytest
from django.urls import reverse

from integrering import allocation
from integrering.municipalities.models import Municipality
from integrering.settlement.figures import services as figure_services
from integrering.settlement.models import ScenarioRun, SettlementFigure
from integrering.settlement.scenarios.services import (
    scenario_create,
    scenario_run,
    scenario_run_is_reproducible,
)
from tests.settlement.scenario_fixtures import year_2021  # noqa: F401

REFUSING = ("5006", "5014", "5020")


@pytest.fixture
def minors_year(year_2021):
    year_2021.total_minors = 40
    year_2021.save()
    SettlementFigure.objects.filter(settlement_year=year_2021, municipality__number__in=REFUSING).update(
        accepts_minors=False
    )
    return year_2021


def _scenario(year, adviser, **values):
    return scenario_create(
        settlement_year=year,
        user=adviser,
        name="Folketall",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 0.6}],
        base=10,
        **values,
    )


def test_a_run_spreads_the_frame_exactly_within_the_totals_and_not_where_refused(minors_year, adviser):
    run = scenario_run(scenario=_scenario(minors_year, adviser), user=adviser)
    rows = {r["kommunenummer"]: r for r in run.result["rows"]}
    assert run.result["minors_total"] == 40
    assert sum(r["herav_ema"] for r in rows.values()) == 40
    assert all(0 <= r["herav_ema"] <= r["antall"] for r in rows.values())
    assert all(rows[n]["herav_ema"] == 0 and rows[n]["ema_regel"] == "not_eligible" for n in REFUSING)
    assert rows["5001"]["herav_ema"] > 0
    assert "enslige mindreårige" in rows["5001"]["ema_forklaring"]
    assert rows["5006"]["ema_forklaring"].startswith("Steinkjer")
    assert [m["accepts_minors"] for m in run.inputs["municipalities"] if m["number"] == "5006"] == [False]
    assert scenario_run_is_reproducible(run=run)


def test_the_minors_minimum_lot_of_the_scenario_is_used(minors_year, adviser):
    run = scenario_run(scenario=_scenario(minors_year, adviser, minors_min_lot=4), user=adviser)
    counts = [r["herav_ema"] for r in run.result["rows"]]
    assert sum(counts) == 40 and all(c == 0 or c >= 4 for c in counts)
    assert run.inputs["minors_min_lot"] == 4


def test_a_year_without_a_frame_runs_without_minors_as_before(year_2021, adviser):
    run = scenario_run(scenario=_scenario(year_2021, adviser), user=adviser)
    assert "minors_total" not in run.result
    assert all("herav_ema" not in r for r in run.result["rows"])


def test_a_frame_larger_than_the_eligible_totals_is_a_norwegian_error_and_nothing_is_saved(minors_year, adviser):
    SettlementFigure.objects.filter(settlement_year=minors_year).exclude(municipality__number="5014").update(
        accepts_minors=False
    )
    SettlementFigure.objects.filter(settlement_year=minors_year, municipality__number="5014").update(
        accepts_minors=True
    )
    scenario = _scenario(minors_year, adviser)
    with pytest.raises(allocation.Infeasible, match="Rammen for enslige mindreårige er 40"):
        scenario_run(scenario=scenario, user=adviser)
    assert not ScenarioRun.objects.exists()


def test_the_run_page_shows_the_error_in_norwegian_with_status_400(minors_year, adviser, client_for):
    SettlementFigure.objects.filter(settlement_year=minors_year).update(accepts_minors=False)
    scenario = _scenario(minors_year, adviser)
    response = client_for(adviser).post(reverse("settlement:scenario_run", args=[2021, scenario.pk]))
    assert response.status_code == 400
    assert "ingen kommuner kan ta imot enslige mindreårige" in response.content.decode()
    assert not ScenarioRun.objects.exists()


def test_the_run_page_shows_the_minors_column_sum_and_explanation(minors_year, adviser, client_for):
    run = scenario_run(scenario=_scenario(minors_year, adviser, minors_min_lot=2), user=adviser)
    page = client_for(adviser).get(reverse("settlement:run", args=[2021, run.pk])).content.decode()
    assert "herav enslige mindreårige" in page
    row_5001 = next(r for r in run.result["rows"] if r["kommunenummer"] == "5001")
    assert row_5001["ema_forklaring"] in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "Rammen 40, minste antall 2" in page
    assert "kan ikke ta imot enslige mindreårige: 5006 Steinkjer, 5014 Frøya, 5020 Osen" in page
    scenario_page = client_for(adviser).get(reverse("settlement:scenario", args=[2021, run.scenario_id]))
    assert "Årets ramme 40, fordelt på kommunene som kan ta imot dem; minste antall 2" in scenario_page.content.decode()


def test_the_scenario_form_saves_the_minors_minimum_lot(minors_year, adviser, client_for):
    data = {
        "name": "Med EM",
        "method": "optimal",
        "total": "619",
        "min_lot": "10",
        "minors_min_lot": "3",
        "base": "0",
        "crit_folketall_use": "on",
        "crit_folketall_weight": "1",
        "crit_folketall_exponent": "1",
    }
    client = client_for(adviser)
    page = client.get(reverse("settlement:scenario_create", args=[2021])).content.decode()
    assert "Minste antall enslige mindreårige" in page
    response = client.post(reverse("settlement:scenario_create", args=[2021]), data)
    assert response.status_code == 302
    from integrering.settlement.models import Scenario

    assert Scenario.objects.get().minors_min_lot == 3
    data.pop("minors_min_lot")
    data["name"] = "Uten minste antall"
    assert client.post(reverse("settlement:scenario_create", args=[2021]), data).status_code == 302
    assert Scenario.objects.get(name="Uten minste antall").minors_min_lot == 0


def test_the_year_data_says_which_municipalities_can_take_minors_editable_on_the_figure_page(
    minors_year, adviser, client_for
):
    client = client_for(adviser)
    url = reverse("settlement:figure_edit", args=[2021, "5001"])
    page = client.get(url).content.decode()
    assert "Kan ta imot enslige mindreårige" in page
    figure = SettlementFigure.objects.get(settlement_year=minors_year, municipality__number="5001")
    response = client.post(url, {"version": figure.version, "requested": "140"})  # the box unticked: no
    assert response.status_code in (200, 302)
    figure.refresh_from_db()
    assert figure.accepts_minors is False and figure.requested == 140
    year_page = client.get(reverse("settlement:year", args=[2021])).content.decode()
    assert "tar ikke enslige mindreårige" in year_page


def test_a_new_figure_record_can_take_minors_by_default(minors_year):
    municipality = Municipality.objects.get(number="5001")
    SettlementFigure.objects.filter(settlement_year=minors_year, municipality=municipality).delete()
    figure = figure_services.figure_update(
        settlement_year=minors_year, municipality=municipality, values={"requested": 5}, version=0
    )
    assert figure.accepts_minors is True


def test_one_page_says_which_municipalities_can_take_minors_and_a_run_uses_it(minors_year, adviser, client_for):
    client = client_for(adviser)
    url = reverse("settlement:minors_acceptance", args=[2021])
    assert url in client.get(reverse("settlement:year", args=[2021])).content.decode()
    page = client.get(url).content.decode()
    assert "Årets ramme for enslige mindreårige er 40" in page
    boxes = dict(re.findall(r'<input type="checkbox" name="accepting" value="(\d+)"([^>]*)>', page))
    assert "checked" in boxes["5001"] and "checked" not in boxes["5006"]  # REFUSING in the fixture
    all_numbers = [m.number for m in Municipality.objects.filter(county=minors_year.county).valid_in(2021)]
    accepting = [n for n in all_numbers if n not in ("5001", "5006")]
    response = client.post(url, {"accepting": accepting})
    assert response.status_code == 302
    refused = set(
        SettlementFigure.objects.filter(settlement_year=minors_year, accepts_minors=False).values_list(
            "municipality__number", flat=True
        )
    )
    assert refused == {"5001", "5006"}
    run = scenario_run(scenario=_scenario(minors_year, adviser), user=adviser)
    rows = {r["kommunenummer"]: r for r in run.result["rows"]}
    assert rows["5001"]["herav_ema"] == 0 and rows["5014"]["herav_ema"] >= 0
    assert sum(r["herav_ema"] for r in rows.values()) == 40
    assert client.post(url, {"accepting": ["9999"]}).status_code == 400  # not a choice: nothing saved


def test_the_minors_page_is_not_for_municipal_users(minors_year, municipal_user, client_for):
    response = client_for(municipal_user).get(reverse("settlement:minors_acceptance", args=[2021]))
    assert response.status_code in (403, 404)
