"""Which rule-set version applies to a case, and evaluation through it.

**Which date decides.** A case is judged by the version in force on its *settlement date* (the day the
person was settled in the municipality: it starts the § 12 deadlines and the two-year limit), and, if
the settlement date is unknown, on the *evaluation date*. A version applies from its ``valid_from``
(inclusive) until the next version's ``valid_from`` (exclusive).

**Why adding a version cannot change older results.** A registry is immutable (``register`` returns a
new one); versions are frozen values whose ``apply`` depends only on the facts; a version module never
imports another version or the registry; and a case is routed by its own date alone. So a version
registered with a later ``valid_from`` is never chosen for a case whose deciding date is earlier.

**Before the first version.** A case whose deciding date is before the earliest version (settled
before 1 January 2021) is evaluated under the earliest version, with the info finding
``BEFORE_FIRST_RULESET`` so that nobody mistakes it for a judgement under the law then in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from integrering.i18n import gettext

from .facts import ParticipantFacts
from .findings import INFO, Finding
from .model import Evaluation, RuleSet
from .rulesets import v2021

BEFORE_FIRST_RULESET = "BEFORE_FIRST_RULESET"


class NoRulesetInForce(LookupError):
    """No rule-set version is in force on the day asked for."""


def deciding_date(facts: ParticipantFacts) -> date:
    """The date that picks the rule-set version: settlement date, else evaluation date."""
    return facts.settlement_date if facts.settlement_date is not None else facts.evaluation_date


@dataclass(frozen=True)
class Registry:
    """An immutable set of rule-set versions, ordered by the date they apply from."""

    versions: tuple[RuleSet, ...]

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.versions, key=lambda r: r.valid_from))
        if not ordered:
            raise ValueError("a registry needs at least one rule-set version")
        if len({r.valid_from for r in ordered}) != len(ordered):
            raise ValueError("two versions apply from the same date")
        if len({r.version_id for r in ordered}) != len(ordered):
            raise ValueError("two versions have the same id")
        object.__setattr__(self, "versions", ordered)

    def register(self, ruleset: RuleSet) -> Registry:
        """A new registry with ``ruleset`` added; this one is unchanged."""
        return Registry((*self.versions, ruleset))

    def ruleset_for(self, day: date) -> RuleSet:
        """The version in force on ``day``; ``NoRulesetInForce`` if ``day`` is before every version."""
        in_force = [r for r in self.versions if r.valid_from <= day]
        if not in_force:
            raise NoRulesetInForce(f"no rule set in force on {day.isoformat()}")
        return in_force[-1]

    def evaluate(self, facts: ParticipantFacts) -> Evaluation:
        day = deciding_date(facts)
        extra: tuple[Finding, ...] = ()
        try:
            ruleset = self.ruleset_for(day)
        except NoRulesetInForce:
            ruleset = self.versions[0]
            extra = (_before_first_finding(ruleset),)
        derived, findings = ruleset.apply(facts)
        return Evaluation(
            ruleset_version=ruleset.version_id,
            derived=derived,
            findings=tuple(sorted((*findings, *extra))),
        )

    def version(self, version_id: str) -> RuleSet:
        """The version with ``version_id`` (as ``Evaluation.ruleset_version`` names it); ``KeyError`` if unknown."""
        for ruleset in self.versions:
            if ruleset.version_id == version_id:
                return ruleset
        raise KeyError(f"no rule-set version {version_id!r}")

    def catalogue(self, version_id: str | None = None) -> dict[str, Finding]:
        """Code → finding (severity, section, Norwegian message), sorted by code.

        With ``version_id``: the findings as *that* version reports them — describe a stored evaluation
        with the version that produced it, never with a later one (a later version may cite another
        section for the same code). Without: every code any version can report, in the latest version's
        wording where versions differ (for legends and filters). ``KeyError`` for an unknown version.
        """
        versions = self.versions if version_id is None else (self.version(version_id),)
        entries = {f.code: f.translated() for r in versions for f in r.catalogue}
        entries[BEFORE_FIRST_RULESET] = _before_first_finding(self.versions[0])
        return dict(sorted(entries.items()))

    def evaluate_many(self, facts: Iterable[ParticipantFacts]) -> tuple[Evaluation, ...]:
        """One evaluation per participant, in the same order; each depends on its own facts only."""
        return tuple(self.evaluate(f) for f in facts)


def _before_first_finding(ruleset: RuleSet) -> Finding:
    return Finding(
        code=BEFORE_FIRST_RULESET,
        severity=INFO,
        section=gettext("entry into force"),
        message=gettext(
            "The case concerns the time before %(date)s. It is assessed by the rules «%(title)s», which may not have "
            "applied to it."
        )
        % {"date": f"{ruleset.valid_from:%d.%m.%Y}", "title": gettext(ruleset.title)},
    )


#: The versions this release knows.
DEFAULT_REGISTRY = Registry((v2021.RULESET,))


def ruleset_for(day: date, registry: Registry = DEFAULT_REGISTRY) -> RuleSet:
    return registry.ruleset_for(day)


def evaluate(facts: ParticipantFacts, registry: Registry = DEFAULT_REGISTRY) -> Evaluation:
    """Evaluate one participant's facts under the version in force on their deciding date."""
    return registry.evaluate(facts)


def finding_catalogue(registry: Registry = DEFAULT_REGISTRY, *, version_id: str | None = None) -> dict[str, Finding]:
    """Code → a finding as the rules report it (severity, section, Norwegian message), sorted by code.

    ``version_id``: as that version reports it (``Registry.catalogue``)."""
    return registry.catalogue(version_id)


def evaluate_many(facts: Iterable[ParticipantFacts], registry: Registry = DEFAULT_REGISTRY) -> tuple[Evaluation, ...]:
    return registry.evaluate_many(facts)
