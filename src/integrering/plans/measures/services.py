"""Writes of measures, status updates (append-only: there is no service that changes or deletes one), action
programme revisions and links."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.registry import linkable_kind
from integrering.plans.measures.models import (
    ActionProgramme,
    ActionProgrammeItem,
    Light,
    Measure,
    MeasureLink,
    StatusUpdate,
)
from integrering.plans.plans.models import Area, Goal, Plan
from integrering.plans.plans.services import record_update

LIGHT_COMMENT_REQUIRED = _("Say why the light is not green.")


def _measure_check(fields: dict[str, Any]) -> None:
    if fields.get("light", Light.GREEN) != Light.GREEN and not str(fields.get("light_comment", "")).strip():
        raise ApplicationError(LIGHT_COMMENT_REQUIRED, field="light_comment")
    start, end = fields.get("start"), fields.get("end")
    if start and end and end < start:
        raise ApplicationError(_("The end cannot be before the start."), field="end")
    unknown = set(fields.get("areas") or []) - set(Area.values)
    if unknown:
        raise ApplicationError(_("Unknown area of responsibility."), field="areas")


def measure_create(*, goal: Goal, identifier: str, title: str, contributors: Any = (), **fields: Any) -> Measure:
    _measure_check(fields)
    if goal.measures.filter(identifier=identifier).exists():
        raise ApplicationError(_("The number is already used at this level."), field="identifier")
    with transaction.atomic():
        measure = Measure.objects.create(goal=goal, identifier=identifier, title=title, **fields)
        measure.contributors.set(contributors)
    return measure


def measure_update(*, measure: Measure, version: int | None = None, contributors: Any = None, **fields: Any) -> Measure:
    current = {
        "light": measure.light,
        "light_comment": measure.light_comment,
        "start": measure.start,
        "end": measure.end,
    }
    _measure_check(current | fields)
    with transaction.atomic():
        record_update(record=measure, version=version, fields=fields)
        if contributors is not None:
            measure.contributors.set(contributors)
    return measure


def status_update_post(
    *,
    measure: Measure,
    author: Any,
    text: str,
    status: str,
    light: str,
    light_comment: str = "",
    public: bool = False,
    at: datetime.datetime | None = None,
) -> StatusUpdate:
    """Append a status update; the measure takes its status and light. Earlier updates are never changed."""
    if not text.strip():
        raise ApplicationError(_("Write what has happened."), field="text")
    _measure_check({"light": light, "light_comment": light_comment})
    at = at or timezone.now()
    with transaction.atomic():
        update = StatusUpdate.objects.create(
            measure=measure,
            author=author,
            created_at=at,
            text=text.strip(),
            status=status,
            light=light,
            light_comment=light_comment.strip(),
            public=public,
        )
        # The measure's current state follows its newest update (a queryset update: no lost-update window).
        newest = measure.updates.order_by("-created_at", "-pk").first() or update
        Measure.objects.filter(pk=measure.pk).update(
            status=newest.status,
            light=newest.light,
            light_comment=newest.light_comment,
            last_update_at=newest.created_at,
        )
        measure.refresh_from_db()
    return update


def programme_revise(
    *, plan: Plan, year: int, items: list[dict[str, Any]], user: Any = None, note: str = ""
) -> ActionProgramme:
    """A new revision of the year's action programme with ``items`` ({measure, budget, responsible}); earlier
    revisions stay as they were."""
    if not plan.first_year <= year <= plan.last_year + 1:
        raise ApplicationError(_("The year is outside the plan's period."), field="year")
    measure_ids = {item["measure"].pk for item in items}
    if Measure.objects.filter(pk__in=measure_ids).exclude(goal__focus_area__plan=plan).exists():
        raise ApplicationError(_("A measure belongs to another plan."))
    with transaction.atomic():
        last = ActionProgramme.objects.select_for_update().filter(plan=plan, year=year).order_by("-revision").first()
        programme = ActionProgramme.objects.create(
            plan=plan, year=year, revision=(last.revision + 1) if last else 1, created_by=user, note=note
        )
        ActionProgrammeItem.objects.bulk_create(
            ActionProgrammeItem(
                programme=programme,
                measure=item["measure"],
                budget=item.get("budget"),
                responsible=item.get("responsible", ""),
            )
            for item in items
        )
    return programme


def measure_link_add(*, measure: Measure, kind: str, object_id: int) -> MeasureLink:
    registered = linkable_kind(kind)
    county = measure.goal.focus_area.plan.county
    if registered is None or object_id not in dict(registered.options(county=county)):
        raise ApplicationError(_("Choose a record from the list."), field="target")
    link, _created = MeasureLink.objects.get_or_create(measure=measure, kind=kind, object_id=object_id)
    return link


def measure_link_remove(*, measure: Measure, link_id: int) -> None:
    MeasureLink.objects.filter(measure=measure, pk=link_id).delete()


def record_tags_set(*, measures: list[Measure], kind: str, object_id: int, chosen: set[int]) -> None:
    """Link the record to the ``chosen`` measures among ``measures`` (the ones the user may see) and unlink it
    from the others."""
    allowed = {m.pk for m in measures}
    with transaction.atomic():
        MeasureLink.objects.filter(kind=kind, object_id=object_id, measure_id__in=allowed - chosen).delete()
        for measure_id in chosen & allowed:
            MeasureLink.objects.get_or_create(measure_id=measure_id, kind=kind, object_id=object_id)
