"""The shapes every rule-set version shares: derived facts, a rule set, an evaluation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .facts import ParticipantFacts
from .findings import Finding


@dataclass(frozen=True)
class DerivedFacts:
    """Facts the rules derive. ``None`` means *cannot be decided from the known facts*.

    - ``in_target_group``: § 8 first paragraph (age, permit, settled by agreement, two-year limit).
    - ``right_and_duty_career_guidance``: § 11; the same as ``in_target_group``.
    - ``decision_deadline``: the last day the § 12 decision is in time (settlement + 3 months).
    - ``start_deadline``: the last day the programme may start in time (settlement + 3 months).
    - ``two_year_limit``: a decision on or after this day is two years or more after settlement.
    - ``age_on_permit_date``: whole years on the permit date.
    """

    in_target_group: bool | None
    right_and_duty_career_guidance: bool | None
    decision_deadline: date | None
    start_deadline: date | None
    two_year_limit: date | None
    age_on_permit_date: int | None


@dataclass(frozen=True)
class RuleSet:
    """One version of the rules, in force from ``valid_from`` until the next version's ``valid_from``.

    ``apply`` must be a pure function of the facts alone. ``catalogue`` lists every finding the version
    can report (for legends and compliance tables).
    """

    version_id: str
    valid_from: date
    title: str
    apply: Callable[[ParticipantFacts], tuple[DerivedFacts, tuple[Finding, ...]]]
    catalogue: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    """The result of evaluating one participant's facts: which rules, what was derived, what was found.

    ``findings`` are sorted by code (then by the other fields), so equal facts give equal evaluations.
    """

    ruleset_version: str
    derived: DerivedFacts
    findings: tuple[Finding, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    def has(self, code: str) -> bool:
        return code in self.codes
