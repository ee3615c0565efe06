"""Reads of career guidance, scoped like the participant register (a case outside the user's scope is ``Http404``).

case_for_user(user, pk) -> GuidanceCase                         # by case pk; Http404 outside scope
queue_for_counsellor(user, *, counsellor=None, today=None, completed_limit=50) -> Queue
    Queue.referred / .booked: GuidanceCase querysets, overdue first, then by decision deadline;
    .completed: the latest completed. Each case has ``overdue`` and ``referred_at`` annotated.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Case, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.http import Http404
from django.utils import timezone

from integrering.guidance.cases.models import CaseStatus, GuidanceCase, Referral
from integrering.guidance.compliance.figures import overdue_q


def case_for_user(user, pk) -> GuidanceCase:
    case = (
        GuidanceCase.objects.scoped_for(user)
        .filter(participant__anonymised_at__isnull=True, pk=pk)
        .select_related("participant", "participant__municipality", "counsellor")
        .first()
    )
    if case is None:
        raise Http404
    return case


@dataclass
class Queue:
    referred: QuerySet
    booked: QuerySet
    completed: QuerySet


def queue_for_counsellor(
    user, *, counsellor=None, today: datetime.date | None = None, completed_limit: int = 50
) -> Queue:
    """The county's guidance cases waiting, booked and lately completed (the counsellor's own if given)."""
    today = today or timezone.localdate()
    base = (
        GuidanceCase.objects.scoped_for(user)
        .filter(participant__anonymised_at__isnull=True)
        .select_related("participant", "participant__municipality", "counsellor")
        .annotate(
            overdue=Case(
                When(overdue_q(today, "participant__"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            referred_at=Subquery(
                Referral.objects.filter(participant_id=OuterRef("participant_id"))
                .order_by("-referred_at")
                .values("referred_at")[:1]
            ),
        )
    )
    by_deadline = ("-overdue", F("participant__decision_deadline").asc(nulls_last=True), "participant__reference")
    referred = base.filter(status=CaseStatus.REFERRED)
    booked = base.filter(status=CaseStatus.BOOKED)
    completed = base.filter(status=CaseStatus.COMPLETED)
    if counsellor is not None:
        referred = referred.filter(Q(counsellor=counsellor) | Q(counsellor__isnull=True))
        booked = booked.filter(counsellor=counsellor)
        completed = completed.filter(counsellor=counsellor)
    return Queue(
        referred=referred.order_by(*by_deadline),
        booked=booked.order_by(*by_deadline),
        completed=completed.order_by("-completed_on", "participant__reference")[:completed_limit],
    )
