"""The Integration Act's rules as a pure core: no Django, plain values in and out.

Use::

    from integrering.legal import ParticipantFacts, evaluate

    result = evaluate(ParticipantFacts(evaluation_date=today, settlement_date=..., ...))
    result.ruleset_version              # "2021-01-01"
    result.derived.in_target_group      # True, False or None (cannot be decided from known facts)
    result.derived.decision_deadline    # settlement + 3 calendar months, or None
    result.codes                        # e.g. ("DECISION_OVERDUE", "GUIDANCE_MISSING"), sorted

Rules are versioned by the date they apply from (``registry``); each version lives in
``rulesets/v<year>.py`` and every rule cites its section. The version in force on the settlement date
(else the evaluation date) decides. Unknown facts (``None``) never produce a finding, except for the
rules defined on absence: ``MAPPING_MISSING``, ``GUIDANCE_MISSING`` and ``DECISION_OVERDUE``.
"""

from .dates import add_months, age_on, anniversary, whole_years
from .facts import (
    EDUCATION_LEVEL_LABELS,
    EDUCATION_LEVELS,
    END_GOAL_LABELS,
    END_GOALS,
    PERMIT_CATEGORIES,
    PERMIT_CATEGORY_LABELS,
    EducationLevel,
    EndGoal,
    ParticipantFacts,
    PermitCategory,
    facts_as_of,
)
from .findings import ERROR, INFO, SEVERITIES, SEVERITY_LABELS, WARNING, Finding
from .model import DerivedFacts, Evaluation, RuleSet
from .registry import (
    BEFORE_FIRST_RULESET,
    DEFAULT_REGISTRY,
    NoRulesetInForce,
    Registry,
    deciding_date,
    evaluate,
    evaluate_many,
    finding_catalogue,
    ruleset_for,
)

__all__ = [
    "BEFORE_FIRST_RULESET",
    "DEFAULT_REGISTRY",
    "EDUCATION_LEVELS",
    "EDUCATION_LEVEL_LABELS",
    "END_GOALS",
    "END_GOAL_LABELS",
    "ERROR",
    "INFO",
    "PERMIT_CATEGORIES",
    "PERMIT_CATEGORY_LABELS",
    "SEVERITIES",
    "SEVERITY_LABELS",
    "WARNING",
    "DerivedFacts",
    "EducationLevel",
    "EndGoal",
    "Evaluation",
    "Finding",
    "NoRulesetInForce",
    "ParticipantFacts",
    "PermitCategory",
    "Registry",
    "RuleSet",
    "add_months",
    "age_on",
    "anniversary",
    "deciding_date",
    "evaluate",
    "evaluate_many",
    "facts_as_of",
    "finding_catalogue",
    "ruleset_for",
    "whole_years",
]
