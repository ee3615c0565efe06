"""The recommendation: a frozen, versioned choice of a scenario run, copied to the year's figures, exported."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from integrering.core.exceptions import ApplicationError
from integrering.settlement.models import Recommendation, SettlementFigure, Stage
from integrering.settlement.recommendation import services as recommendation_services
from integrering.settlement.recommendation.services import recommendation_make
from integrering.settlement.scenarios.services import scenario_run, scenario_update
from integrering.settlement.years.status import year_phase
from tests.settlement.scenario_fixtures import run, year_2021, year_2022  # noqa: F401


def test_choosing_a_run_makes_version_1_copies_the_numbers_and_moves_the_stage(run, year_2021, adviser):
    SettlementFigure.objects.filter(settlement_year=year_2021).update(requested=None)  # before IMDi's requests
    assert year_phase(year_2021).stage == Stage.PLANNING
    version_before = year_2021.version
    recommendation = recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    assert recommendation.version == 1 and sum(recommendation.numbers.values()) == 619
    assert "grunntall på 14" in recommendation.method_description
    figures = {
        f.municipality.number: f
        for f in SettlementFigure.objects.filter(settlement_year=year_2021).select_related("municipality")
    }
    assert all(figures[n].recommended == v for n, v in recommendation.numbers.items())
    assert figures["5001"].requested is None  # the other figures are untouched
    year_2021.refresh_from_db()
    assert year_phase(year_2021).stage == Stage.RECOMMENDED
    assert year_2021.version == version_before + 1


def test_a_later_version_needs_a_reason_and_leaves_the_earlier_one_as_it_was(run, year_2021, adviser):
    first = recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    frozen = dict(first.numbers)
    scenario_update(scenario=_copy_scenario(run, adviser), base=0)
    other_run = scenario_run(scenario=run.scenario.__class__.objects.exclude(pk=run.scenario_id).get(), user=adviser)
    with pytest.raises(ApplicationError, match="begrunnelse"):
        recommendation_make(settlement_year=year_2021, user=adviser, run=other_run, reason="  ")
    second = recommendation_make(settlement_year=year_2021, user=adviser, run=other_run, reason="Nye tall fra IMDi")
    first.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.numbers == frozen and second.numbers != frozen
    assert (
        SettlementFigure.objects.get(settlement_year=year_2021, municipality__number="5001").recommended
        == second.numbers["5001"]
    )


def _copy_scenario(run, adviser):
    from integrering.settlement.scenarios.services import scenario_copy

    return scenario_copy(scenario=run.scenario, user=adviser)


def test_no_service_changes_a_recommendation():
    writers = [
        name
        for name in dir(recommendation_services)
        if name.startswith("recommendation_") and name != "recommendation_make"
    ]
    assert writers == []


def test_the_chosen_scenario_is_locked_but_can_be_copied(run, year_2021, adviser, client_for):
    recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    with pytest.raises(ApplicationError, match="låst"):
        scenario_update(scenario=run.scenario, base=0)
    client = client_for(adviser)
    response = client.get(reverse("settlement:scenario_edit", args=[2021, run.scenario_id]))
    assert response.status_code == 302
    assert client.post(reverse("settlement:scenario_copy", args=[2021, run.scenario_id])).status_code == 302


def test_the_page_requires_a_reason_for_version_2(run, year_2021, adviser, client_for):
    client = client_for(adviser)
    url = reverse("settlement:recommendation_choose", args=[2021, run.pk])
    assert client.post(url, {"reason": "", "confirm": "on"}).status_code == 302
    response = client.post(url, {"reason": "", "confirm": "on"})
    assert response.status_code == 400 and Recommendation.objects.count() == 1
    assert client.post(url, {"reason": "Endret etter dialogmøte", "confirm": "on"}).url == reverse(
        "settlement:recommendation", args=[2021, 2]
    )
    page = client.get(reverse("settlement:recommendation", args=[2021, 1])).content.decode()
    assert "tidligere versjon" in page


def test_exports_in_the_seeds_form_with_a_total_row(run, year_2021, adviser, client_for):
    recommendation = recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    client = client_for(adviser)
    response = client.get(reverse("settlement:recommendation_export", args=[2021, 1, "csv"]))
    assert response["Content-Disposition"] == 'attachment; filename="anbefaling-50-2021-v1.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["kommunenummer", "navn", "anbefalt"]
    assert rows[1][:2] == ["5001", "Trondheim"] and rows[-1] == ["", "Sum", "619"]
    assert len(rows) == 1 + 38 + 1
    response = client.get(reverse("settlement:recommendation_export", args=[2021, 1, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("kommunenummer", "navn", "anbefalt")
    assert values[1][2] == recommendation.numbers["5001"] and values[-1] == (None, "Sum", 619)


def test_an_unknown_format_is_not_found(run, year_2021, adviser, client_for):
    recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    assert (
        client_for(adviser).get(reverse("settlement:recommendation_export", args=[2021, 1, "doc"])).status_code == 404
    )


def test_municipal_users_cannot_choose_or_read_the_recommendation_pages(
    run, year_2021, adviser, municipal_user, client_for
):
    recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    client = client_for(municipal_user)
    assert (
        client.post(reverse("settlement:recommendation_choose", args=[2021, run.pk]), {"reason": "x"}).status_code
        == 403
    )
    for url in [
        reverse("settlement:recommendations", args=[2021]),
        reverse("settlement:recommendation", args=[2021, 1]),
        reverse("settlement:recommendation_export", args=[2021, 1, "xlsx"]),
    ]:
        assert client.get(url).status_code == 404, url
    assert Recommendation.objects.count() == 1


def test_a_recommendation_from_plain_numbers_has_no_run_and_still_exports(year_2021, adviser, client_for):
    recommendation_make(
        settlement_year=year_2021,
        user=None,
        numbers={"5001": 140, "5006": 33},
        description="Tabellen fra seed-presentasjonen.",
    )
    client = client_for(adviser)
    page = client.get(reverse("settlement:recommendation", args=[2021, 1])).content.decode()
    assert "Tabellen fra seed-presentasjonen." in page and "173" in page
    assert client.get(reverse("settlement:recommendation_export", args=[2021, 1, "pdf"])).status_code == 200
    with pytest.raises(ApplicationError):
        recommendation_make(settlement_year=year_2021, user=adviser, numbers={"0301": 10}, reason="Oslo")


def test_the_copied_numbers_are_in_the_audit_log(run, year_2021, adviser):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    figures = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(SettlementFigure))
    assert figures.count() == 38
    assert LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Recommendation)).count() == 1


def test_the_frozen_recommendation_cannot_be_changed_through_the_year_table_or_an_import(
    year_2021, adviser, client_for
):
    from integrering.settlement.figures import imports

    recommendation_make(settlement_year=year_2021, user=None, numbers={"5001": 140, "5006": 33})
    county = year_2021.county
    same = imports.import_plan(
        county=county, year=2021, content=b"kommunenummer;anbefalt;anmodet\n5001;140;150\n", filename="x.csv"
    )
    assert same.errors == [] and [c.column for c in same.changes] == ["anmodet"]
    changed = imports.import_plan(
        county=county, year=2021, content=b"kommunenummer;anbefalt\n5001;99\n5006;\n", filename="x.csv"
    )
    assert [e.split(":")[0] for e in changed.errors] == ["Rad 2, kolonne «anbefalt»", "Rad 3, kolonne «anbefalt»"]
    assert "låst" in changed.errors[0]

    figure = SettlementFigure.objects.get(settlement_year=year_2021, municipality__number="5001")
    url = reverse("settlement:figure_edit", args=[2021, "5001"])
    response = client_for(adviser).post(url, {"version": figure.version, "recommended": "99", "requested": "150"})
    assert response.status_code == 400  # refused with a message, not saved without the change
    assert "«Anbefalt» er låst av fylkets anbefaling for 2021" in response.content.decode()
    figure.refresh_from_db()
    assert (figure.recommended, figure.requested) == (140, 140)
    response = client_for(adviser).post(url, {"version": figure.version, "requested": "150"})  # the field is disabled
    assert response.status_code == 302
    figure.refresh_from_db()
    assert (figure.recommended, figure.requested) == (140, 150)
    assert Recommendation.objects.get().numbers["5001"] == 140
