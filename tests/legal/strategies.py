"""Hypothesis strategies for participants' facts, unknowns included."""

from datetime import date

from hypothesis import strategies as st

from integrering.legal import EDUCATION_LEVELS, END_GOALS, PERMIT_CATEGORIES, ParticipantFacts

days = st.dates(min_value=date(2019, 1, 1), max_value=date(2032, 12, 31))
births = st.dates(min_value=date(1950, 1, 1), max_value=date(2012, 12, 31))


def maybe(strategy):
    return st.none() | strategy


months = st.integers(min_value=0, max_value=48)

participant_facts = st.builds(
    ParticipantFacts,
    evaluation_date=days,
    birth_date=maybe(births),
    permit_category=maybe(st.sampled_from(PERMIT_CATEGORIES)),
    permit_date=maybe(days),
    settlement_date=maybe(days),
    settled_by_agreement=maybe(st.booleans()),
    education_level=maybe(st.sampled_from(EDUCATION_LEVELS)),
    mapping_date=maybe(days),
    guidance_completed_date=maybe(days),
    decision_date=maybe(days),
    programme_start=maybe(days),
    end_goal=maybe(st.sampled_from(END_GOALS)),
    planned_duration_months=maybe(months),
    extension_months=maybe(months),
    full_time_upper_secondary=maybe(st.booleans()),
)
