"""The demo data reaches the planning year (2027 on 03.12.2026): plausible, deterministic figures for 2024–2026,
2027 with IMDi's frame and deadlines in planning; loading it again changes nothing."""

import io

import pytest

from integrering.settlement import demo
from integrering.settlement.models import Recommendation, SettlementFigure, SettlementYear, Stage
from integrering.settlement.years.status import year_phase, year_warnings


@pytest.fixture
def loaded(county):
    demo.load(county=county, stdout=io.StringIO())
    return county


def _figures(year):
    return list(SettlementFigure.objects.filter(settlement_year__year=year).order_by("municipality__number"))


def test_the_demo_years_run_from_2021_to_the_planning_year_2027(loaded):
    assert list(SettlementYear.objects.order_by("year").values_list("year", flat=True)) == list(range(2021, 2028))
    planning = SettlementYear.objects.get(year=2027)
    assert planning.total and planning.total_minors and planning.decision_deadline and planning.recommendation_deadline
    assert not planning.figures.exists() and year_phase(planning).stage == Stage.PLANNING
    assert "DEMODATA" in planning.notes


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_recent_years_have_plausible_figures_and_a_frozen_recommendation(loaded, year):
    figures = _figures(year)
    assert len(figures) == 38
    for f in figures:
        assert f.requested is not None and f.recommended is not None
        assert f.decided is None or f.decided <= f.requested
        assert f.settled is None or f.settled <= (f.decided or 0)
        assert f.requested_ema <= f.requested
        assert f.decided_ema is None or f.decided_ema <= f.decided
    assert sum(f.requested for f in figures) > 0
    assert any(f.decided is not None and f.decided < f.requested for f in figures)  # some decide less
    assert Recommendation.objects.filter(settlement_year__year=year, version=1).exists()
    assert year_phase(SettlementYear.objects.get(year=year)).stage == Stage.SETTLING


def test_the_current_year_shows_the_warnings_of_a_year_in_progress(loaded):
    import datetime

    year = SettlementYear.objects.get(year=2026)
    kinds = {w.kind for w in year_warnings(year, datetime.date(2026, 12, 3))}
    assert kinds == {"frame", "below_request", "no_decision"}


def test_the_demo_is_deterministic_and_loading_it_again_changes_nothing(loaded, county):
    before = [(f.pk, f.version, f.requested, f.decided, f.settled) for f in _figures(2025)]
    years = [(y.pk, y.version) for y in SettlementYear.objects.order_by("year")]
    demo.load(county=county, stdout=io.StringIO())
    assert [(f.pk, f.version, f.requested, f.decided, f.settled) for f in _figures(2025)] == before
    assert [(y.pk, y.version) for y in SettlementYear.objects.order_by("year")] == years
    assert demo._recent("5001", 140, 2025) == demo._recent("5001", 140, 2025)
    assert before[0][2:] == tuple(demo._recent("5001", 140, 2025)[k] for k in ("requested", "decided", "settled"))
