"""The 2021 rule set: one table row per boundary case, for every finding code."""

from datetime import date, timedelta

import pytest

from integrering.legal import evaluate
from integrering.legal.rulesets import v2021

from .factories import CLEAN, make_facts

D = date
AGE = "OUTSIDE_TARGET_GROUP_AGE"
PERMIT = "OUTSIDE_TARGET_GROUP_PERMIT"
AGREEMENT = "NOT_SETTLED_BY_AGREEMENT"
TWO_YEARS = "TWO_YEAR_LIMIT_PASSED"
NO_MAPPING = "MAPPING_MISSING"
G_BEFORE_M = "GUIDANCE_BEFORE_MAPPING"
D_BEFORE_M = "DECISION_BEFORE_MAPPING"
D_BEFORE_G = "DECISION_BEFORE_GUIDANCE"
NO_GUIDANCE = "GUIDANCE_MISSING"
OVERDUE = "DECISION_OVERDUE"
LATE_START = "START_OVERDUE"
SHORT = "DURATION_BELOW_MINIMUM"
LONG = "DURATION_ABOVE_MAXIMUM"
EXTENSION = "EXTENSION_ABOVE_MAXIMUM"
UNDER_25 = "UNDER_25_END_GOAL_NOT_UPPER_SECONDARY"
NORWEGIAN = "COUNTY_NORWEGIAN_TRAINING"

# Settled 31 January: the decision and start deadline is 30 April; the programme decision is early.
JAN31 = dict(settlement_date=D(2021, 1, 31), mapping_date=D(2021, 2, 1), guidance_completed_date=D(2021, 2, 2))
OUTSIDE = dict(permit_category="annen")
HIGH = dict(education_level="hoyere", end_goal="arbeid")
LOW_OTHER = dict(education_level="grunnskole", end_goal="arbeid")
LOW_VGO = dict(education_level="ingen", end_goal="videregaende")
UNDER_25_CASE = dict(education_level="grunnskole", end_goal="arbeid", decision_date=D(2021, 5, 1))

# (id, code, changes to the clean case, whether the code is found)
CASES = [
    # § 8: age on the permit date (10 January 2021), 18 to 55 inclusive
    ("18th birthday on the permit date", AGE, dict(birth_date=D(2003, 1, 10)), False),
    ("one day short of 18", AGE, dict(birth_date=D(2003, 1, 11)), True),
    ("55th birthday on the permit date", AGE, dict(birth_date=D(1966, 1, 10)), False),
    ("day before the 56th birthday", AGE, dict(birth_date=D(1965, 1, 11)), False),
    ("56th birthday on the permit date", AGE, dict(birth_date=D(1965, 1, 10)), True),
    ("born 29 Feb, permit 28 Feb: 17", AGE, dict(birth_date=D(2004, 2, 29), permit_date=D(2022, 2, 28)), True),
    ("born 29 Feb, permit 1 Mar: 18", AGE, dict(birth_date=D(2004, 2, 29), permit_date=D(2022, 3, 1)), False),
    ("born 29 Feb, permit 29 Feb: 56", AGE, dict(birth_date=D(1968, 2, 29), permit_date=D(2024, 2, 29)), True),
    ("unknown birth date", AGE, dict(birth_date=None), False),
    ("unknown permit date", AGE, dict(permit_date=None, birth_date=D(2010, 1, 1)), False),
    # § 8, § 9: permit
    ("permit annen", PERMIT, OUTSIDE, True),
    ("permit flyktning", PERMIT, dict(permit_category="flyktning"), False),
    ("permit kollektiv_beskyttelse", PERMIT, dict(permit_category="kollektiv_beskyttelse"), False),
    ("permit unknown", PERMIT, dict(permit_category=None), False),
    # § 8: settled by agreement
    ("refugee not by agreement", AGREEMENT, dict(settled_by_agreement=False), True),
    ("annen not by agreement", AGREEMENT, dict(settled_by_agreement=False, **OUTSIDE), True),
    ("family exempt", AGREEMENT, dict(settled_by_agreement=False, permit_category="familie_til_flyktning"), False),
    ("independent exempt", AGREEMENT, dict(settled_by_agreement=False, permit_category="selvstendig_grunnlag"), False),
    ("by agreement", AGREEMENT, dict(settled_by_agreement=True), False),
    ("agreement unknown", AGREEMENT, dict(settled_by_agreement=None), False),
    ("not by agreement, category unknown", AGREEMENT, dict(settled_by_agreement=False, permit_category=None), False),
    # § 8: decision less than two years after settlement (15 March 2021)
    ("decision the day before two years", TWO_YEARS, dict(decision_date=D(2023, 3, 14)), False),
    ("decision on the second anniversary", TWO_YEARS, dict(decision_date=D(2023, 3, 15)), True),
    # whole years, like age: two years from 29.02.2024 are complete on 01.03.2026, not on 28.02.2026
    (
        "settled 29 Feb, decision 28 Feb",
        TWO_YEARS,
        dict(settlement_date=D(2024, 2, 29), decision_date=D(2026, 2, 28)),
        False,
    ),
    (
        "settled 29 Feb, decision 1 Mar",
        TWO_YEARS,
        dict(settlement_date=D(2024, 2, 29), decision_date=D(2026, 3, 1)),
        True,
    ),
    (
        "settled 29 Feb, leap-year anniversary",
        TWO_YEARS,
        dict(settlement_date=D(2024, 2, 29), decision_date=D(2028, 2, 28)),
        True,
    ),
    (
        "settled 28 Feb, decision 28 Feb",
        TWO_YEARS,
        dict(settlement_date=D(2022, 2, 28), decision_date=D(2024, 2, 28)),
        True,
    ),
    (
        "settled 28 Feb, decision 27 Feb",
        TWO_YEARS,
        dict(settlement_date=D(2022, 2, 28), decision_date=D(2024, 2, 27)),
        False,
    ),
    (
        "settled 31 Jan, decision 30 Jan",
        TWO_YEARS,
        dict(settlement_date=D(2021, 1, 31), decision_date=D(2023, 1, 30)),
        False,
    ),
    ("no decision yet", TWO_YEARS, dict(decision_date=None, evaluation_date=D(2024, 1, 1)), False),
    ("settlement unknown", TWO_YEARS, dict(settlement_date=None, decision_date=D(2030, 1, 1)), False),
    # §§ 6, 10: mapping
    ("no mapping, guidance and decision", NO_MAPPING, dict(mapping_date=None), True),
    ("no mapping, guidance only", NO_MAPPING, dict(mapping_date=None, decision_date=None), True),
    ("no mapping, decision only", NO_MAPPING, dict(mapping_date=None, guidance_completed_date=None), True),
    (
        "no mapping, nothing yet",
        NO_MAPPING,
        dict(mapping_date=None, guidance_completed_date=None, decision_date=None),
        False,
    ),
    ("no mapping, outside target group", NO_MAPPING, dict(mapping_date=None, **OUTSIDE), False),
    ("no mapping, target group unknown", NO_MAPPING, dict(mapping_date=None, birth_date=None), False),
    # § 11: guidance builds on mapping (20 March 2021)
    ("guidance the day before mapping", G_BEFORE_M, dict(guidance_completed_date=D(2021, 3, 19)), True),
    ("guidance on the mapping day", G_BEFORE_M, dict(guidance_completed_date=D(2021, 3, 20)), False),
    ("guidance before mapping, outside", G_BEFORE_M, dict(guidance_completed_date=D(2021, 3, 19), **OUTSIDE), True),
    ("guidance unknown", G_BEFORE_M, dict(guidance_completed_date=None), False),
    # § 10: mapping before decision
    ("decision the day before mapping", D_BEFORE_M, dict(decision_date=D(2021, 3, 19)), True),
    (
        "decision on the mapping day",
        D_BEFORE_M,
        dict(decision_date=D(2021, 3, 20), guidance_completed_date=None),
        False,
    ),
    ("decision, mapping unknown", D_BEFORE_M, dict(mapping_date=None), False),
    # § 11: guidance (10 April 2021) should come before the decision
    ("decision the day before guidance", D_BEFORE_G, dict(decision_date=D(2021, 4, 9)), True),
    ("decision on the guidance day", D_BEFORE_G, dict(decision_date=D(2021, 4, 10)), False),
    ("decision before guidance, outside", D_BEFORE_G, dict(decision_date=D(2021, 4, 9), **OUTSIDE), False),
    ("decision before guidance, 56", D_BEFORE_G, dict(decision_date=D(2021, 4, 9), birth_date=D(1965, 1, 1)), False),
    # § 11: guidance missing at decision
    ("decision without guidance", NO_GUIDANCE, dict(guidance_completed_date=None), True),
    ("no decision, no guidance", NO_GUIDANCE, dict(guidance_completed_date=None, decision_date=None), False),
    ("decision without guidance, outside", NO_GUIDANCE, dict(guidance_completed_date=None, **OUTSIDE), False),
    # § 12: decision within three months (settled 31 Jan: deadline 30 Apr)
    ("decision on the deadline", OVERDUE, dict(decision_date=D(2021, 4, 30), **JAN31), False),
    ("decision a day after", OVERDUE, dict(decision_date=D(2021, 5, 1), **JAN31), True),
    (
        "no decision, evaluated on the deadline",
        OVERDUE,
        dict(decision_date=None, evaluation_date=D(2021, 4, 30), **JAN31),
        False,
    ),
    (
        "no decision, evaluated a day after",
        OVERDUE,
        dict(decision_date=None, evaluation_date=D(2021, 5, 1), **JAN31),
        True,
    ),
    (
        "settled 30 Nov 2022, decision 28 Feb",
        OVERDUE,
        dict(settlement_date=D(2022, 11, 30), decision_date=D(2023, 2, 28)),
        False,
    ),
    (
        "settled 30 Nov 2022, decision 1 Mar",
        OVERDUE,
        dict(settlement_date=D(2022, 11, 30), decision_date=D(2023, 3, 1)),
        True,
    ),
    (
        "settled 30 Nov 2023, decision 29 Feb",
        OVERDUE,
        dict(settlement_date=D(2023, 11, 30), decision_date=D(2024, 2, 29)),
        False,
    ),
    (
        "settled 30 Nov 2023, decision 1 Mar",
        OVERDUE,
        dict(settlement_date=D(2023, 11, 30), decision_date=D(2024, 3, 1)),
        True,
    ),
    ("decision two years late is overdue too", OVERDUE, dict(decision_date=D(2023, 6, 1)), True),
    # the table has no target-group condition: late is late, in the target group or not
    (
        "no decision, outside target group",
        OVERDUE,
        dict(decision_date=None, evaluation_date=D(2022, 1, 1), **OUTSIDE),
        True,
    ),
    ("late decision, aged 56", OVERDUE, dict(decision_date=D(2021, 5, 1), birth_date=D(1965, 1, 1), **JAN31), True),
    (
        "late decision, not by agreement",
        OVERDUE,
        dict(decision_date=D(2021, 5, 1), settled_by_agreement=False, **JAN31),
        True,
    ),
    ("decision on the deadline, outside", OVERDUE, dict(decision_date=D(2021, 4, 30), **JAN31, **OUTSIDE), False),
    ("no decision, settlement unknown", OVERDUE, dict(decision_date=None, settlement_date=None), False),
    # § 12: start within three months of settlement
    ("start on the deadline", LATE_START, dict(programme_start=D(2021, 4, 30), **JAN31), False),
    ("start a day after", LATE_START, dict(programme_start=D(2021, 5, 1), **JAN31), True),
    ("late start, outside target group", LATE_START, dict(programme_start=D(2021, 5, 1), **JAN31, **OUTSIDE), True),
    ("late start, aged 17", LATE_START, dict(programme_start=D(2021, 5, 1), birth_date=D(2004, 1, 1), **JAN31), True),
    ("start on the deadline, outside", LATE_START, dict(programme_start=D(2021, 4, 30), **JAN31, **OUTSIDE), False),
    (
        "settled 30 Nov 2023, start 29 Feb",
        LATE_START,
        dict(settlement_date=D(2023, 11, 30), programme_start=D(2024, 2, 29)),
        False,
    ),
    (
        "settled 30 Nov 2023, start 1 Mar",
        LATE_START,
        dict(settlement_date=D(2023, 11, 30), programme_start=D(2024, 3, 1)),
        True,
    ),
    ("start, settlement unknown", LATE_START, dict(programme_start=D(2030, 1, 1), settlement_date=None), False),
    ("no start yet", LATE_START, dict(programme_start=None, evaluation_date=D(2022, 1, 1)), False),
    # § 13: duration bands
    ("upper secondary or higher, 3 months", SHORT, dict(planned_duration_months=3, **HIGH), False),
    ("upper secondary or higher, 2 months", SHORT, dict(planned_duration_months=2, **HIGH), True),
    ("towards upper secondary, 3 months", SHORT, dict(planned_duration_months=3, **LOW_VGO), False),
    ("other goal, 2 months", SHORT, dict(planned_duration_months=2, **LOW_OTHER), True),
    ("education unknown, 2 months", SHORT, dict(planned_duration_months=2, education_level=None), True),
    ("duration unknown", SHORT, dict(planned_duration_months=None), False),
    ("higher education, 6 months", LONG, dict(planned_duration_months=6, **HIGH), False),
    ("higher education, 7 months", LONG, dict(planned_duration_months=7, **HIGH), True),
    ("upper secondary done, goal vgo, 7", LONG, dict(planned_duration_months=7, education_level="videregaende"), True),
    ("towards upper secondary, 36 months", LONG, dict(planned_duration_months=36, **LOW_VGO), False),
    ("towards upper secondary, 37 months", LONG, dict(planned_duration_months=37, **LOW_VGO), True),
    ("other goal, 24 months", LONG, dict(planned_duration_months=24, **LOW_OTHER), False),
    ("other goal, 25 months", LONG, dict(planned_duration_months=25, **LOW_OTHER), True),
    ("no upper secondary, goal unknown, 36", LONG, dict(planned_duration_months=36, end_goal=None), False),
    ("no upper secondary, goal unknown, 37", LONG, dict(planned_duration_months=37, end_goal=None), True),
    (
        "education unknown, goal work, 24",
        LONG,
        dict(planned_duration_months=24, education_level=None, end_goal="arbeid"),
        False,
    ),
    (
        "education unknown, goal work, 25",
        LONG,
        dict(planned_duration_months=25, education_level=None, end_goal="arbeid"),
        True,
    ),
    ("higher education, extension 6", EXTENSION, dict(extension_months=6, **HIGH), False),
    ("higher education, extension 7", EXTENSION, dict(extension_months=7, **HIGH), True),
    ("towards upper secondary, extension 12", EXTENSION, dict(extension_months=12, **LOW_VGO), False),
    ("other goal, extension 13", EXTENSION, dict(extension_months=13, **LOW_OTHER), True),
    ("education unknown, extension 12", EXTENSION, dict(extension_months=12, education_level=None), False),
    ("education unknown, extension 13", EXTENSION, dict(extension_months=13, education_level=None), True),
    ("extension unknown", EXTENSION, dict(extension_months=None, **HIGH), False),
    # § 13: under 25 without upper secondary, end goal other than upper secondary (decision 1 May 2021)
    ("25th birthday on the decision date", UNDER_25, dict(birth_date=D(1996, 5, 1), **UNDER_25_CASE), False),
    ("a day short of 25 on the decision date", UNDER_25, dict(birth_date=D(1996, 5, 2), **UNDER_25_CASE), True),
    (
        "under 25, goal upper secondary",
        UNDER_25,
        dict(birth_date=D(2000, 1, 1), **{**UNDER_25_CASE, "end_goal": "videregaende"}),
        False,
    ),
    (
        "under 25, has upper secondary",
        UNDER_25,
        dict(birth_date=D(2000, 1, 1), **{**UNDER_25_CASE, "education_level": "videregaende"}),
        False,
    ),
    (
        "under 25, education unknown",
        UNDER_25,
        dict(birth_date=D(2000, 1, 1), **{**UNDER_25_CASE, "education_level": None}),
        False,
    ),
    (
        "under 25, end goal unknown",
        UNDER_25,
        dict(birth_date=D(2000, 1, 1), **{**UNDER_25_CASE, "end_goal": None}),
        False,
    ),
    (
        "no decision: 25 on the evaluation date",
        UNDER_25,
        dict(birth_date=D(1996, 7, 1), **{**UNDER_25_CASE, "decision_date": None}),
        False,
    ),
    (
        "no decision: 24 on the evaluation date",
        UNDER_25,
        dict(birth_date=D(1996, 7, 2), **{**UNDER_25_CASE, "decision_date": None}),
        True,
    ),
    (
        "born 29 Feb, decided 28 Feb at 24",
        UNDER_25,
        dict(birth_date=D(2000, 2, 29), **{**UNDER_25_CASE, "decision_date": D(2025, 2, 28)}),
        True,
    ),
    (
        "born 29 Feb, decided 1 Mar at 25",
        UNDER_25,
        dict(birth_date=D(2000, 2, 29), **{**UNDER_25_CASE, "decision_date": D(2025, 3, 1)}),
        False,
    ),
    # § 30 second paragraph
    ("full-time upper secondary", NORWEGIAN, dict(full_time_upper_secondary=True), True),
    ("not full-time upper secondary", NORWEGIAN, dict(full_time_upper_secondary=False), False),
    ("upper secondary unknown", NORWEGIAN, dict(full_time_upper_secondary=None), False),
]


@pytest.mark.parametrize(
    ("code", "changes", "expected"),
    [case[1:] for case in CASES],
    ids=[f"{case[1]}: {case[0]}" for case in CASES],
)
def test_the_2021_rules_find_each_code_exactly_at_its_boundary(code, changes, expected):
    result = evaluate(make_facts(**changes))
    assert result.ruleset_version == v2021.VERSION_ID
    assert (code in result.codes) is expected, result.codes


def test_the_table_covers_every_code_found_and_not_found():
    assert {(code, expected) for _, code, _, expected in CASES} == {
        (code, expected) for code in v2021.CODES for expected in (True, False)
    }


def test_a_case_in_order_has_no_findings_and_is_in_the_target_group():
    result = evaluate(CLEAN)
    assert result.findings == ()
    assert result.derived.in_target_group is True
    assert result.derived.right_and_duty_career_guidance is True
    assert result.derived.decision_deadline == D(2021, 6, 15)
    assert result.derived.age_on_permit_date == 30


def test_every_finding_cites_a_section_and_has_a_norwegian_message():
    for rule in v2021.RULES:
        assert rule.section.startswith("§")
        assert rule.severity in ("error", "warning", "info")
        assert rule.message.endswith(".")


def test_the_decision_deadline_is_three_calendar_months_after_settlement():
    assert evaluate(make_facts(**JAN31)).derived.decision_deadline == D(2021, 4, 30)
    assert evaluate(make_facts(**JAN31)).derived.start_deadline == D(2021, 4, 30)
    assert evaluate(make_facts(settlement_date=None)).derived.decision_deadline is None


@pytest.mark.parametrize(
    ("settled", "limit"),
    [
        (D(2021, 3, 15), D(2023, 3, 15)),
        (D(2024, 2, 29), D(2026, 3, 1)),
        (D(2028, 2, 29), D(2030, 3, 1)),
        (D(2023, 2, 28), D(2025, 2, 28)),
        (D(2021, 1, 31), D(2023, 1, 31)),
    ],
)
def test_the_two_year_limit_is_the_second_anniversary_counted_like_age(settled, limit):
    derived = evaluate(make_facts(settlement_date=settled, decision_date=None)).derived
    assert derived.two_year_limit == limit
    assert evaluate(make_facts(settlement_date=settled, decision_date=limit)).has(TWO_YEARS)
    assert not evaluate(make_facts(settlement_date=settled, decision_date=limit - timedelta(days=1))).has(TWO_YEARS)


def test_the_overdue_rules_do_not_depend_on_the_target_group():
    """Codes are a contract: DECISION_OVERDUE and START_OVERDUE have no target-group condition in the issue."""
    late = dict(decision_date=D(2021, 5, 1), programme_start=D(2021, 5, 2), **JAN31)
    for outside in (OUTSIDE, dict(birth_date=D(1960, 1, 1)), dict(settled_by_agreement=False), {}):
        result = evaluate(make_facts(**late, **outside))
        assert result.has(OVERDUE) and result.has(LATE_START), outside


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        (dict(permit_category="annen"), False),
        (dict(birth_date=D(1950, 1, 1)), False),
        (dict(settled_by_agreement=False), False),
        (dict(settled_by_agreement=False, permit_category="familie_til_flyktning"), True),
        (dict(decision_date=D(2023, 3, 15)), False),
        (dict(decision_date=D(2023, 3, 14)), True),
        (dict(settlement_date=D(2024, 2, 29), decision_date=D(2026, 2, 28)), True),
        (dict(settlement_date=D(2024, 2, 29), decision_date=D(2026, 3, 1)), False),
        (dict(birth_date=None), None),
        (dict(settled_by_agreement=None), None),
        (dict(settlement_date=None), None),
        (dict(settlement_date=None, decision_date=None), True),
        (dict(birth_date=None, permit_category="annen"), False),
    ],
)
def test_the_target_group_is_true_false_or_unknown(changes, expected):
    derived = evaluate(make_facts(**changes)).derived
    assert derived.in_target_group is expected
    assert derived.right_and_duty_career_guidance is expected


def test_a_participant_with_only_an_evaluation_date_has_no_findings():
    from integrering.legal import ParticipantFacts

    assert evaluate(ParticipantFacts(evaluation_date=D(2022, 1, 1))).findings == ()
