"""The year's stage follows its data; a stage set by hand needs a reason, is audited and can be cleared."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from integrering.core.exceptions import ApplicationError
from integrering.settlement.models import Recommendation, SettlementFigure, SettlementYear, Stage
from integrering.settlement.years.services import settlement_year_update
from integrering.settlement.years.status import NEXT_STEP, phases_of_years, year_phase
from tests.settlement.scenario_fixtures import year_2021  # noqa: F401


def _figures(year, **values):
    SettlementFigure.objects.filter(settlement_year=year).update(**values)


def test_the_stage_follows_the_data_from_planning_to_settling(year_2021):
    _figures(year_2021, requested=None)
    assert year_phase(year_2021).stage == Stage.PLANNING
    Recommendation.objects.create(settlement_year=year_2021, version=1, numbers={"5001": 1})
    assert year_phase(year_2021).stage == Stage.RECOMMENDED
    _figures(year_2021, requested=10)
    phase = year_phase(year_2021)
    assert phase.stage == Stage.REQUESTED and "38 av 38" in phase.evidence
    SettlementFigure.objects.filter(settlement_year=year_2021).exclude(municipality__number="5001").update(decided=10)
    assert year_phase(year_2021).stage == Stage.REQUESTED  # Trondheim's decision is missing
    _figures(year_2021, decided=8)
    assert year_phase(year_2021).stage == Stage.DECIDED
    SettlementFigure.objects.filter(settlement_year=year_2021, municipality__number="5001").update(settled=3)
    phase = year_phase(year_2021)
    assert phase.stage == Stage.SETTLING and phase.next_step == NEXT_STEP[Stage.SETTLING]


def test_in_planning_the_next_step_depends_on_whether_imdis_frame_is_registered(county):
    year = SettlementYear.objects.create(county=county, year=2027)
    assert year_phase(year).next_step == NEXT_STEP[Stage.PLANNING]  # register the frame first
    year.total = 400
    assert "Kjør scenarioene" in str(year_phase(year).next_step)


def test_a_municipality_asked_for_zero_needs_no_decision(year_2021):
    _figures(year_2021, requested=0)
    assert year_phase(year_2021).stage == Stage.DECIDED


def test_the_list_of_years_computes_the_same_stage(year_2021):
    empty = SettlementYear.objects.create(county=year_2021.county, year=2022)
    phases = phases_of_years([year_2021, empty])
    assert phases[year_2021.pk].stage == year_phase(year_2021).stage == Stage.REQUESTED
    assert phases[empty.pk].stage == Stage.PLANNING


def test_an_override_needs_a_reason(year_2021):
    with pytest.raises(ApplicationError) as raised:
        settlement_year_update(
            settlement_year=year_2021, version=year_2021.version, data={"stage_override": Stage.DECIDED}
        )
    assert "begrunnelse" in raised.value.user_message
    assert SettlementYear.objects.get(pk=year_2021.pk).stage_override == ""


def test_an_adviser_sets_the_stage_by_hand_with_a_reason_it_is_audited_and_cleared(year_2021, adviser, client_for):
    client = client_for(adviser)
    url = reverse("settlement:year_edit", args=[2021])
    base = {"total": "619"}
    response = client.post(url, {**base, "stage_override": "decided", "version": year_2021.version})
    assert response.status_code == 400 and "Oppgi en begrunnelse" in response.content.decode()
    response = client.post(
        url,
        {**base, "stage_override": "decided", "stage_override_reason": "Vedtak meldt på telefon", "version": 1},
    )
    assert response.status_code == 302
    year_2021.refresh_from_db()
    phase = year_phase(year_2021)
    assert phase.stage == Stage.DECIDED and phase.computed == Stage.REQUESTED and phase.overridden
    page = client.get("/bosetting/2021/").content.decode()
    assert "Vedtak meldt på telefon" in page and "satt manuelt" in page
    entry = LogEntry.objects.get_for_object(year_2021).order_by("-timestamp").first()
    assert entry.actor == adviser
    assert entry.changes_dict["stage_override"][1] == "decided"
    assert entry.changes_dict["stage_override_reason"][1] == "Vedtak meldt på telefon"
    response = client.post(
        url,
        {**base, "stage_override": "", "stage_override_reason": "gammel", "version": year_2021.version},
    )
    assert response.status_code == 302
    year_2021.refresh_from_db()
    assert year_2021.stage_override == "" and year_2021.stage_override_reason == ""
    assert year_phase(year_2021).stage == Stage.REQUESTED
    assert LogEntry.objects.get_for_object(year_2021).filter(action=LogEntry.Action.UPDATE).count() == 2


def test_the_year_page_shows_the_stage_and_the_next_step(year_2021, adviser, client_for):
    page = client_for(adviser).get("/bosetting/2021/").content.decode()
    assert 'aria-current="step"' in page
    assert str(NEXT_STEP[Stage.REQUESTED]) in page
