"""A participant whose case is in order under the 2021 rules; tests change one fact at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from integrering.legal import ParticipantFacts

CLEAN = ParticipantFacts(
    evaluation_date=date(2021, 7, 1),
    birth_date=date(1990, 6, 1),
    permit_category="flyktning",
    permit_date=date(2021, 1, 10),
    settlement_date=date(2021, 3, 15),
    settled_by_agreement=True,
    education_level="grunnskole",
    mapping_date=date(2021, 3, 20),
    guidance_completed_date=date(2021, 4, 10),
    decision_date=date(2021, 5, 1),
    programme_start=date(2021, 6, 1),
    end_goal="videregaende",
    planned_duration_months=24,
    extension_months=0,
    full_time_upper_secondary=False,
)


def make_facts(**changes: Any) -> ParticipantFacts:
    return replace(CLEAN, **changes)
