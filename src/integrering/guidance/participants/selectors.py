"""Reads of the participant register, scoped to the user's county and, for municipal users, their municipality
(``Participant.objects.scoped_for(user)``, ``core.tenancy``).

Signatures (a record outside the user's scope is ``Http404``)::

    participants_for_user(user) -> QuerySet[Participant]            # not anonymised; municipality, case selected
    participant_for_user(user, pk) -> Participant                   # Http404 outside scope
    participants_filter(qs, *, municipality=None, finding=None, figure=None, today=None) -> QuerySet
        figure: one of ``compliance.figures.FIGURES``
    participant_municipalities(user) -> QuerySet[Municipality]      # this year's; a municipal user's own only
    participants_of_county(county, *, municipality=None) -> QuerySet[Participant]   # for the command line
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from integrering.guidance.cases.models import CaseStatus
from integrering.guidance.compliance.figures import before_decision_q, decided_q, overdue_q
from integrering.guidance.participants.models import Participant
from integrering.municipalities.models import Municipality
from integrering.municipalities.selectors import municipalities_for_user


def participants_for_user(user) -> QuerySet[Participant]:
    """Every guidance read starts here or from another guidance model's ``objects.scoped_for(user)``."""
    return (
        Participant.objects.scoped_for(user)
        .filter(anonymised_at__isnull=True)
        .select_related("municipality", "guidance_case")
        .order_by("municipality__number", "reference")
    )


def participant_for_user(user, pk) -> Participant:
    participant = participants_for_user(user).filter(pk=pk).first()
    if participant is None:
        raise Http404
    return participant


def participants_filter(
    qs: QuerySet[Participant],
    *,
    municipality=None,
    finding: str | None = None,
    figure: str | None = None,
    today: datetime.date | None = None,
) -> QuerySet[Participant]:
    """Narrow a participant list to the people behind a compliance figure."""
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    if finding:
        qs = qs.filter(open_findings__code=finding)
    if figure == "decided":
        qs = qs.filter(decided_q())
    elif figure == "guidance_before_decision":
        qs = qs.filter(before_decision_q())
    elif figure == "guidance_completed":
        qs = qs.filter(guidance_case__status=CaseStatus.COMPLETED, settlement_date__isnull=False)
    elif figure == "overdue":
        qs = qs.filter(overdue_q(today or timezone.localdate()))
    return qs


def participant_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities a user may pick for a participant: this year's, and for a municipal user only their own."""
    return municipalities_for_user(user, year=timezone.localdate().year).order_by("number")


def participants_of_county(county, *, municipality=None) -> QuerySet[Participant]:
    """A county's participants (not anonymised), or one municipality's, for code that acts for the county."""
    qs = Participant.objects.for_county(county).filter(anonymised_at__isnull=True)
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    return qs.order_by("municipality__number", "reference")
