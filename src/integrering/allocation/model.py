"""Plain data of the allocation engine: inputs, parameters and results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

RULE_EXCLUDED = "excluded"
RULE_FIXED = "fixed"
RULE_ROUNDED = "rounded"
RULE_RAISED_TO_MIN_LOT = "raised_to_min_lot"
RULE_ZERO_BY_MIN_LOT = "zero_by_min_lot"
RULE_ZERO_BY_TIE = "zero_by_tie"
RULE_CAPPED = "capped"
RULE_ADJUSTED = "adjusted"
RULE_NOT_ELIGIBLE = "not_eligible"  # minors only: the municipality does not take unaccompanied minors

RULES = (
    RULE_EXCLUDED,
    RULE_FIXED,
    RULE_ROUNDED,
    RULE_RAISED_TO_MIN_LOT,
    RULE_ZERO_BY_MIN_LOT,
    RULE_ZERO_BY_TIE,
    RULE_CAPPED,
    RULE_ADJUSTED,
)
MINORS_RULES = RULES + (RULE_NOT_ELIGIBLE,)


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Municipality:
    """One municipality of the input.

    ``minimum`` is an individual minimum lot: the municipality gets 0 or at least
    ``max(min_lot, minimum)``. ``cap`` is an upper bound. ``fixed`` is a number given in
    advance; ``excluded`` means it gets 0. ``accepts_minors`` says whether it can take
    unaccompanied minors (enslige mindreårige) when a minors' frame is spread (:mod:`.minors`).
    """

    number: str
    name: str = ""
    criteria: Mapping[str, float] = field(default_factory=dict)
    excluded: bool = False
    fixed: int | None = None
    minimum: int | None = None
    cap: int | None = None
    accepts_minors: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", _frozen(self.criteria))

    @property
    def participates(self) -> bool:
        return not self.excluded and self.fixed is None


@dataclass(frozen=True)
class Parameters:
    """Model parameters.

    ``weights`` (α_k) name the criteria that are used; a criterion missing from
    ``exponents`` has exponent 1. Criteria in ``lower_is_better`` use ``c ** -p`` instead
    of ``c ** p`` (their values must be positive).
    """

    weights: Mapping[str, float]
    exponents: Mapping[str, float] = field(default_factory=dict)
    base: float = 0.0
    min_lot: int = 10
    lower_is_better: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "weights", _frozen(self.weights))
        object.__setattr__(self, "exponents", _frozen(self.exponents))
        object.__setattr__(self, "lower_is_better", frozenset(self.lower_is_better))

    def exponent(self, criterion: str) -> float:
        return float(self.exponents.get(criterion, 1.0))


@dataclass(frozen=True)
class Quota:
    """The quota of one municipality and how it is made up.

    ``quota`` is the formula's ``q_i`` (rounded to 9 decimals, so that mathematically equal
    quotas compare equal); ``redistributed`` is the quota after what does not fit under the caps
    has been spread over the others (the secondary target of ``optimal``); ``exact`` is ``q_i``
    unrounded (the votes of the classic methods).
    """

    number: str
    quota: float
    base: float
    contributions: Mapping[str, float]
    redistributed: float
    exact: float


@dataclass(frozen=True)
class MinorsRow:
    """One municipality's unaccompanied minors: ``count`` of its total, with the explanation.

    ``quota`` is the minors' quota ``q^EM`` (see :mod:`.minors`); ``redistributed`` the quota after
    what does not fit under the municipalities' totals is spread over the others, where it differs.
    """

    number: str
    count: int
    quota: float
    rule: str
    explanation: str
    redistributed: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "herav_ema": self.count,
            "ema_kvote": round(self.quota, 4),
            "ema_regel": self.rule,
            "ema_forklaring": self.explanation,
        } | ({} if self.redistributed is None else {"ema_omfordelt_kvote": round(self.redistributed, 4)})


@dataclass(frozen=True)
class MinorsAllocation:
    """The minors' frame ``total`` (M) spread within the municipalities' totals; ``objective`` is
    Σ|y_i − q^EM_i|, ``min_lot`` the minors' minimum lot K."""

    total: int
    min_lot: int
    objective: float
    rows: tuple[MinorsRow, ...]

    def counts(self) -> dict[str, int]:
        return {row.number: row.count for row in self.rows}


@dataclass(frozen=True)
class Row:
    """One municipality of an allocation, with its explanation (and its minors, when spread)."""

    number: str
    name: str
    count: int
    quota: float
    base: float
    contributions: Mapping[str, float]
    rule: str
    explanation: str
    redistributed: float | None = None  # the quota after the caps' excess is spread, where it differs
    minors: MinorsRow | None = None

    def as_dict(self) -> dict[str, Any]:
        minors = {} if self.minors is None else self.minors.as_dict()
        return (
            {
                "kommunenummer": self.number,
                "navn": self.name,
                "antall": self.count,
                "kvote": round(self.quota, 4),
                "grunntall": round(self.base, 4),
                "bidrag": {k: round(v, 4) for k, v in self.contributions.items()},
                "regel": self.rule,
                "forklaring": self.explanation,
            }
            | ({} if self.redistributed is None else {"omfordelt_kvote": round(self.redistributed, 4)})
            | minors
        )


@dataclass(frozen=True)
class Allocation:
    """The result of an allocation. ``objective`` is Σ|x_i − q_i| over all municipalities, with
    the formula's quotas ``q_i`` (the ``kvote`` column). ``minors`` is the minors' allocation when
    a minors' frame was given (each row then carries its :class:`MinorsRow` too)."""

    total: int
    method: str
    objective: float
    rows: tuple[Row, ...]
    minors: MinorsAllocation | None = None

    def counts(self) -> dict[str, int]:
        return {row.number: row.count for row in self.rows}

    def minors_counts(self) -> dict[str, int] | None:
        return None if self.minors is None else self.minors.counts()
