"""The rule-set registry the guidance app evaluates and describes findings with.

Everything in the app goes through these functions, never through ``integrering.legal``'s defaults, so
that a test can register a later (fake) version and check that cases under the 2021 rules are
evaluated *and described* exactly as before (``monkeypatch.setattr(rules, "REGISTRY", ...)``).

    evaluate(facts) -> Evaluation
    evaluate_many(facts) -> tuple[Evaluation, ...]
    catalogue(version_id=None) -> {code: Finding}   # of the version that produced a stored evaluation;
                                                    # an unknown or empty id falls back to all versions
"""

from __future__ import annotations

from collections.abc import Iterable

from integrering.legal import DEFAULT_REGISTRY, Evaluation, Finding, ParticipantFacts, Registry

REGISTRY: Registry = DEFAULT_REGISTRY


def evaluate(facts: ParticipantFacts) -> Evaluation:
    return REGISTRY.evaluate(facts)


def evaluate_many(facts: Iterable[ParticipantFacts]) -> tuple[Evaluation, ...]:
    return REGISTRY.evaluate_many(facts)


def catalogue(version_id: str | None = None) -> dict[str, Finding]:
    """Code → finding as ``version_id`` reports it; all versions (latest wording) if none or unknown."""
    try:
        return REGISTRY.catalogue(version_id or None)
    except KeyError:  # a version no longer shipped, or never evaluated: the best description there is
        return REGISTRY.catalogue()
