"""Reads of indicators: the series per year (baseline, target, value and where the value comes from)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from integrering.core.registry import metric
from integrering.plans.indicators.models import Indicator


@dataclass
class Point:
    year: int
    target: Decimal | None
    value: float | Decimal | None


def indicator_for_user(user: Any, pk: int) -> Indicator:
    found = (
        Indicator.objects.scoped_for(user)
        .select_related("goal__focus_area__plan__county")
        .prefetch_related("targets", "values")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404(_("The indicator was not found."))
    return found


def indicator_source(indicator: Indicator) -> str:
    """Where the values come from: the registered metric's source, or «entered by hand»."""
    if not indicator.metric_key:
        return _("Entered by hand")
    found = metric(indicator.metric_key)
    return str(found.source) if found else _("Computed (the source is not installed)")


def indicator_years(indicator: Indicator) -> list[int]:
    plan = indicator.goal.focus_area.plan
    first = min(plan.first_year, indicator.baseline_year or plan.first_year)
    return list(range(first, plan.last_year + 1))


def indicator_series(
    indicator: Indicator, *, years: list[int] | None = None, memo: dict[tuple, Any] | None = None
) -> list[Point]:
    """One point per year of the plan (from the baseline year): target, and the value — the newest hand-entered
    one, or the metric computed for the county and year (None: no data, never 0). ``memo`` shares computed metric
    values between the indicators of one page or report (a metric is computed once per county and year)."""
    memo = {} if memo is None else memo
    years = years or indicator_years(indicator)
    targets = {t.year: t.value for t in indicator.targets.all()}
    values: dict[int, float | Decimal | None] = {}
    if indicator.metric_key:
        found = metric(indicator.metric_key)
        county = indicator.goal.focus_area.plan.county
        for year in years:
            key = (indicator.metric_key, county.pk, year)
            if key not in memo:
                memo[key] = found.compute(county=county, year=year) if found else None
            values[year] = memo[key]
    else:
        for entry in sorted(indicator.values.all(), key=lambda v: (v.year, v.entered_at, v.pk)):
            values[entry.year] = entry.value
    return [Point(year, targets.get(year), values.get(year)) for year in years]
