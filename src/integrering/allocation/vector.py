"""Vectorised quotas for the participants (used by :mod:`.quota`, calibration and sensitivity).

Two quota vectors are computed:

- the formula's quotas ``q_i = b + (R − b·|P|)·w_i/Σw`` (caps play no part): the ``kvote``
  column and the primary objective ``Σ|x_i − q_i|`` of ``optimal``;
- the *redistributed* quotas: a participant whose quota exceeds its cap is treated like a fixed
  municipality at its cap and the quotas of the others are recomputed with what is left
  (repeated until no quota exceeds its cap). ``optimal`` uses them as its secondary target, so
  that what does not fit under the caps goes to the others in proportion.

Both are returned unrounded; :mod:`.quota` rounds them to :data:`QUOTA_DECIMALS`.
"""

from __future__ import annotations

import numpy as np

from integrering.i18n import gettext as _

from .errors import InvalidInput
from .model import Municipality, Parameters

QUOTA_DECIMALS = 9


def criteria_matrix(participants: list[Municipality], criteria: list[str]) -> np.ndarray:
    """``C[i, k]`` = value of criterion k for participant i."""
    return np.array([[float(m.criteria[k]) for k in criteria] for m in participants], dtype=float).reshape(
        len(participants), len(criteria)
    )


def weighted_shares(
    values: np.ndarray, alpha: np.ndarray, exponents: np.ndarray, lower_is_better: np.ndarray | None = None
) -> np.ndarray:
    """``α_k · s_ik`` per participant and criterion; a criterion that is 0 everywhere gives equal shares."""
    signs = np.where(lower_is_better, -1.0, 1.0) if lower_is_better is not None else 1.0
    positive = values > 0
    with np.errstate(over="ignore", invalid="ignore"):
        powered = np.where(positive, np.power(np.where(positive, values, 1.0), exponents * signs), 0.0)
        sums = powered.sum(axis=0)
    if not np.isfinite(sums).all():
        raise InvalidInput(_("The criterion values are too large for the exponent (the numbers become infinite)."))
    shares = np.where(sums > 0, powered / np.where(sums > 0, sums, 1.0), 1.0 / max(1, len(values)))
    weighted: np.ndarray = shares * alpha
    return weighted


def formula_quotas(weights: np.ndarray, base: float, remaining: float) -> tuple[np.ndarray, float]:
    """``b + (R − b·n)·w_i/Σw`` for weights ``w_i``, and the factor ``(R − b·n)/Σw`` that turns
    a weight into its share (for the explanation's contributions); equal shares when Σw = 0."""
    total = weights.sum()
    amount = remaining - base * len(weights)
    if total > 0:
        return base + amount * (weights / total), amount / total
    return np.full(len(weights), base + amount / max(1, len(weights))), 0.0


def redistributed_quotas(
    weights: np.ndarray, base: float, remaining: float, caps: np.ndarray | None = None
) -> np.ndarray:
    """The quotas with caps applied as described above (``caps`` may hold ``inf``)."""
    n = len(weights)
    if caps is None or not np.isfinite(caps).any():
        return formula_quotas(weights, base, remaining)[0]
    capped = np.zeros(n, dtype=bool)
    quotas = np.zeros(n)
    for _round in range(n + 1):
        free = ~capped
        quotas[free] = formula_quotas(weights[free], base, remaining - caps[capped].sum())[0]
        quotas[capped] = caps[capped]
        new = free & (quotas > caps)
        if not new.any():
            break
        capped |= new
    return quotas


def quota_vector(
    values: np.ndarray,
    alpha: np.ndarray,
    exponents: np.ndarray,
    base: float,
    remaining: float,
    lower_is_better: np.ndarray | None = None,
    factors: np.ndarray | None = None,
    caps: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The formula's and the redistributed quotas (unrounded) for a matrix of criteria values.

    ``factors`` (optional) multiplies each participant's weight ``w_i`` (used by sensitivity).
    """
    weights = weighted_shares(values, alpha, exponents, lower_is_better).sum(axis=1)
    if factors is not None:
        weights = weights * factors
    return formula_quotas(weights, base, remaining)[0], redistributed_quotas(weights, base, remaining, caps)


def parameter_arrays(parameters: Parameters) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    criteria = list(parameters.weights)
    alpha = np.array([parameters.weights[k] for k in criteria], dtype=float)
    exponents = np.array([parameters.exponent(k) for k in criteria], dtype=float)
    lower = np.array([k in parameters.lower_is_better for k in criteria], dtype=bool)
    return criteria, alpha, exponents, lower
