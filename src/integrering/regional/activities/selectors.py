"""Reads of activities, scoped to the user's county."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.regional.activities.models import Activity, ActivityArea


@dataclass(frozen=True)
class ActivityFilter:
    area: int | None = None
    activity_type: str = ""
    municipality: Any = None  # a Municipality
    start: datetime.date | None = None
    end: datetime.date | None = None
    status: str = ""
    adviser: Any = None  # a User


def with_lists(qs: QuerySet[Activity]) -> QuerySet[Activity]:
    """What a list row shows, in a constant number of queries however many activities there are."""
    return qs.prefetch_related(
        Prefetch("area_rows", queryset=ActivityArea.objects.order_by("area")),
        "municipalities",
        "advisers",
    )


def activities_filtered(qs: QuerySet[Activity], f: ActivityFilter) -> QuerySet[Activity]:
    if f.area:
        qs = qs.filter(pk__in=ActivityArea.objects.filter(area=f.area).values("activity_id"))
    if f.activity_type:
        qs = qs.filter(activity_type=f.activity_type)
    if f.municipality is not None:
        qs = qs.filter(
            pk__in=Activity.municipalities.through.objects.filter(municipality_id=f.municipality.pk).values(
                "activity_id"
            )
        )
    if f.start:
        qs = qs.filter(start_date__gte=f.start)
    if f.end:
        qs = qs.filter(start_date__lte=f.end)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.adviser is not None:
        qs = qs.filter(pk__in=Activity.advisers.through.objects.filter(user_id=f.adviser.pk).values("activity_id"))
    return qs


def activities_for_user(user: Any, f: ActivityFilter | None = None) -> QuerySet[Activity]:
    qs = Activity.objects.scoped_for(user)
    return activities_filtered(qs, f or ActivityFilter())


def activities_for_county(county: Any, f: ActivityFilter | None = None) -> QuerySet[Activity]:
    return activities_filtered(Activity.objects.for_county(county), f or ActivityFilter())


def activity_for_user(user: Any, pk: int) -> Activity:
    activity = (
        with_lists(Activity.objects.scoped_for(user))
        .prefetch_related("follow_ups__owner", "attachments")
        .filter(pk=pk)
        .first()
    )
    if activity is None:
        raise Http404(_("There is no such activity."))
    return activity
