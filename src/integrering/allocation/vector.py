"""Vectorised quotas for the participants (used by :mod:`.quota`, calibration and sensitivity).

Caps enter the quotas: a participant whose quota exceeds its cap is treated like a fixed
municipality at its cap and the quotas of the others are recomputed with what is left
(repeated until no quota exceeds its cap). Without this, the excess over the caps would be
spread arbitrarily by the L1 objective.
"""

from __future__ import annotations

import numpy as np

from .errors import InvalidInput
from .model import Municipality, Parameters

QUOTA_DECIMALS = 9


def criteria_matrix(participants: list[Municipality], criteria: list[str]) -> np.ndarray:
    """``C[i, k]`` = value of criterion k for participant i."""
    return np.array([[float(m.criteria[k]) for k in criteria] for m in participants],
                    dtype=float).reshape(len(participants), len(criteria))


def weighted_shares(values: np.ndarray, alpha: np.ndarray, exponents: np.ndarray,
                    lower_is_better: np.ndarray | None = None) -> np.ndarray:
    """``α_k · s_ik`` per participant and criterion; a criterion that is 0 everywhere gives equal shares."""
    signs = np.where(lower_is_better, -1.0, 1.0) if lower_is_better is not None else 1.0
    positive = values > 0
    with np.errstate(over="ignore", invalid="ignore"):
        powered = np.where(positive, np.power(np.where(positive, values, 1.0), exponents * signs), 0.0)
        sums = powered.sum(axis=0)
    if not np.isfinite(sums).all():
        raise InvalidInput("Kriterieverdiene er for store for eksponenten (tallene blir uendelige).")
    shares = np.where(sums > 0, powered / np.where(sums > 0, sums, 1.0), 1.0 / max(1, len(values)))
    return shares * alpha


def spread(weights: np.ndarray, base: float, remaining: float,
           caps: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Quotas ``b + (R' − b·|P'|)·w_i/Σw`` with caps applied as described above.

    Returns the quotas, the mask of capped participants and, per participant, the factor
    that turns its weight into its share of the quota (for the explanation).
    """
    n = len(weights)
    caps = np.full(n, np.inf) if caps is None else caps
    capped = np.zeros(n, dtype=bool)
    quotas, factor = np.zeros(n), np.zeros(n)
    for _ in range(n + 1):
        free = ~capped
        left = remaining - caps[capped].sum()
        total = weights[free].sum()
        share = weights[free] / total if total > 0 else np.full(int(free.sum()), 1.0 / max(1, free.sum()))
        amount = left - base * free.sum()
        quotas[free] = base + amount * share
        factor[free] = amount / total if total > 0 else 0.0
        quotas[capped] = caps[capped]
        new = free & (quotas > caps)
        if not new.any():
            break
        capped |= new
    return np.round(quotas, QUOTA_DECIMALS), capped, factor


def quota_vector(values: np.ndarray, alpha: np.ndarray, exponents: np.ndarray, base: float,
                 remaining: float, lower_is_better: np.ndarray | None = None,
                 factors: np.ndarray | None = None, caps: np.ndarray | None = None) -> np.ndarray:
    """The quotas of :mod:`.quota` for a matrix of criteria values.

    ``factors`` (optional) multiplies each participant's weight ``w_i`` (used by sensitivity).
    """
    weights = weighted_shares(values, alpha, exponents, lower_is_better).sum(axis=1)
    if factors is not None:
        weights = weights * factors
    return spread(weights, base, remaining, caps)[0]


def parameter_arrays(parameters: Parameters) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    criteria = list(parameters.weights)
    alpha = np.array([parameters.weights[k] for k in criteria], dtype=float)
    exponents = np.array([parameters.exponent(k) for k in criteria], dtype=float)
    lower = np.array([k in parameters.lower_is_better for k in criteria], dtype=bool)
    return criteria, alpha, exponents, lower
