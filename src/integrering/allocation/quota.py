"""Quotas: the real-valued share of each municipality before rounding.

For participants ``P`` (not excluded, not fixed) and ``R = T − Σ fixed``::

    s_ik = c_ik^p_k / Σ_{j∈P} c_jk^p_k          (c^-p for lower-is-better criteria)
    w_i  = Σ_k α_k · s_ik
    q_i  = b + (R − b·|P|) · w_i / Σ_{j∈P} w_j

Quotas are rounded to 9 decimals so that mathematically equal quotas (for example after
scaling all weights by a constant) compare equal and ties are broken the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Infeasible, InvalidInput
from .model import Municipality, Parameters, Quota

QUOTA_DECIMALS = 9


@dataclass(frozen=True)
class Problem:
    """A validated instance, sorted by municipality number."""

    total: int
    municipalities: tuple[Municipality, ...]
    parameters: Parameters
    quotas: tuple[Quota, ...]

    @property
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


def _validate(total: int, municipalities: list[Municipality], parameters: Parameters) -> None:
    if total < 0:
        raise InvalidInput("Totalen kan ikke være negativ.")
    if parameters.min_lot < 0:
        raise InvalidInput("Minstetallet kan ikke være negativt.")
    seen: set[str] = set()
    for m in municipalities:
        if m.number in seen:
            raise InvalidInput(f"Kommune {m.number} står flere ganger.")
        seen.add(m.number)
        for label, value in (("fast", m.fixed), ("min", m.minimum), ("maks", m.cap)):
            if value is not None and value < 0:
                raise InvalidInput(f"Kommune {m.number}: «{label}» kan ikke være negativ.")
    for criterion, alpha in parameters.weights.items():
        if alpha < 0:
            raise InvalidInput(f"Vekten for «{criterion}» kan ikke være negativ.")


def _criterion_value(m: Municipality, criterion: str, parameters: Parameters) -> float:
    if criterion not in m.criteria or m.criteria[criterion] is None:
        raise InvalidInput(f"Kommune {m.number} mangler verdi for kriteriet «{criterion}».")
    value = float(m.criteria[criterion])
    if value < 0:
        raise InvalidInput(f"Kommune {m.number}: kriteriet «{criterion}» kan ikke være negativt.")
    p = parameters.exponent(criterion)
    if criterion in parameters.lower_is_better:
        if value <= 0:
            raise InvalidInput(
                f"Kommune {m.number}: kriteriet «{criterion}» (lavere er bedre) må være større enn 0."
            )
        return value ** -p
    return value ** p if value > 0 else 0.0


def criterion_shares(participants: list[Municipality], parameters: Parameters) -> dict[str, list[float]]:
    """s_ik per criterion; a criterion that is 0 everywhere gives equal shares."""
    shares: dict[str, list[float]] = {}
    for criterion in parameters.weights:
        values = [_criterion_value(m, criterion, parameters) for m in participants]
        total = sum(values)
        shares[criterion] = [v / total if total > 0 else 1.0 / len(values) for v in values]
    return shares


def _participant_quotas(participants: list[Municipality], parameters: Parameters,
                        remaining: int) -> list[Quota]:
    if not participants:
        return []
    shares = criterion_shares(participants, parameters)
    alpha_sum = sum(parameters.weights.values())
    n = len(participants)
    base = parameters.base
    spread = remaining - base * n
    quotas = []
    for i, m in enumerate(participants):
        if alpha_sum > 0:
            parts = {k: spread * a * shares[k][i] / alpha_sum for k, a in parameters.weights.items()}
        else:
            parts = {k: spread / n / max(1, len(parameters.weights)) for k in parameters.weights}
        value = base + sum(parts.values()) if parts else base + spread / n
        quotas.append(Quota(m.number, round(value, QUOTA_DECIMALS), base,
                            {k: round(v, QUOTA_DECIMALS) for k, v in parts.items()}))
    return quotas


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
            quotas.append(Quota(m.number, value, 0.0, {}))
    return Problem(total, ordered, parameters, tuple(quotas))
