"""Activities as records a plan measure can link to (``core.registry.linkable_register``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format

from integrering.core.registry import GRANT_KIND, linkable_kind
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


def activity_grant(activity: Activity) -> tuple[str, str] | None:
    """The grant that funded the activity, as (label, url), through the grants app's linkable kind. A grant that is
    no longer awarded (or an app that is not installed) is named by its number only, without a link."""
    if activity.grant_id is None:
        return None
    kind = linkable_kind(GRANT_KIND)
    described = kind.describe(county=activity.county_id, ids=[activity.grant_id]) if kind else {}
    return described.get(activity.grant_id) or (f"#{activity.grant_id}", "")
