"""Largest remainder (Hamilton) with lower and upper bounds.

The quotas are ``clip(λ·v_i, lower_i, upper_i)`` with λ such that they sum to the house
size; then every municipality gets the integer part and the
remaining seats go to the largest fractional parts (in a tie — equal up to a relative 1e-9,
see :mod:`.common` — the lower municipality number), skipping those at their cap.
"""

from __future__ import annotations

import numpy as np

from ..quota import Problem
from .common import RELATIVE_TOLERANCE, classic, descending_with_ties


def bounded_shares(votes: np.ndarray, house: int, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """``clip(λ·v_i, lower_i, upper_i)`` with λ chosen (by bisection) so that they sum to ``house``."""
    votes = votes if votes.sum() > 0 else np.ones_like(votes)
    low, high = 0.0, 1.0
    while np.clip(high * votes, lower, upper).sum() < house and high < 1e300:
        high *= 2.0
    for _ in range(80):
        middle = (low + high) / 2
        if np.clip(middle * votes, lower, upper).sum() < house:
            low = middle
        else:
            high = middle
    return np.clip(high * votes, lower, upper).astype(float)


def bounded_largest_remainder(votes: np.ndarray, house: int, lower: np.ndarray, upper: np.ndarray) -> np.ndarray | None:
    lower = np.asarray(lower, dtype=np.int64)
    upper = np.asarray(upper, dtype=np.int64)
    if lower.sum() > house or upper.sum() < house or np.any(lower > upper):
        return None
    quotas = bounded_shares(votes.astype(float), house, lower, upper)
    slack = RELATIVE_TOLERANCE * np.maximum(quotas, 1.0)  # 2.9999999999 is 3
    x: np.ndarray = np.clip(np.floor(quotas + slack).astype(np.int64), lower, upper)
    order = descending_with_ties(np.maximum(quotas - x, 0.0) + 1.0)
    for i in reversed(order):  # float noise in the quotas could leave one too many
        if x.sum() > house and x[i] > lower[i]:
            x[i] -= 1
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
