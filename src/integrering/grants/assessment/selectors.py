"""The call's overview: its applications ranked by the mean weighted score, with the sums against the budget.

One query for a page of the applications with their mean score and proposed amounts, and one for the sums, whatever
the call's size (constant).
"""

from __future__ import annotations

from django.db.models import Avg, Count, Q, QuerySet, Sum

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


def call_sums(call: Call) -> dict[str, int]:
    """The call's sums in one query (whatever its size): applied for, recommended, granted; what is left."""
    totals = (
        Application.objects.filter(call=call)
        .exclude(status=Status.DRAFT)
        .aggregate(
            applied=Sum("amount_applied"),
            proposed=Sum("proposed_amount", filter=Q(status=Status.RECOMMENDED, recommendation="grant")),
            granted=Sum("granted_amount", filter=Q(status__in=COMMITTED)),
        )
    )
    applied, proposed, granted = (totals[key] or 0 for key in ("applied", "proposed", "granted"))
    return {
        "applied": applied,
        "proposed": proposed,
        "granted": granted,
        "frame": call.budget_frame,
        "left": call.budget_frame - granted,
        "left_after_proposed": call.budget_frame - granted - proposed,
    }
