"""Reads of period reports: the snapshot (frozen, or — while open — the plan as it is now) and a comparison."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from integrering.plans.measures.models import Light, MeasureStatus
from integrering.plans.reports.models import PeriodReport
from integrering.plans.reports.snapshot import plan_snapshot

STATUS_LABELS = dict(MeasureStatus.choices)
LIGHT_LABELS = dict(Light.choices)


def report_for_user(user: Any, pk: int) -> PeriodReport:
    found = PeriodReport.objects.scoped_for(user).select_related("plan__county", "completed_by").filter(pk=pk).first()
    if found is None:
        raise Http404(_("The report was not found."))
    return found


def report_snapshot(report: PeriodReport) -> dict[str, Any]:
    """The frozen snapshot of a completed report; for an open one, the plan as it is now (a preview)."""
    return report.snapshot if report.snapshot is not None else plan_snapshot(report.plan)


def labelled(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """The snapshot's measures with their status and light named in the reader's language."""
    return [
        m
        | {
            "status_label": str(STATUS_LABELS.get(m["status"], m["status"])),
            "light_label": str(LIGHT_LABELS.get(m["light"], m["light"])),
        }
        for m in snapshot["measures"]
    ]


def reports_compare(first: dict[str, Any], second: dict[str, Any]) -> list[dict[str, Any]]:
    """Side by side, by measure: status and light in each snapshot, and whether they moved (a measure only in one
    of them has None on the other side)."""
    left = {m["id"]: m for m in labelled(first)}
    right = {m["id"]: m for m in labelled(second)}
    rows = []
    for key in sorted(left.keys() | right.keys(), key=lambda k: (right.get(k) or left[k])["identifier"]):
        a, b = left.get(key), right.get(key)
        moved = a is None or b is None or (a["status"], a["light"]) != (b["status"], b["light"])
        rows.append({"measure": b or a, "first": a, "second": b, "moved": moved})
    return rows
