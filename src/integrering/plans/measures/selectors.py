"""Reads of measures, their history, the action programme and links, scoped to the user's county."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.core.registry import linkable_kind
from integrering.plans.measures.models import ActionProgramme, Measure, MeasureLink, StatusUpdate


def measure_for_user(user: Any, pk: int) -> Measure:
    found = (
        Measure.objects.scoped_for(user)
        .select_related("goal__focus_area__plan", "primary_person")
        .prefetch_related("contributors")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404(_("The measure was not found."))
    return found


def measure_history(measure: Measure) -> QuerySet[StatusUpdate]:
    return measure.updates.select_related("author").order_by("-created_at", "-pk")


def programme_revisions(plan: Any, year: int) -> list[ActionProgramme]:
    """Every revision of the year's programme, newest first, with its items (two queries)."""
    return list(
        ActionProgramme.objects.filter(plan=plan, year=year)
        .select_related("created_by")
        .prefetch_related("items__measure")
        .order_by("-revision")
    )


def measure_links(measure: Measure) -> list[dict[str, Any]]:
    """The measure's links as {id, kind label, label, url}, grouped by kind; a record that no longer exists (or a
    kind whose app is not installed) is left out."""
    county = measure.goal.focus_area.plan.county
    by_kind: dict[str, list[MeasureLink]] = {}
    for link in measure.links.all():
        by_kind.setdefault(link.kind, []).append(link)
    shown = []
    for key, links in sorted(by_kind.items()):
        kind = linkable_kind(key)
        if kind is None:
            continue
        described = kind.describe(county=county, ids=[link.object_id for link in links])
        for link in links:
            if link.object_id in described:
                label, url = described[link.object_id]
                shown.append({"id": link.pk, "kind": kind.label, "label": label, "url": url})
    return shown


def measures_serving(*, user: Any, kind: str, object_id: int) -> QuerySet[Measure]:
    return (
        Measure.objects.scoped_for(user)
        .filter(links__kind=kind, links__object_id=object_id)
        .select_related("goal__focus_area__plan")
        .distinct()
    )
