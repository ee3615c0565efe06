"""The competence-mapping date the municipality gives with a referral.

mapping_date_set(*, participant, mapping_date) -> bool   # changed? the caller saves the participant
"""

from __future__ import annotations

import datetime

from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.validation import FACT_FIELDS, facts_clean


def mapping_date_set(*, participant: Participant, mapping_date: datetime.date | None) -> bool:
    """Put ``mapping_date`` on ``participant`` if it is given and differs from the registered one.

    The date is checked with the participant's other facts (``ApplicationError`` if it is before the birth date);
    the caller's save bumps the participant's version, so that a participant form opened before it is refused.
    Nothing is saved here: the caller saves the participant in its own transaction (one change in the audit log).
    """
    if mapping_date is None or mapping_date == participant.mapping_date:
        return False
    facts_clean({name: getattr(participant, name) for name in FACT_FIELDS} | {"mapping_date": mapping_date})
    participant.mapping_date = mapping_date
    return True
