"""Quotas: the real-valued share of each municipality before rounding.

For participants ``P`` (not excluded, not fixed) and ``R = T − Σ fixed``::

    s_ik = c_ik^p_k / Σ_{j∈P} c_jk^p_k          (c^-p for lower-is-better criteria)
    w_i  = Σ_k α_k · s_ik
    q_i  = b + (R − b·|P|) · w_i / Σ_{j∈P} w_j

Caps do not change ``q_i``; :mod:`.vector` also computes the *redistributed* quotas, where what
does not fit under the caps is spread over the others. Quotas are rounded to 9 decimals so that
mathematically equal quotas (for example after scaling all weights by a constant, or summing in
another order) compare equal and ties are broken the same way; the unrounded value is kept for
the classic methods. The base must leave room: ``b·|P| ≤ R`` (otherwise quotas would be negative).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from integrering.i18n import gettext as _

from .errors import Infeasible, InvalidInput
from .model import Municipality, Parameters, Quota
from .vector import (
    QUOTA_DECIMALS,
    criteria_matrix,
    formula_quotas,
    parameter_arrays,
    redistributed_quotas,
    weighted_shares,
)
from .wording import norwegian_number, whole

DEFAULT_TIME_LIMIT = 60.0  # seconds the MILP of ``optimal`` may take before it gives up (exit 4)
MAX_TOTAL = 1_000_000_000


@dataclass(frozen=True)
class Problem:
    """A validated instance, sorted by municipality number."""

    total: int
    municipalities: tuple[Municipality, ...]
    parameters: Parameters
    quotas: tuple[Quota, ...]
    time_limit: float = DEFAULT_TIME_LIMIT

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

    @cached_property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The quotas, the redistributed quotas and which municipalities participate, as arrays."""
        quotas = np.array([q.quota for q in self.quotas], dtype=float)
        redistributed = np.array([q.redistributed for q in self.quotas], dtype=float)
        return quotas, redistributed, np.array([m.participates for m in self.municipalities], dtype=bool)


def _validate_parameters(total: int, parameters: Parameters, time_limit: float) -> None:
    if total < 0:
        raise InvalidInput(_("The total cannot be negative."))
    if total > MAX_TOTAL:
        raise InvalidInput(_("The total cannot be greater than %(maximum)s.") % {"maximum": whole(MAX_TOTAL)})
    if parameters.min_lot < 0:
        raise InvalidInput(_("The minimum lot cannot be negative."))
    if not math.isfinite(parameters.base) or parameters.base < 0:
        raise InvalidInput(_("The base must be a finite number, 0 or more."))
    if not (time_limit > 0 and math.isfinite(time_limit)):
        raise InvalidInput(_("The time limit must be a positive number of seconds."))
    for criterion, exponent in parameters.exponents.items():
        if not math.isfinite(exponent) or exponent < 0:
            raise InvalidInput(
                _(
                    "The exponent for «%(criterion)s» must be a finite number, 0 or more (for criteria where lower "
                    "is better: use «lower is better»)."
                )
                % {"criterion": criterion},
                column=criterion,
            )
    for criterion, alpha in parameters.weights.items():
        if not math.isfinite(alpha) or alpha < 0:
            raise InvalidInput(
                _("The weight for «%(criterion)s» must be a finite number, 0 or more.") % {"criterion": criterion},
                column=criterion,
            )
    if parameters.weights and not any(alpha > 0 for alpha in parameters.weights.values()):
        raise InvalidInput(_("At least one criterion must have a weight greater than 0."))


def _validate_municipalities(municipalities: list[Municipality]) -> None:
    seen: set[str] = set()
    for m in municipalities:
        if m.number in seen:
            raise InvalidInput(_("appears more than once."), municipality=m.number, column="kommunenummer")
        seen.add(m.number)
        for label, value in (("fast", m.fixed), ("min", m.minimum), ("maks", m.cap)):
            if value is not None and value < 0:
                raise InvalidInput(
                    _("«%(column)s» cannot be negative.") % {"column": label}, municipality=m.number, column=label
                )
        if m.minimum is not None and m.cap is not None and m.minimum > m.cap:
            raise InvalidInput(
                _("«min» (%(minimum)s) is greater than «maks» (%(cap)s).") % {"minimum": m.minimum, "cap": m.cap},
                municipality=m.number,
                column="min",
            )


def _check_values(participants: list[Municipality], parameters: Parameters) -> None:
    for m in participants:
        for criterion in parameters.weights:
            value = m.criteria.get(criterion)
            if value is None:
                raise InvalidInput(
                    _("lacks a value for the criterion «%(criterion)s».") % {"criterion": criterion},
                    municipality=m.number,
                    column=criterion,
                )
            if not math.isfinite(value) or value < 0:
                raise InvalidInput(
                    _("the criterion «%(criterion)s» cannot be negative (it must be a finite number, 0 or more).")
                    % {"criterion": criterion},
                    municipality=m.number,
                    column=criterion,
                )
            if criterion in parameters.lower_is_better and value <= 0:
                raise InvalidInput(
                    _("the criterion «%(criterion)s» (lower is better) must be greater than 0.")
                    % {"criterion": criterion},
                    municipality=m.number,
                    column=criterion,
                )


def _check_base(base: float, participants: int, remaining: int) -> None:
    if participants and base * participants > remaining + 1e-9:
        raise InvalidInput(
            _(
                "The base %(base)s for %(participants)s participating municipalities comes to %(sum)s, more than the "
                "%(remaining)s to distribute (after fixed numbers), and the quotas would have become negative. The "
                "base can be at most %(maximum)s."
            )
            % {
                "base": norwegian_number(base, 2),
                "participants": participants,
                "sum": norwegian_number(base * participants),
                "remaining": whole(remaining),
                "maximum": norwegian_number(math.floor(remaining / participants * 100) / 100, 2),
            }
        )


def _participant_quotas(participants: list[Municipality], parameters: Parameters, remaining: int) -> list[Quota]:
    if not participants:
        return []
    _check_values(participants, parameters)
    criteria, alpha, exponents, lower = parameter_arrays(parameters)
    if not criteria:
        raise InvalidInput(_("At least one criterion must have a weight."))
    parts = weighted_shares(criteria_matrix(participants, criteria), alpha, exponents, lower)
    weights = parts.sum(axis=1)
    caps = np.array([np.inf if m.cap is None else m.cap for m in participants], dtype=float)
    exact, factor = formula_quotas(weights, parameters.base, remaining)
    redistributed = redistributed_quotas(weights, parameters.base, remaining, caps)
    return [
        Quota(
            number=m.number,
            quota=round(float(exact[i]), QUOTA_DECIMALS),
            base=parameters.base,
            contributions={k: round(float(factor * parts[i, j]), QUOTA_DECIMALS) for j, k in enumerate(criteria)},
            redistributed=round(float(redistributed[i]), QUOTA_DECIMALS),
            exact=float(exact[i]),
        )
        for i, m in enumerate(participants)
    ]


def build_problem(
    total: int, municipalities: list[Municipality], parameters: Parameters, time_limit: float = DEFAULT_TIME_LIMIT
) -> Problem:
    """Validate the input, sort it by municipality number and compute the quotas."""
    _validate_parameters(total, parameters, time_limit)
    _validate_municipalities(municipalities)
    ordered = tuple(sorted(municipalities, key=lambda m: m.number))
    fixed_sum = sum(m.fixed or 0 for m in ordered if not m.excluded)
    if fixed_sum > total:
        raise Infeasible(
            _("The fixed numbers add up to %(fixed)s, which is more than the total %(total)s.")
            % {"fixed": whole(fixed_sum), "total": whole(total)}
        )
    participants = [m for m in ordered if m.participates]
    _check_base(parameters.base, len(participants), total - fixed_sum)
    by_number = {q.number: q for q in _participant_quotas(participants, parameters, total - fixed_sum)}
    quotas = []
    for m in ordered:
        if m.number in by_number:
            quotas.append(by_number[m.number])
        else:
            value = 0.0 if m.excluded else float(m.fixed or 0)
            quotas.append(Quota(m.number, value, 0.0, {}, value, value))
    return Problem(total, ordered, parameters, tuple(quotas), float(time_limit))
