"""Largest remainder (Hamilton) with lower and upper bounds.

Quotas ``h·v_i/Σv`` outside the bounds are set to the bound and the rest re-scaled
(repeated until all are inside); then every municipality gets the integer part and the
remaining seats go to the largest fractional parts (in a tie: the lower municipality number),
skipping those at their cap.
"""

from __future__ import annotations

import numpy as np

from ..quota import Problem
from .common import classic


def _bounded_quotas(votes: np.ndarray, house: int, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    quotas = np.zeros(len(votes))
    free = np.ones(len(votes), dtype=bool)
    for _ in range(len(votes) + 1):
        rest = house - quotas[~free].sum()
        weights = votes[free]
        scaled = rest * weights / weights.sum() if weights.sum() > 0 else np.full(weights.size, rest / max(1, weights.size))
        quotas[free] = scaled
        over = free & (quotas > upper)
        under = free & (quotas < lower)
        violators = over if over.any() else under
        if not violators.any():
            break
        quotas[violators] = np.where(over[violators], upper[violators], lower[violators])
        free &= ~violators
        if not free.any():
            break
    return quotas


def bounded_largest_remainder(votes: np.ndarray, house: int, lower: np.ndarray,
                              upper: np.ndarray) -> np.ndarray | None:
    lower = np.asarray(lower, dtype=np.int64)
    upper = np.asarray(upper, dtype=np.int64)
    if lower.sum() > house or upper.sum() < house or np.any(lower > upper):
        return None
    quotas = _bounded_quotas(votes.astype(float), house, lower, upper)
    x = np.clip(np.floor(quotas + 1e-9).astype(np.int64), lower, upper)
    remainders = np.round(quotas - x, 9)
    order = sorted(range(len(x)), key=lambda i: (-remainders[i], i))
    while x.sum() < house:
        progressed = False
        for i in order:
            if x.sum() == house:
                break
            if x[i] < upper[i]:
                x[i] += 1
                progressed = True
        if not progressed:
            return None
    return x


def largest_remainder(problem: Problem) -> list[int]:
    return classic(problem, bounded_largest_remainder)
