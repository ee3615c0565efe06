"""Scenario pages: create, run, result with explanations, compare, sensitivity, from last year; access."""

import re

import pytest
from django.urls import reverse

from integrering import allocation
from integrering.core.roles import Role
from integrering.settlement.models import Scenario, ScenarioRun
from integrering.settlement.scenarios.services import scenario_create, scenario_run
from tests.settlement.scenario_fixtures import year_2021, year_2022  # noqa: F401


def form_data(**extra):
    data = {
        "name": "Folketall",
        "method": "optimal",
        "total": "619",
        "min_lot": "10",
        "base": "10",
        "crit_folketall_use": "on",
        "crit_folketall_weight": "1",
        "crit_folketall_exponent": "0.6",
    }
    data.update(extra)
    return data


@pytest.fixture
def scenario(year_2021, adviser):
    return scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Folketall",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 0.6}],
        base=10,
    )


def test_an_adviser_creates_a_scenario_with_constraints_and_runs_it(year_2021, adviser, client_for):
    client = client_for(adviser)
    assert client.get(reverse("settlement:scenario_create", args=[2021])).status_code == 200
    response = client.post(
        reverse("settlement:scenario_create", args=[2021]),
        form_data(
            c_5001_cap="100",
            c_5014_excluded="on",
            c_5014_reason="Ingen boliger",
            c_5006_fixed="30",
            c_5006_reason="Avtale med kommunen",
        ),
    )
    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert scenario.constraints["5014"] == {
        "excluded": True,
        "fixed": None,
        "minimum": None,
        "cap": None,
        "reason": "Ingen boliger",
    }
    assert scenario.constraints["5001"]["cap"] == 100
    response = client.post(reverse("settlement:scenario_run", args=[2021, scenario.pk]))
    run = ScenarioRun.objects.get()
    assert response.url == reverse("settlement:run", args=[2021, run.pk])
    page = client.get(response.url).content.decode()
    assert (
        "Trondheim får 56." in page and "Frøya er utelatt og får 0." in page and "Steinkjer har fast tall 30." in page
    )
    assert "619" in page


def test_an_exclusion_without_a_reason_is_a_form_error_and_nothing_is_saved(year_2021, adviser, client_for):
    response = client_for(adviser).post(
        reverse("settlement:scenario_create", args=[2021]), form_data(c_5014_excluded="on", c_5001_fixed="50")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        page.count("En utelatelse eller et fast tall trenger en begrunnelse.") == 4
    )  # at each field and in the summary
    assert 'href="#id_c_5014_reason">Begrunnelse for 5014 Frøya: En utelatelse' in page
    assert not Scenario.objects.exists()


@pytest.mark.parametrize(
    "extra,message",
    [
        ({"c_5001_fixed": "700", "c_5001_reason": "Avtale"}, "De faste tallene er til sammen 700"),
        ({"total": "5", "base": "0"}, "men 5 skal fordeles"),
        ({"total": "300"}, "Grunntallet 10,00 for 38 deltakende kommuner blir 380,0"),
    ],
)
def test_an_infeasible_scenario_shows_the_engines_message_and_saves_no_run(
    year_2021, adviser, client_for, extra, message
):
    client = client_for(adviser)
    client.post(reverse("settlement:scenario_create", args=[2021]), form_data(**extra))
    scenario = Scenario.objects.get()
    response = client.post(reverse("settlement:scenario_run", args=[2021, scenario.pk]))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ScenarioRun.objects.exists()


def test_caps_too_small_show_the_engines_message(year_2021, adviser, client_for):
    caps = {f"c_{n}_cap": "5" for n in ["5001", "5006", "5007"]}
    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Små",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 1}],
        constraints={n[2:6]: {"cap": 5} for n in caps},
        total=619,
    )
    from integrering.municipalities.models import Municipality

    others = Municipality.objects.filter(county=year_2021.county).exclude(number__in=["5001", "5006", "5007"])
    scenario.constraints.update({m.number: {"excluded": True, "reason": "Test"} for m in others})
    scenario.save()
    response = client_for(adviser).post(reverse("settlement:scenario_run", args=[2021, scenario.pk]))
    assert response.status_code == 400 and "Maks-tallene" in response.content.decode()


def test_comparing_two_scenarios_marks_each_difference_with_sign_and_text(scenario, year_2021, adviser, client_for):
    other = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Proporsjonalt",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 1}],
    )
    scenario_run(scenario=scenario, user=adviser)
    scenario_run(scenario=other, user=adviser)
    page = (
        client_for(adviser)
        .get(reverse("settlement:scenario_compare", args=[2021]), {"a": scenario.pk, "b": other.pk})
        .content.decode()
    )
    assert "diff--up" in page and "diff--down" in page
    assert "flere i B" in page and "færre i B" in page and "▲" in page and "+" in page


def test_start_from_last_year_opens_a_calibrated_scenario(year_2022, adviser, client_for):
    client = client_for(adviser)
    response = client.post(reverse("settlement:scenario_from_last_year", args=[2022]))
    scenario = Scenario.objects.get()
    assert response.url == reverse("settlement:scenario", args=[2022, scenario.pk])
    client.post(reverse("settlement:scenario_run", args=[2022, scenario.pk]))
    assert sum(r["antall"] for r in ScenarioRun.objects.get().result["rows"]) == 500


def test_start_from_last_year_says_which_earlier_year_it_took(year_2021, adviser, client_for):
    from integrering.settlement.models import SettlementYear

    SettlementYear.objects.create(county=year_2021.county, year=2024, total=400)
    response = client_for(adviser).post(reverse("settlement:scenario_from_last_year", args=[2024]), follow=True)
    page = response.content.decode()
    assert "Det finnes ingen anmodninger for 2023, så det siste tidligere året, 2021, ble brukt" in page
    assert Scenario.objects.get().total == 400


def test_the_sensitivity_page_shows_min_median_max(scenario, adviser, client_for):
    response = client_for(adviser).get(
        reverse("settlement:scenario_sensitivity", args=[2021, scenario.pk]), {"draws": 10, "spread": 20, "seed": 1}
    )
    assert response.status_code == 200
    assert "Median" in response.content.decode() and "Trondheim" in response.content.decode()


def test_a_run_page_confirms_the_run_reproduces(scenario, adviser, client_for):
    run = scenario_run(scenario=scenario, user=adviser)
    page = client_for(adviser).get(reverse("settlement:run", args=[2021, run.pk]), {"kontroll": "1"}).content.decode()
    assert "resultatet er identisk" in page


def test_municipal_users_never_see_scenarios(scenario, adviser, municipal_user, client_for):
    run = scenario_run(scenario=scenario, user=adviser)
    client = client_for(municipal_user)
    for url in [
        reverse("settlement:scenarios", args=[2021]),
        reverse("settlement:scenario", args=[2021, scenario.pk]),
        reverse("settlement:run", args=[2021, run.pk]),
        reverse("settlement:scenario_compare", args=[2021]),
        reverse("settlement:scenario_sensitivity", args=[2021, scenario.pk]),
        reverse("settlement:criteria"),
        reverse("settlement:criterion_values", args=[2021]),
    ]:
        assert client.get(url).status_code in (403, 404), url
    for url in [
        reverse("settlement:scenario_create", args=[2021]),
        reverse("settlement:scenario_run", args=[2021, scenario.pk]),
    ]:
        assert client.post(url).status_code == 403, url


def test_a_reader_sees_scenarios_but_cannot_run_them(scenario, make_user, client_for):
    leader = make_user(Role.LEADER, username="leder")
    client = client_for(leader)
    page = client.get(reverse("settlement:scenario", args=[2021, scenario.pk]))
    assert page.status_code == 200 and "Kjør scenarioet" not in page.content.decode()
    assert client.post(reverse("settlement:scenario_run", args=[2021, scenario.pk])).status_code == 403


def test_another_countys_scenario_is_not_found(scenario, make_user, client_for, other_county):
    stranger = make_user(Role.ADVISER, username="fremmed", county_obj=other_county)
    assert client_for(stranger).get(reverse("settlement:scenario", args=[2021, scenario.pk])).status_code == 404


def test_the_scenario_list_takes_a_fixed_number_of_queries(
    scenario, year_2021, adviser, client_for, django_assert_max_num_queries
):
    for i in range(5):
        s = scenario_create(
            settlement_year=year_2021,
            user=adviser,
            name=f"S{i}",
            criteria=[{"code": "folketall", "weight": 1, "exponent": 1}],
        )
        scenario_run(scenario=s, user=adviser)
    client = client_for(adviser)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("settlement:scenarios", args=[2021])).status_code == 200


def test_scenario_run_and_compare_pages_take_a_fixed_number_of_queries(
    scenario, year_2021, adviser, client_for, django_assert_max_num_queries
):
    other = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Annen",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 1}],
    )
    for _ in range(6):
        run = scenario_run(scenario=scenario, user=adviser)
        scenario_run(scenario=other, user=adviser)
    client = client_for(adviser)
    with django_assert_max_num_queries(18):
        assert client.get(reverse("settlement:scenario", args=[2021, scenario.pk])).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("settlement:run", args=[2021, run.pk])).status_code == 200
    with django_assert_max_num_queries(18):
        assert (
            client.get(
                reverse("settlement:scenario_compare", args=[2021]), {"a": scenario.pk, "b": other.pk}
            ).status_code
            == 200
        )
    with django_assert_max_num_queries(18):
        assert client.get(reverse("settlement:scenario_edit", args=[2021, scenario.pk])).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("settlement:criterion_values", args=[2021])).status_code == 200


def test_a_base_larger_than_the_total_allows_is_refused_by_the_engine(year_2021, adviser):
    # The engine refuses b·|P| > R (the quotas would be negative); nothing is saved.
    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="For stort grunntall",
        base=20,
        criteria=[{"code": "folketall", "weight": 1, "exponent": 1}],
    )
    with pytest.raises(allocation.InvalidInput, match="Grunntallet 20,00 for 38 deltakende kommuner blir 760,0"):
        scenario_run(scenario=scenario, user=adviser)
    assert not ScenarioRun.objects.exists()


def test_a_reopened_run_shows_its_own_inputs_not_the_scenarios_current_settings(year_2021, adviser, client_for):
    from integrering.settlement.scenarios.services import scenario_update

    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Optimal",
        method="optimal",
        base=0,
        criteria=[{"code": "folketall", "weight": 1, "exponent": 0.6}],
        constraints={
            "5001": {"excluded": False, "fixed": None, "minimum": None, "cap": 120, "reason": "Boliger"},
            "5014": {"excluded": True, "fixed": None, "minimum": None, "cap": None, "reason": "Ingen boliger"},
        },
    )
    run = scenario_run(scenario=scenario, user=adviser)
    scenario_update(scenario=scenario, method="sainte-lague", base=5, constraints={})
    page = client_for(adviser).get(reverse("settlement:run", args=[2021, run.pk])).content.decode()
    inputs = page.split('id="inndata"', 1)[1].split("</section>", 1)[0]
    assert "Optimal (minst avvik fra kvoten)" in inputs and "Sainte-Laguë" not in inputs
    assert "<dt>Grunntall per deltakende kommune</dt><dd>0</dd>" in inputs
    assert "5001 Trondheim: maks 120 – Boliger" in inputs
    assert "5014 Frøya: utelatt – Ingen boliger" in inputs
    assert "Folketall 1. januar: vekt 1, eksponent 0,6" in inputs
    assert "Scenarioet er endret siden denne kjøringen." in inputs
    assert '<td>5001</td><td>Trondheim</td><td class="num">' in inputs  # the criterion values used
    detail = client_for(adviser).get(reverse("settlement:scenario", args=[2021, scenario.pk])).content.decode()
    assert "Sainte-Laguë" in detail and "Scenarioet er endret siden siste kjøring." in detail


def test_the_lot_the_municipalitys_minimum_and_the_lowest_draw_have_distinct_names(
    year_2021, scenario, adviser, client_for
):
    client = client_for(adviser)
    form = client.get(reverse("settlement:scenario_create", args=[2021])).content.decode()
    assert "Minstetall (lodd)" in form and '<th scope="col">Minimum for kommunen</th>' in form
    assert 'aria-label="Minimum for 5001 Trondheim"' in form
    sensitivity = client.get(
        reverse("settlement:scenario_sensitivity", args=[2021, scenario.pk]),
        {"draws": "3", "spread": "20", "seed": "1"},
    ).content.decode()
    headers = re.findall(r'<th scope="col" class="num">([^<]+)</th>', sensitivity)
    assert headers == ["Med vektene som satt", "Lavest", "Median", "Høyest"]
    assert "Minstetall" not in sensitivity
