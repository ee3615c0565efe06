"""The Integration Act's rules as in force from 1 January 2021 (Lov 6. november 2020 nr. 127).

Section numbers are those of the 2021 text (Prop. 81 L (2024–2025) later renumbered §§ 12–18; a later
version goes in its own module).

Interpretive choices (see also the package docstring):
- Every code fires exactly under the condition of its row in the issue's table (codes are a contract);
  where a condition names the target group ("in the target group, ..."), ``in_target_group`` must be
  ``True``; where it does not, the target group plays no part. So ``DECISION_OVERDUE`` and
  ``START_OVERDUE`` are reported for anyone whose decision or start is late, in the target group or not
  (the municipality may have offered the programme to others, and the deadline then is its own).
- Unknown facts never produce a finding, except for rules defined on absence (``MAPPING_MISSING``,
  ``GUIDANCE_MISSING``, ``DECISION_OVERDUE`` without a decision). ``in_target_group`` is ``None`` when
  the known facts cannot decide it.
- "Before" is strictly before: guidance completed on the mapping day builds on the mapping; a
  decision on the day guidance is completed is not before it.
- A date on a deadline is in time. The decision and start deadlines are settlement + 3 calendar months,
  clamped to the month's end ("3 months after 31 January is the last day of April", ``add_months``).
- Ages and "lived in a municipality for less than two years" are durations in whole years, counted the
  same way (``whole_years``): the two-year limit is reached on the second anniversary of the settlement,
  and from a settlement on 29 February on 1 March when that year is not a leap year (29.02.2024 →
  01.03.2026), just as a person born on 29 February turns a year older on 1 March.
- Duration bands: when the education level or end goal is unknown, a duration finding is reported only
  if the duration is outside *every* band the case could belong to (so it is certainly outside the
  band of the real level and goal). For a participant with upper-secondary education or higher the band
  is that of their education level whatever the registered end goal (their end goal shall be work or
  higher education).

Severities: ``error`` for a breach of a "shall" (deadlines, mapping before guidance and decision, the
duration bands); ``warning`` where the Act says "should" or "as a rule" (guidance before the decision,
the under-25 end goal) or a right is lost (two-year limit); ``info`` for classifications that are no
breach by anyone (outside the target group, the county's § 30 duty).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from integrering.i18n import gettext_noop

from ..dates import add_months, age_on, anniversary, whole_years
from ..facts import EducationLevel, EndGoal, ParticipantFacts, PermitCategory
from ..findings import ERROR, INFO, WARNING, Finding
from ..model import DerivedFacts, RuleSet

VERSION_ID = "2021-01-01"
VALID_FROM = date(2021, 1, 1)
TITLE = gettext_noop("The Integration Act, in force from 1 January 2021")

MIN_AGE = 18
MAX_AGE = 55
UPPER_SECONDARY_AGE_LIMIT = 25
DECISION_DEADLINE_MONTHS = 3
START_DEADLINE_MONTHS = 3
TWO_YEAR_LIMIT_YEARS = 2

#: Categories that are in the target group without being settled by agreement with IMDi.
EXEMPT_FROM_AGREEMENT = frozenset({PermitCategory.FAMILIE_TIL_FLYKTNING, PermitCategory.SELVSTENDIG_GRUNNLAG})
HAS_UPPER_SECONDARY = frozenset({EducationLevel.VIDEREGAENDE, EducationLevel.HOYERE})
NO_UPPER_SECONDARY = frozenset({EducationLevel.INGEN, EducationLevel.GRUNNSKOLE})


@dataclass(frozen=True)
class DurationBand:
    """Allowed planned duration and extension, in months (§ 13)."""

    min_months: int
    max_months: int
    max_extension_months: int


BAND_HAS_UPPER_SECONDARY = DurationBand(3, 6, 6)
BAND_TOWARDS_UPPER_SECONDARY = DurationBand(3, 36, 12)
BAND_OTHER_END_GOAL = DurationBand(3, 24, 12)


def duration_bands(facts: ParticipantFacts) -> tuple[DurationBand, ...]:
    """The bands the case may belong to: one when education level and end goal are known."""
    without: tuple[DurationBand, ...]
    if facts.end_goal is None:
        without = (BAND_TOWARDS_UPPER_SECONDARY, BAND_OTHER_END_GOAL)
    elif facts.end_goal == EndGoal.VIDEREGAENDE:
        without = (BAND_TOWARDS_UPPER_SECONDARY,)
    else:
        without = (BAND_OTHER_END_GOAL,)
    if facts.education_level in HAS_UPPER_SECONDARY:
        return (BAND_HAS_UPPER_SECONDARY,)
    if facts.education_level in NO_UPPER_SECONDARY:
        return without
    return (BAND_HAS_UPPER_SECONDARY, *without)


# --- the target group, § 8 first paragraph: each condition is True, False or None (unknown) ---


def _age_ok(f: ParticipantFacts) -> bool | None:
    if f.birth_date is None or f.permit_date is None:
        return None
    return MIN_AGE <= age_on(f.birth_date, f.permit_date) <= MAX_AGE


def _permit_ok(f: ParticipantFacts) -> bool | None:
    return None if f.permit_category is None else f.permit_category != PermitCategory.ANNEN


def _agreement_ok(f: ParticipantFacts) -> bool | None:
    if f.permit_category in EXEMPT_FROM_AGREEMENT or f.settled_by_agreement is True:
        return True
    if f.settled_by_agreement is None or f.permit_category is None:
        return None
    return False


def _two_years_ok(f: ParticipantFacts) -> bool | None:
    if f.decision_date is None:
        return True
    if f.settlement_date is None:
        return None
    return whole_years(f.settlement_date, f.decision_date) < TWO_YEAR_LIMIT_YEARS


def _all(*conditions: bool | None) -> bool | None:
    """Three-valued AND: False wins over unknown, unknown over True."""
    if False in conditions:
        return False
    return None if None in conditions else True


def derive(f: ParticipantFacts) -> DerivedFacts:
    in_group = _all(_age_ok(f), _permit_ok(f), _agreement_ok(f), _two_years_ok(f))
    settled = f.settlement_date
    return DerivedFacts(
        in_target_group=in_group,
        right_and_duty_career_guidance=in_group,
        decision_deadline=None if settled is None else add_months(settled, DECISION_DEADLINE_MONTHS),
        start_deadline=None if settled is None else add_months(settled, START_DEADLINE_MONTHS),
        two_year_limit=None if settled is None else anniversary(settled, TWO_YEAR_LIMIT_YEARS),
        age_on_permit_date=(
            None if f.birth_date is None or f.permit_date is None else age_on(f.birth_date, f.permit_date)
        ),
    )


# --- the rules: each predicate gets the facts and the derived facts, and is True when it finds ---

Predicate = Callable[[ParticipantFacts, DerivedFacts], bool]


def _before(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and a < b


def _decision_overdue(f: ParticipantFacts, d: DerivedFacts) -> bool:
    """Decision later than the deadline, or no decision and the evaluation date past the deadline."""
    if d.decision_deadline is None:
        return False
    decided_or_now = f.decision_date if f.decision_date is not None else f.evaluation_date
    return decided_or_now > d.decision_deadline


def _start_overdue(f: ParticipantFacts, d: DerivedFacts) -> bool:
    """Programme started later than settlement + 3 months."""
    return _before(d.start_deadline, f.programme_start)


def _duration_below(f: ParticipantFacts, d: DerivedFacts) -> bool:
    months = f.planned_duration_months
    return months is not None and all(months < b.min_months for b in duration_bands(f))


def _duration_above(f: ParticipantFacts, d: DerivedFacts) -> bool:
    months = f.planned_duration_months
    return months is not None and all(months > b.max_months for b in duration_bands(f))


def _extension_above(f: ParticipantFacts, d: DerivedFacts) -> bool:
    months = f.extension_months
    return months is not None and all(months > b.max_extension_months for b in duration_bands(f))


def _under_25_goal(f: ParticipantFacts, d: DerivedFacts) -> bool:
    if f.birth_date is None or f.education_level not in NO_UPPER_SECONDARY:
        return False
    if f.end_goal is None or f.end_goal == EndGoal.VIDEREGAENDE:
        return False
    on = f.decision_date if f.decision_date is not None else f.evaluation_date
    return age_on(f.birth_date, on) < UPPER_SECONDARY_AGE_LIMIT


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    section: str
    message: str
    applies: Predicate

    def finding(self) -> Finding:
        return Finding(self.code, self.severity, self.section, self.message)


# fmt: off
RULES: tuple[Rule, ...] = (
    Rule("OUTSIDE_TARGET_GROUP_AGE", INFO, gettext_noop("§ 8 first paragraph"),
         gettext_noop("The person was under 18 or over 55 when the residence permit was granted and is outside the target group."),
         lambda f, d: _age_ok(f) is False),
    Rule("OUTSIDE_TARGET_GROUP_PERMIT", INFO, gettext_noop("§ 8 first paragraph, cf. § 9"),
         gettext_noop("The permit does not give the right and duty to an introduction programme; the person is outside the target group."),
         lambda f, d: _permit_ok(f) is False),
    Rule("NOT_SETTLED_BY_AGREEMENT", INFO, gettext_noop("§ 8 first paragraph"),
         gettext_noop("The person is not settled by agreement with IMDi and is outside the target group."),
         lambda f, d: _agreement_ok(f) is False),
    Rule("TWO_YEAR_LIMIT_PASSED", WARNING, gettext_noop("§ 8 first paragraph"),
         gettext_noop("The decision was made two years or more after settlement; the person no longer has the "
                      "right and duty to the programme."),
         lambda f, d: _two_years_ok(f) is False),
    Rule("MAPPING_MISSING", ERROR, gettext_noop("§§ 6 and 10"),
         gettext_noop("Career guidance or a decision is registered, but no competence mapping."),
         lambda f, d: d.in_target_group is True and f.mapping_date is None
         and (f.guidance_completed_date is not None or f.decision_date is not None)),
    Rule("GUIDANCE_BEFORE_MAPPING", ERROR, gettext_noop("§ 11"),
         gettext_noop("The career guidance was completed before the competence mapping; it is to build on the mapping."),
         lambda f, d: _before(f.guidance_completed_date, f.mapping_date)),
    Rule("DECISION_BEFORE_MAPPING", ERROR, gettext_noop("§ 10"),
         gettext_noop("The decision on an introduction programme was made before the competence mapping was done."),
         lambda f, d: _before(f.decision_date, f.mapping_date)),
    Rule("DECISION_BEFORE_GUIDANCE", WARNING, gettext_noop("§ 11"),
         gettext_noop("The decision on an introduction programme was made before the career guidance was completed."),
         lambda f, d: d.in_target_group is True and _before(f.decision_date, f.guidance_completed_date)),
    Rule("GUIDANCE_MISSING", WARNING, gettext_noop("§ 11"),
         gettext_noop("A decision on an introduction programme is made, but no completed career guidance is registered."),
         lambda f, d: d.in_target_group is True and f.decision_date is not None
         and f.guidance_completed_date is None),
    Rule("DECISION_OVERDUE", ERROR, gettext_noop("§ 12"),
         gettext_noop("A decision on an introduction programme was not made within three months of settlement."),
         _decision_overdue),
    Rule("START_OVERDUE", ERROR, gettext_noop("§ 12"),
         gettext_noop("The introduction programme started later than three months after settlement."),
         _start_overdue),
    Rule("DURATION_BELOW_MINIMUM", ERROR, gettext_noop("§ 13"),
         gettext_noop("The planned duration is shorter than the minimum for the participant's education level and end goal."),
         _duration_below),
    Rule("DURATION_ABOVE_MAXIMUM", ERROR, gettext_noop("§ 13"),
         gettext_noop("The planned duration is longer than allowed for the participant's education level and end goal."),
         _duration_above),
    Rule("EXTENSION_ABOVE_MAXIMUM", ERROR, gettext_noop("§ 13"),
         gettext_noop("The extension is longer than allowed for the participant's education level and end goal."),
         _extension_above),
    Rule("UNDER_25_END_GOAL_NOT_UPPER_SECONDARY", WARNING, gettext_noop("§ 13"),
         gettext_noop("The participant is under 25 without upper secondary education; the end goal is as a main "
                      "rule to be completed upper secondary education, and another end goal must be justified."),
         _under_25_goal),
    Rule("COUNTY_NORWEGIAN_TRAINING", INFO, gettext_noop("§ 30 second paragraph"),
         gettext_noop("The participant is in full-time upper secondary education; the county authority provides "
                      "training in Norwegian and social studies."),
         lambda f, d: f.full_time_upper_secondary is True),
)
# fmt: on

#: Every finding code this version can report.
CODES: tuple[str, ...] = tuple(sorted(rule.code for rule in RULES))


def apply(facts: ParticipantFacts) -> tuple[DerivedFacts, tuple[Finding, ...]]:
    derived = derive(facts)
    findings = tuple(sorted(rule.finding().translated() for rule in RULES if rule.applies(facts, derived)))
    return derived, findings


RULESET = RuleSet(
    version_id=VERSION_ID,
    valid_from=VALID_FROM,
    title=TITLE,
    apply=apply,
    catalogue=tuple(sorted(rule.finding() for rule in RULES)),
)
