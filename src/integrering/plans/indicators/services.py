"""Writes of indicators, their targets and hand-entered values (a new value for a year is added; earlier ones are
kept and the newest counts)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.registry import metric
from integrering.plans.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from integrering.plans.plans.models import Goal
from integrering.plans.plans.services import record_update


def _metric_check(metric_key: str) -> None:
    if metric_key and metric(metric_key) is None:
        raise ApplicationError(_("Unknown source for an automatic indicator."), field="metric_key")


def indicator_create(
    *,
    goal: Goal,
    name: str,
    unit: str = "",
    baseline: Decimal | int | None = None,
    baseline_year: int | None = None,
    metric_key: str = "",
) -> Indicator:
    _metric_check(metric_key)
    if metric_key and not unit:
        found = metric(metric_key)
        unit = found.unit if found else ""
    return Indicator.objects.create(
        goal=goal, name=name, unit=unit, baseline=baseline, baseline_year=baseline_year, metric_key=metric_key
    )


def indicator_update(*, indicator: Indicator, version: int | None = None, **fields: Any) -> Indicator:
    _metric_check(fields.get("metric_key", indicator.metric_key))
    record_update(record=indicator, version=version, fields=fields)
    return indicator


def indicator_target_set(*, indicator: Indicator, year: int, value: Decimal | int | None) -> None:
    """The target for ``year``; ``None`` removes it."""
    if value is None:
        IndicatorTarget.objects.filter(indicator=indicator, year=year).delete()
        return
    IndicatorTarget.objects.update_or_create(indicator=indicator, year=year, defaults={"value": value})


def indicator_value_add(
    *, indicator: Indicator, year: int, value: Decimal | int, note: str = "", user: Any = None
) -> IndicatorValue:
    if indicator.automatic:
        raise ApplicationError(_("The values of an automatic indicator are computed, not entered."), field="value")
    return IndicatorValue.objects.create(indicator=indicator, year=year, value=value, note=note, entered_by=user)
