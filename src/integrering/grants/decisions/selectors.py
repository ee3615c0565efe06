"""Reads for the decision: the recommendation list (innstilling) of a call and an application's letter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import NotFound
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import Status
from integrering.grants.calls.models import Call
from integrering.grants.decisions.models import DecisionLetter


@dataclass(frozen=True)
class Recommendation:
    rows: list[Any]  # the recommended applications, ranked (``mean_score`` annotated)
    applied: int
    proposed: int
    granted: int  # already granted in the call (counts against the frame)
    frame: int
    reasons: list[str]  # per row: its rejection reasons as «code text», joined by «; »

    @property
    def items(self) -> list[tuple[Any, str]]:
        return list(zip(self.rows, self.reasons, strict=True))

    @property
    def left_after(self) -> int:
        return self.frame - self.granted - self.proposed


def recommendation_of(call: Call) -> Recommendation:
    """The call's recommended applications, ranked by the mean weighted score, with the sums against the frame."""
    from integrering.grants.assessment.selectors import call_ranking
    from integrering.grants.decisions.services import call_granted_sum

    rows = list(call_ranking(call).filter(status=Status.RECOMMENDED))
    return Recommendation(
        rows=rows,
        applied=sum(a.amount_applied or 0 for a in rows),
        proposed=sum(a.proposed_amount or 0 for a in rows if a.recommendation == "grant"),
        granted=call_granted_sum(call),
        frame=call.budget_frame,
        reasons=[
            "; ".join(f"{code} {call.scheme.rejection_reason_text(code)}" for code in a.rejection_codes) for a in rows
        ],
    )


def letter_of(application: Application) -> DecisionLetter:
    letter = DecisionLetter.objects.filter(application=application).select_related("application").first()
    if letter is None:
        raise NotFound(_("This application has no decision letter."))
    return letter
