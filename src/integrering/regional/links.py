"""Activities as records a plan measure can link to (``core.registry.linkable_register``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format

from integrering.regional.activities.models import Activity

OPTIONS_LIMIT = 500


def _label(activity: Activity) -> str:
    return f"{date_format(activity.start_date, 'SHORT_DATE_FORMAT')} {activity.title}"


def activity_options(*, county: Any) -> list[tuple[int, str]]:
    rows = Activity.objects.for_county(county).only("pk", "title", "start_date")[:OPTIONS_LIMIT]
    return [(a.pk, _label(a)) for a in rows]


def activity_describe(*, county: Any, ids: list[int]) -> dict[int, tuple[str, str]]:
    rows = Activity.objects.for_county(county).filter(pk__in=ids).only("pk", "title", "start_date")
    return {a.pk: (_label(a), reverse("regional:activity", kwargs={"pk": a.pk})) for a in rows}
