"""Quotas: the real-valued share of each municipality before rounding.

For participants ``P`` (not excluded, not fixed) and ``R = T − Σ fixed``::

    s_ik = c_ik^p_k / Σ_{j∈P} c_jk^p_k          (c^-p for lower-is-better criteria)
    w_i  = Σ_k α_k · s_ik
    q_i  = b + (R − b·|P|) · w_i / Σ_{j∈P} w_j

A participant whose quota exceeds its cap is treated like a fixed one at its cap and the
others' quotas are recomputed (see :mod:`.vector`); ``Quota.formula`` keeps the value before
that, for the explanation. Quotas are rounded to 9 decimals so that mathematically equal quotas (for example after
scaling all weights by a constant) compare equal and ties are broken the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .errors import Infeasible, InvalidInput
from .model import Municipality, Parameters, Quota
from .vector import QUOTA_DECIMALS, criteria_matrix, parameter_arrays, spread, weighted_shares


@dataclass(frozen=True)
class Problem:
    """A validated instance, sorted by municipality number."""

    total: int
    municipalities: tuple[Municipality, ...]
    parameters: Parameters
    quotas: tuple[Quota, ...]

    @cached_property
    def remaining(self) -> int:
        return self.total - sum(m.fixed or 0 for m in self.municipalities if not m.excluded)

    def lot(self, index: int) -> int:
        """The smallest non-zero number municipality ``index`` may get."""
        minimum = self.municipalities[index].minimum or 0
        return max(self.parameters.min_lot, minimum, 1)

    def cap(self, index: int) -> int:
        """The largest number municipality ``index`` may get (R when it has no cap)."""
        cap = self.municipalities[index].cap
        return max(0, self.remaining) if cap is None else min(cap, max(0, self.remaining))

    def participants(self) -> list[int]:
        return [i for i, m in enumerate(self.municipalities) if m.participates]


MAX_TOTAL = 1_000_000_000


def _validate(total: int, municipalities: list[Municipality], parameters: Parameters) -> None:
    if total < 0:
        raise InvalidInput("Totalen kan ikke være negativ.")
    if total > MAX_TOTAL:
        raise InvalidInput(f"Totalen kan ikke være større enn {MAX_TOTAL:_}.".replace("_", "\u00a0"))
    if parameters.min_lot < 0:
        raise InvalidInput("Minstetallet kan ikke være negativt.")
    if not math.isfinite(parameters.base) or parameters.base < 0:
        raise InvalidInput("Grunntallet må være et endelig tall, 0 eller større.")
    for criterion, exponent in parameters.exponents.items():
        if not math.isfinite(exponent) or exponent < 0:
            raise InvalidInput(f"Eksponenten for «{criterion}» må være et endelig tall, 0 eller større "
                               "(for kriterier der lavere er bedre: bruk «lavere er bedre»).")
    seen: set[str] = set()
    for m in municipalities:
        if m.number in seen:
            raise InvalidInput(f"Kommune {m.number} står flere ganger.")
        seen.add(m.number)
        for label, value in (("fast", m.fixed), ("min", m.minimum), ("maks", m.cap)):
            if value is not None and value < 0:
                raise InvalidInput(f"Kommune {m.number}: «{label}» kan ikke være negativ.")
    for criterion, alpha in parameters.weights.items():
        if not math.isfinite(alpha) or alpha < 0:
            raise InvalidInput(f"Vekten for «{criterion}» kan ikke være negativ.")


def _check_values(participants: list[Municipality], parameters: Parameters) -> None:
    for m in participants:
        for criterion in parameters.weights:
            value = m.criteria.get(criterion)
            if value is None:
                raise InvalidInput(f"Kommune {m.number} mangler verdi for kriteriet «{criterion}».")
            if value < 0:
                raise InvalidInput(f"Kommune {m.number}: kriteriet «{criterion}» kan ikke være negativt.")
            if criterion in parameters.lower_is_better and value <= 0:
                raise InvalidInput(f"Kommune {m.number}: kriteriet «{criterion}» (lavere er bedre) "
                                   "må være større enn 0.")


def _participant_quotas(participants: list[Municipality], parameters: Parameters,
                        remaining: int) -> list[Quota]:
    if not participants:
        return []
    _check_values(participants, parameters)
    criteria, alpha, exponents, lower = parameter_arrays(parameters)
    if not criteria:
        raise InvalidInput("Minst ett kriterium må ha en vekt.")
    if alpha.sum() <= 0:
        alpha = np.ones_like(alpha)
    parts = weighted_shares(criteria_matrix(participants, criteria), alpha, exponents, lower)
    caps = np.array([np.inf if m.cap is None else m.cap for m in participants], dtype=float)
    quotas, capped, factor = spread(parts.sum(axis=1), parameters.base, remaining, caps)
    _, _, uncapped_factor = spread(parts.sum(axis=1), parameters.base, remaining)
    result = []
    for i, m in enumerate(participants):
        scale = uncapped_factor[i] if capped[i] else factor[i]
        contributions = {k: round(float(scale * parts[i, j]), QUOTA_DECIMALS) for j, k in enumerate(criteria)}
        formula = parameters.base + sum(contributions.values())
        result.append(Quota(m.number, float(quotas[i]), parameters.base, contributions,
                            round(formula, QUOTA_DECIMALS)))
    return result


def build_problem(total: int, municipalities: list[Municipality], parameters: Parameters) -> Problem:
    """Validate the input, sort it by municipality number and compute the quotas."""
    _validate(total, municipalities, parameters)
    ordered = tuple(sorted(municipalities, key=lambda m: m.number))
    fixed_sum = sum(m.fixed or 0 for m in ordered if not m.excluded)
    if fixed_sum > total:
        raise Infeasible(
            f"De faste tallene er til sammen {fixed_sum}, som er mer enn totalen {total}."
        )
    participants = [m for m in ordered if m.participates]
    by_number = {q.number: q for q in _participant_quotas(participants, parameters, total - fixed_sum)}
    quotas = []
    for m in ordered:
        if m.number in by_number:
            quotas.append(by_number[m.number])
        else:
            value = 0.0 if m.excluded else float(m.fixed or 0)
            quotas.append(Quota(m.number, value, 0.0, {}, value))
    return Problem(total, ordered, parameters, tuple(quotas))
