"""What the compliance figures count, as query conditions: the figures page counts them, the participant list
filters by them (the figures link to the participants behind them), the queue sorts the overdue first.

``prefix`` is the path from the queried model to the participant (``"participant__"`` from a case).

    FIGURES                                  # the figures a participant list can be narrowed to
    decided_q(prefix="") -> Q                # in the target group, decision made
    before_decision_q(prefix="") -> Q        # … and guidance completed on or before the decision
    overdue_q(today, prefix="") -> Q         # no decision, and the decision deadline has passed
"""

from __future__ import annotations

import datetime

from django.db.models import F, Q

from integrering.guidance.cases.models import CaseStatus

FIGURES = ("decided", "guidance_before_decision", "guidance_completed", "overdue")


def decided_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}in_target_group": True, f"{prefix}decision_date__isnull": False})


def before_decision_q(prefix: str = "") -> Q:
    return decided_q(prefix) & Q(
        **{
            f"{prefix}guidance_case__status": CaseStatus.COMPLETED,
            f"{prefix}guidance_case__completed_on__lte": F(f"{prefix}decision_date"),
        }
    )


def overdue_q(today: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}decision_date__isnull": True, f"{prefix}decision_deadline__lt": today})
