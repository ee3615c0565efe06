"""Writes of plans, focus areas and goals (keyword-only; a broken rule is an ``ApplicationError``)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.versioning import Versioned, expect_version
from integrering.plans.plans.models import FocusArea, Goal, Plan, PlanStatus

# The pages under /planer/ whose first word a plan's public address (/planer/<slug>/) must not take.
RESERVED_SLUGS = frozenset({"ny", "arsrapport", "lenker", "fokusomrader", "mal", "tiltak", "indikatorer", "rapporter"})
PLAN_FIELDS = ("title", "slug", "first_year", "last_year", "status", "adopted_on", "adopted_by", "public", "stale_days")


def record_update(*, record: Versioned, version: int | None, fields: dict[str, Any]) -> Versioned:
    """Set ``fields`` on ``record`` and save it if nobody has saved it since ``version`` (else ``ConcurrentEdit``)."""
    expect_version(record, version)
    for name, value in fields.items():
        setattr(record, name, value)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:
        raise ApplicationError(_("The number is already used at this level."), field="identifier") from error
    return record


def _plan_check(data: dict[str, Any]) -> None:
    if data["last_year"] < data["first_year"]:
        raise ApplicationError(_("The last year cannot be before the first year."), field="last_year")
    if data["status"] == PlanStatus.ADOPTED and not (data.get("adopted_on") and data.get("adopted_by")):
        raise ApplicationError(_("An adopted plan needs the date and the body that adopted it."), field="adopted_on")
    if str(data["slug"]).isdigit():
        raise ApplicationError(_("The address name must contain a letter."), field="slug")
    if data["slug"] in RESERVED_SLUGS:
        raise ApplicationError(_("The address name is used by the application; choose another."), field="slug")


def plan_create(
    *,
    county: Any,
    title: str,
    slug: str,
    first_year: int,
    last_year: int,
    status: str = PlanStatus.DRAFT,
    adopted_on: datetime.date | None = None,
    adopted_by: str = "",
    public: bool = False,
    stale_days: int = 90,
) -> Plan:
    data = {
        "title": title,
        "slug": slug,
        "first_year": first_year,
        "last_year": last_year,
        "status": status,
        "adopted_on": adopted_on,
        "adopted_by": adopted_by,
        "public": public,
        "stale_days": stale_days,
    }
    _plan_check(data)
    if Plan.objects.filter(slug=slug).exists():
        raise ApplicationError(_("Another plan already has this address name."), field="slug")
    return Plan.objects.create(county_id=getattr(county, "pk", county), **data)


def plan_update(*, plan: Plan, version: int | None = None, **fields: Any) -> Plan:
    data = {name: fields.get(name, getattr(plan, name)) for name in PLAN_FIELDS}
    _plan_check(data)
    if Plan.objects.filter(slug=data["slug"]).exclude(pk=plan.pk).exists():
        raise ApplicationError(_("Another plan already has this address name."), field="slug")
    record_update(record=plan, version=version, fields=data)
    return plan


def focus_area_create(*, plan: Plan, identifier: str, title: str, area: str = "", description: str = "") -> FocusArea:
    if plan.focus_areas.filter(identifier=identifier).exists():
        raise ApplicationError(_("The number is already used at this level."), field="identifier")
    return FocusArea.objects.create(plan=plan, identifier=identifier, title=title, area=area, description=description)


def focus_area_update(*, focus_area: FocusArea, version: int | None = None, **fields: Any) -> FocusArea:
    record_update(record=focus_area, version=version, fields=fields)
    return focus_area


def goal_create(*, focus_area: FocusArea, identifier: str, title: str, description: str = "") -> Goal:
    if focus_area.goals.filter(identifier=identifier).exists():
        raise ApplicationError(_("The number is already used at this level."), field="identifier")
    return Goal.objects.create(focus_area=focus_area, identifier=identifier, title=title, description=description)


def goal_update(*, goal: Goal, version: int | None = None, **fields: Any) -> Goal:
    record_update(record=goal, version=version, fields=fields)
    return goal
