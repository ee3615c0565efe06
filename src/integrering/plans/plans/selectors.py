"""Reads of plans and their tree, scoped to the user's county; a constant number of queries per page."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.plans.measures.models import Measure, MeasureStatus
from integrering.plans.plans.models import FocusArea, Goal, Plan

OPEN_STATUSES = (MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS)


def plans_for_user(user: Any) -> QuerySet[Plan]:
    return Plan.objects.scoped_for(user)


def plan_for_user(user: Any, pk: int) -> Plan:
    plan = plans_for_user(user).filter(pk=pk).first()
    if plan is None:
        raise Http404(_("The plan was not found."))
    return plan


def public_plan(slug: str) -> Plan:
    plan = Plan.objects.filter(slug=slug, public=True).select_related("county").first()
    if plan is None:
        raise Http404(_("The plan was not found."))
    return plan


def focus_area_for_user(user: Any, pk: int) -> FocusArea:
    found = FocusArea.objects.scoped_for(user).select_related("plan").filter(pk=pk).first()
    if found is None:
        raise Http404(_("Not found."))
    return found


def goal_for_user(user: Any, pk: int) -> Goal:
    found = Goal.objects.scoped_for(user).select_related("focus_area__plan").filter(pk=pk).first()
    if found is None:
        raise Http404(_("Not found."))
    return found


def plan_tree(plan: Plan, *, measures: Any = None) -> list[FocusArea]:
    """Focus areas → goals → measures (with the responsible person) and indicators: four queries, whatever the
    size of the plan."""
    measures = measures if measures is not None else Measure.objects.select_related("primary_person")
    goals: Any = Goal.objects.prefetch_related(Prefetch("measures", queryset=measures), "indicators")  # type: ignore[arg-type]  # the stubs' Prefetch generics reject a plain lookup name
    return list(plan.focus_areas.prefetch_related(Prefetch("goals", queryset=goals)))  # type: ignore[arg-type]  # as above


def stale_before(plan: Plan, now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=plan.stale_days)


def stale_q(plan: Plan, now: datetime.datetime | None = None) -> Q:
    """An open measure of ``plan`` without a status update for the plan's number of days (created before then)."""
    before = stale_before(plan, now)
    return Q(goal__focus_area__plan=plan, status__in=OPEN_STATUSES) & (
        Q(last_update_at__lt=before) | Q(last_update_at__isnull=True, created_at__lt=before)
    )


def stale_measures(plans: list[Plan], now: datetime.datetime | None = None) -> QuerySet[Measure]:
    """The stale measures of ``plans`` (each plan with its own number of days), oldest update first."""
    condition = Q(pk__in=[])
    for plan in plans:
        condition |= stale_q(plan, now)
    return (
        Measure.objects.filter(condition)
        .select_related("goal__focus_area__plan", "primary_person")
        .order_by("last_update_at", "identifier")
    )
