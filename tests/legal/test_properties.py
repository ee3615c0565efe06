"""Properties of the rules core: pure, independent per participant, stable under later versions."""

from dataclasses import replace
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from integrering.legal import (
    BEFORE_FIRST_RULESET,
    DEFAULT_REGISTRY,
    DerivedFacts,
    Finding,
    RuleSet,
    deciding_date,
    evaluate,
    evaluate_many,
)
from integrering.legal.rulesets import v2021

from .strategies import participant_facts

EXAMPLES = settings(max_examples=100, deadline=None)
TARGET_GROUP_CODES = {
    "OUTSIDE_TARGET_GROUP_AGE",
    "OUTSIDE_TARGET_GROUP_PERMIT",
    "NOT_SETTLED_BY_AGREEMENT",
    "TWO_YEAR_LIMIT_PASSED",
}


@EXAMPLES
@given(participant_facts)
def test_evaluation_is_a_pure_function_of_the_facts(facts):
    first = evaluate(facts)
    assert evaluate(replace(facts)) == first
    assert evaluate(facts) == first


@EXAMPLES
@given(participant_facts)
def test_findings_are_sorted_unique_and_known(facts):
    codes = evaluate(facts).codes
    assert list(codes) == sorted(set(codes))
    assert set(codes) <= set(v2021.CODES) | {BEFORE_FIRST_RULESET}


@EXAMPLES
@given(participant_facts)
def test_outside_the_target_group_exactly_when_a_target_group_finding_says_why(facts):
    result = evaluate(facts)
    assert (result.derived.in_target_group is False) == bool(TARGET_GROUP_CODES & set(result.codes))
    assert result.derived.right_and_duty_career_guidance == result.derived.in_target_group


@EXAMPLES
@given(st.lists(participant_facts, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_row_order_or_other_participants(participants, rnd):
    alone = [evaluate(facts) for facts in participants]
    order = list(range(len(participants)))
    rnd.shuffle(order)
    shuffled = evaluate_many(participants[i] for i in order)
    assert [shuffled[order.index(i)] for i in range(len(participants))] == alone


def _later_apply(facts):
    return DerivedFacts(True, True, None, None, None, None), (Finding("LATER", "info", "§ 1", "Senere."),)


later_dates = st.dates(min_value=date(2021, 1, 2), max_value=date(2035, 12, 31))


@EXAMPLES
@given(participant_facts, st.lists(later_dates, min_size=1, max_size=4, unique=True))
def test_a_case_under_2021_rules_is_unchanged_by_any_later_versions(facts, valid_froms):
    assume(deciding_date(facts) < min(valid_froms))
    registry = DEFAULT_REGISTRY
    for day in valid_froms:
        registry = registry.register(RuleSet(f"later-{day}", day, "Senere versjon", _later_apply))
    assert evaluate(facts, registry) == evaluate(facts)
    assert evaluate(facts, registry).ruleset_version == v2021.VERSION_ID
