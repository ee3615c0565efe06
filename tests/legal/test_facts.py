from datetime import date, datetime

import pytest

from integrering.legal import (
    EDUCATION_LEVEL_LABELS,
    EDUCATION_LEVELS,
    END_GOAL_LABELS,
    END_GOALS,
    PERMIT_CATEGORIES,
    PERMIT_CATEGORY_LABELS,
    EducationLevel,
    ParticipantFacts,
    facts_as_of,
)

from .factories import make_facts


def test_every_allowed_value_has_a_norwegian_label_with_a_plain_string_key():
    for values, labels in (
        (PERMIT_CATEGORIES, PERMIT_CATEGORY_LABELS),
        (EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS),
        (END_GOALS, END_GOAL_LABELS),
    ):
        assert tuple(labels) == values
        assert all(type(key) is str for key in labels)


def test_the_allowed_values_are_those_of_the_issue():
    assert PERMIT_CATEGORIES == (
        "flyktning",
        "overforingsflyktning",
        "sterke_menneskelige_hensyn",
        "begrenset_barnefamilie",
        "kollektiv_beskyttelse",
        "familie_til_flyktning",
        "selvstendig_grunnlag",
        "annen",
    )
    assert EDUCATION_LEVELS == ("ingen", "grunnskole", "videregaende", "hoyere")
    assert END_GOALS == ("videregaende", "arbeid", "hoyere_utdanning", "grunnskole", "annet")


def test_enum_members_are_accepted_as_their_string_values():
    assert make_facts(education_level=EducationLevel.HOYERE) == make_facts(education_level="hoyere")


@pytest.mark.parametrize(
    "changes",
    [
        dict(permit_category="ukjent"),
        dict(education_level="Hoyere"),
        dict(end_goal=""),
        dict(planned_duration_months=-1),
        dict(extension_months=1.5),
        dict(extension_months=True),
        dict(settled_by_agreement="ja"),
        dict(birth_date="2000-01-01"),
        dict(decision_date=datetime(2021, 1, 1, 12, 0)),
        dict(evaluation_date=None),
    ],
)
def test_invalid_facts_are_refused(changes):
    with pytest.raises(ValueError):
        make_facts(**changes)


def test_only_the_evaluation_date_is_required():
    assert ParticipantFacts(evaluation_date=date(2021, 1, 1)).birth_date is None


def test_facts_as_of_forget_events_after_the_evaluation_date():
    facts = make_facts(evaluation_date=date(2021, 4, 15))  # mapping 20.03, guidance 10.04, decision 01.05
    earlier = facts_as_of(facts)
    assert (earlier.mapping_date, earlier.guidance_completed_date) == (date(2021, 3, 20), date(2021, 4, 10))
    assert earlier.decision_date is None and earlier.programme_start is None
    # the decision's end goal, duration and extension did not exist before the decision
    assert (earlier.end_goal, earlier.planned_duration_months, earlier.extension_months) == (None, None, None)
    assert (earlier.birth_date, earlier.settlement_date, earlier.education_level) == (
        facts.birth_date,
        facts.settlement_date,
        facts.education_level,
    )


def test_facts_as_of_keep_events_on_the_evaluation_date_and_change_nothing_later():
    on_decision_day = make_facts(evaluation_date=date(2021, 5, 1))
    assert facts_as_of(on_decision_day).decision_date == date(2021, 5, 1)
    assert facts_as_of(on_decision_day).end_goal == "videregaende"
    everything_done = make_facts(evaluation_date=date(2030, 1, 1))
    assert facts_as_of(everything_done) == everything_done
