"""The call's overview: its applications ranked by the mean weighted score, with the sums against the budget.

One query for the applications with their mean score and proposed amounts, whatever their number (constant).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count, QuerySet

from integrering.grants.applications.models import Application
from integrering.grants.applications.status import COMMITTED, Status
from integrering.grants.calls.models import Call


def call_ranking(call: Call) -> QuerySet[Application]:
    return (
        Application.objects.filter(call=call)
        .exclude(status=Status.DRAFT)
        .select_related("organisation__municipality")
        .annotate(mean_score=Avg("assessments__weighted_score"), assessment_count=Count("assessments"))
        .order_by("-mean_score", "reference")
    )


def call_sums(call: Call, rows: list[Any]) -> dict[str, int]:
    """Sums of the ranked rows (already read): applied for, proposed, granted; and what is left of the frame."""
    granted = sum(a.granted_amount or 0 for a in rows if a.status in COMMITTED)
    proposed = sum(
        a.proposed_amount or 0 for a in rows if a.status == Status.RECOMMENDED and a.recommendation == "grant"
    )
    return {
        "applied": sum(a.amount_applied or 0 for a in rows),
        "proposed": proposed,
        "granted": granted,
        "frame": call.budget_frame,
        "left": call.budget_frame - granted,
        "left_after_proposed": call.budget_frame - granted - proposed,
    }
