"""A participant's facts as the rules core (``integrering.legal``) takes them.

participant_facts(participant, *, guidance_completed_date, evaluation_date) -> ParticipantFacts
completed_on(participant) -> date | None     # the guidance completion date (case selected or not)
"""

from __future__ import annotations

import datetime

from integrering.guidance.cases.models import GuidanceCase
from integrering.guidance.participants.models import Participant
from integrering.legal import ParticipantFacts

_FACTS = (
    "birth_date",
    "permit_category",
    "permit_date",
    "settlement_date",
    "settled_by_agreement",
    "education_level",
    "mapping_date",
    "decision_date",
    "programme_start",
    "end_goal",
    "planned_duration_months",
    "extension_months",
    "full_time_upper_secondary",
)


def participant_facts(
    participant: Participant, *, guidance_completed_date: datetime.date | None, evaluation_date: datetime.date
) -> ParticipantFacts:
    values = {name: getattr(participant, name) for name in _FACTS}
    for name in ("permit_category", "education_level", "end_goal"):
        values[name] = values[name] or None
    return ParticipantFacts(evaluation_date=evaluation_date, guidance_completed_date=guidance_completed_date, **values)


def completed_on(participant: Participant) -> datetime.date | None:
    """The guidance completion date, from the (possibly prefetched) guidance case."""
    try:
        case = participant.guidance_case
    except GuidanceCase.DoesNotExist:
        return None
    return case.completed_on if case.status == "completed" else None
