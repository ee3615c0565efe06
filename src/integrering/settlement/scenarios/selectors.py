"""Reads for scenarios and their runs: the user's county only.

Scenarios are the county's working material: a municipal user never sees them (a 404, as for anything
outside the user's scope; see :func:`integrering.settlement.years.selectors.settlement_year_get`).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.settlement.scenarios.models import Scenario, ScenarioRun
from integrering.settlement.years.models import SettlementYear
from integrering.settlement.years.selectors import settlement_year_get

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class RunSummary(TypedDict):
    """What :func:`scenarios_of_year` adds to each scenario."""

    run_count: int
    last_run_at: datetime.datetime | None
    latest_run_id: int | None


def scenarios_of_year(settlement_year: SettlementYear) -> QuerySet[WithAnnotations[Scenario, RunSummary]]:
    latest = ScenarioRun.objects.filter(scenario=OuterRef("pk")).order_by("-run_at", "-pk").values("pk")[:1]
    return (
        Scenario.objects.for_county(settlement_year.county_id)
        .filter(settlement_year=settlement_year)
        .select_related("created_by")
        .annotate(run_count=Count("runs"), last_run_at=Max("runs__run_at"), latest_run_id=Subquery(latest))
        .order_by("-created_at", "-pk")
    )


def scenario_get(user, year: int, pk: int) -> Scenario:
    settlement_year = settlement_year_get(user, year)
    scenario = (
        Scenario.objects.scoped_for(user)
        .select_related("settlement_year__county", "created_by")
        .filter(settlement_year=settlement_year, pk=pk)
        .first()
    )
    if scenario is None:
        raise Http404(_("The scenario was not found."))
    return scenario


def runs_of_scenario(scenario: Scenario) -> QuerySet[ScenarioRun]:
    return scenario.runs.select_related("run_by").defer("inputs", "result").order_by("-run_at", "-pk")


def run_get(user, year: int, pk: int) -> ScenarioRun:
    settlement_year_get(user, year)
    run = (
        ScenarioRun.objects.scoped_for(user)
        .select_related("scenario__settlement_year__county", "run_by")
        .filter(scenario__settlement_year__year=year, pk=pk)
        .first()
    )
    if run is None:
        raise Http404(_("The run was not found."))
    return run


def latest_run(scenario: Scenario) -> ScenarioRun | None:
    return scenario.runs.select_related("run_by").order_by("-run_at", "-pk").first()


def comparison_rows(a: ScenarioRun, b: ScenarioRun) -> list[dict]:
    """Per municipality: the two numbers and the difference (b − a); municipalities of either run."""
    rows_a = {r["kommunenummer"]: r for r in a.result["rows"]}
    rows_b = {r["kommunenummer"]: r for r in b.result["rows"]}
    rows = []
    for number in sorted(set(rows_a) | set(rows_b)):
        ra, rb = rows_a.get(number), rows_b.get(number)
        count_a = ra["antall"] if ra else None
        count_b = rb["antall"] if rb else None
        diff = None if count_a is None or count_b is None else count_b - count_a
        rows.append(
            {
                "number": number,
                "name": (ra or rb or {})["navn"],  # one of them has the number
                "a": count_a,
                "b": count_b,
                "diff": diff,
                "magnitude": None if diff is None else abs(diff),
            }
        )
    return rows
