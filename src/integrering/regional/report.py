"""The year's activities in figures: ONE selector behind the ``activities-report`` command, the annual report's
«regional» section, the leader's start page and the plan's metrics (one source of truth)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Prefetch

from integrering.municipalities.models import Municipality
from integrering.regional.activities.models import Activity, ActivityArea
from integrering.regional.areas import Area

COLUMNS = ("dato", "tittel", "type", "omrader", "kommuner", "organisasjoner", "deltakere", "status")


def _activities(county: Any, year: int):
    return (
        Activity.objects.for_county(county)
        .filter(start_date__year=year)
        .order_by("start_date", "pk")
        .prefetch_related(
            Prefetch("area_rows", queryset=ActivityArea.objects.order_by("area")),
            Prefetch("municipalities", queryset=Municipality.objects.order_by("number")),
            "organisations",
        )
    )


def _organisations(activity: Activity) -> str:
    return ", ".join(sorted(o.name for o in activity.organisations.all()))


def activities_report(*, county: Any, year: int) -> dict[str, Any] | None:
    """{"rows", "per_area", "municipalities_reached", "municipalities_total"}; None when the year has no activity."""
    rows: list[dict[str, Any]] = []
    reached: set[str] = set()
    per_area: dict[int, dict[str, Any]] = defaultdict(lambda: {"activities": 0, "participants": 0, "kommuner": set()})
    for activity in _activities(county, year):
        areas = [row.area for row in activity.area_rows.all()]
        numbers = [m.number for m in activity.municipalities.all()]
        total = activity.participants_total
        reached.update(numbers)
        for area in areas:
            per_area[area]["activities"] += 1
            per_area[area]["participants"] += total
            per_area[area]["kommuner"].update(numbers)
        rows.append(
            {
                "dato": activity.start_date,
                "tittel": activity.title,
                "type": str(activity.get_activity_type_display()),
                "omrader": ",".join(str(a) for a in areas),
                "kommuner": ",".join(numbers),
                "organisasjoner": _organisations(activity),
                "deltakere": total,
                "status": str(activity.get_status_display()),
            }
        )
    if not rows:
        return None
    all_municipalities = Municipality.objects.for_county(county).valid_in(year).count()
    return {
        "rows": rows,
        "per_area": _per_area(per_area, all_municipalities),
        "municipalities_reached": len(reached),
        "municipalities_total": all_municipalities,
    }


def _per_area(per_area: dict[int, dict[str, Any]], all_municipalities: int) -> dict[str, dict[str, Any]]:
    return {
        str(area): {
            "label": str(Area(area).label),
            "activities": figures["activities"],
            "participants": figures["participants"],
            "municipalities_reached": len(figures["kommuner"]),
            "share_reached": round(len(figures["kommuner"]) / all_municipalities, 3) if all_municipalities else None,
        }
        for area, figures in sorted(per_area.items())
    }


def jsonable(report: dict[str, Any]) -> dict[str, Any]:
    """The report with dates as ISO text (for JSON and the annual report)."""
    rows = [
        {**row, "dato": row["dato"].isoformat() if isinstance(row["dato"], datetime.date) else row["dato"]}
        for row in report["rows"]
    ]
    return {**report, "rows": rows}


def report_section(*, county: Any, year: int) -> dict[str, Any] | None:
    report = activities_report(county=county, year=year)
    return jsonable(report) if report is not None else None


def municipalities_reached(*, county: Any, year: int) -> int | None:
    report = activities_report(county=county, year=year)
    return report["municipalities_reached"] if report is not None else None


def activities_per_municipality(*, county: Any, start: datetime.date, end: datetime.date, area: int | None = None):
    """{municipality number: activities in the period}, and per area the share of the county's municipalities
    reached (one query each, whatever the number of activities)."""
    from django.db.models import Count

    qs = Activity.objects.for_county(county).filter(start_date__gte=start, start_date__lte=end)
    if area:
        qs = qs.filter(pk__in=ActivityArea.objects.filter(area=area).values("activity_id"))
    through = Activity.municipalities.through.objects.filter(activity__in=qs)
    counts = dict(
        through.values_list("municipality__number").annotate(n=Count("activity_id", distinct=True)).order_by()
    )
    total = Municipality.objects.for_county(county).valid_in(end.year).count()
    per_area = (
        Activity.municipalities.through.objects.filter(
            activity__county=county, activity__start_date__gte=start, activity__start_date__lte=end
        )
        .values_list("activity__area_rows__area")
        .annotate(n=Count("municipality_id", distinct=True))
        .order_by("activity__area_rows__area")
    )
    shares = [
        {"area": a, "label": str(Area(a).label), "reached": n, "share": n / total if total else None}
        for a, n in per_area
        if a is not None
    ]
    return counts, shares, total


def activity_summaries(*, county: Any, year: int) -> list[dict[str, Any]]:
    """Per municipality of the county valid in the year: the activities that began in the year and reached it, in all
    and per area of responsibility (counts only: no title, no person). Two queries, whatever the number of
    activities; a municipality without activities is listed with zeros."""
    from django.db.models import Count

    activities = Activity.objects.for_county(county).filter(start_date__year=year)
    through = Activity.municipalities.through.objects.filter(activity__in=activities)
    totals = dict(
        through.values_list("municipality__number").annotate(n=Count("activity_id", distinct=True)).order_by()
    )
    per_area: dict[str, dict[str, int]] = defaultdict(dict)
    rows = (
        ActivityArea.objects.filter(activity__in=activities)
        .values_list("activity__municipalities__number", "area")
        .annotate(n=Count("activity_id", distinct=True))
        .order_by()
    )
    for number, area, n in rows:
        if number is not None:  # an activity that reached no municipality
            per_area[number][str(area)] = n
    numbers = Municipality.objects.for_county(county).valid_in(year).order_by("number").values_list("number", flat=True)
    return [
        {
            "kommunenummer": number,
            "aar": year,
            "aktiviteter": totals.get(number, 0),
            "per_omrade": dict(sorted(per_area.get(number, {}).items(), key=lambda item: int(item[0]))),
        }
        for number in numbers
    ]
