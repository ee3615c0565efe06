"""The snapshot of a plan: every measure's status, light, latest status update and every indicator's series, as
plain JSON (codes, not labels: a completed report is shown in the reader's language)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from integrering.plans.indicators.models import Indicator
from integrering.plans.indicators.selectors import indicator_series, indicator_source, indicator_years
from integrering.plans.measures.models import Measure, StatusUpdate
from integrering.plans.plans.models import Plan


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def latest_updates(
    measures: Any, *, at: datetime.datetime | None = None, public_only: bool = False
) -> dict[int, StatusUpdate]:
    """The newest status update of each of ``measures`` (a queryset), written at or before ``at`` (and, with
    ``public_only``, marked public): two queries, however long the histories."""
    updates = StatusUpdate.objects.filter(measure=OuterRef("pk"))
    if at is not None:
        updates = updates.filter(created_at__lte=at)
    if public_only:
        updates = updates.filter(public=True)
    newest = updates.order_by("-created_at", "-pk").values("pk")[:1]
    ids = [pk for pk in measures.annotate(newest=Subquery(newest)).values_list("newest", flat=True) if pk]
    return {u.measure_id: u for u in StatusUpdate.objects.filter(pk__in=ids).select_related("author")}


def plan_snapshot(plan: Plan, *, at: datetime.datetime | None = None) -> dict[str, Any]:
    at = at or timezone.now()
    latest = latest_updates(Measure.objects.filter(goal__focus_area__plan=plan), at=at)
    measures = []
    for m in (
        Measure.objects.filter(goal__focus_area__plan=plan)
        .select_related("goal__focus_area")
        .order_by("goal__focus_area__identifier", "goal__identifier", "identifier")
    ):
        update = latest.get(m.pk)
        measures.append(
            {
                "id": m.pk,
                "identifier": m.identifier,
                "title": m.title,
                "focus_area": f"{m.goal.focus_area.identifier} {m.goal.focus_area.title}",
                "goal": f"{m.goal.identifier} {m.goal.title}",
                "status": m.status,
                "light": m.light,
                "light_comment": m.light_comment,
                "latest_update": None
                if update is None
                else {
                    "at": update.created_at.isoformat(),
                    "text": update.text,
                    "author": update.author.get_full_name() or update.author.username,
                },
            }
        )
    indicators = []
    memo: dict[tuple, Any] = {}
    for indicator in (
        Indicator.objects.filter(goal__focus_area__plan=plan)
        .select_related("goal__focus_area__plan__county")
        .prefetch_related("targets", Prefetch("values"))
        .order_by("goal__identifier", "name")
    ):
        series = indicator_series(indicator, years=indicator_years(indicator), memo=memo)
        indicators.append(
            {
                "id": indicator.pk,
                "name": indicator.name,
                "unit": indicator.unit,
                "goal": f"{indicator.goal.identifier} {indicator.goal.title}",
                "source": indicator_source(indicator),
                "baseline": _number(indicator.baseline),
                "baseline_year": indicator.baseline_year,
                "points": [{"year": p.year, "target": _number(p.target), "value": _number(p.value)} for p in series],
            }
        )
    return {
        "taken_at": at.isoformat(),
        "plan": {"id": plan.pk, "title": plan.title, "period": plan.period},
        "measures": measures,
        "indicators": indicators,
    }
