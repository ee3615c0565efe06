"""Second stage of ``optimal``: among the allocations with the least Σ|x_i − q_i| on a given
set of receiving municipalities, the one closest to proportional.

The objective is lexicographic: first ``Σ|x_i − q_i|``, then ``Σ (x_i − q_i)² / q_i`` (so that
an excess or shortfall is shared in proportion to the quotas, not dumped on one
municipality), then a preference for lower municipality numbers. Both terms are separable
and convex on ``lot_i ≤ x_i ≤ cap_i``, so moving one person at a time from the most
expensive last unit to the cheapest next unit until no move helps gives the exact optimum.
"""

from __future__ import annotations

import numpy as np

DECIMALS = 9


def _costs(x: np.ndarray, q: np.ndarray, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.abs(x - q), (x - q) ** 2 / scale


def _marginals(x, q, scale, lots, caps):
    """(L1, fairness) cost of one more unit, and of the last unit held, per municipality."""
    l1, fair = _costs(x, q, scale)
    l1_up, fair_up = _costs(x + 1, q, scale)
    l1_down, fair_down = _costs(x - 1, q, scale)
    can_add, can_remove = x < caps, x > lots
    add = (np.where(can_add, np.round(l1_up - l1, DECIMALS), np.inf),
           np.where(can_add, fair_up - fair, np.inf))
    last = (np.where(can_remove, np.round(l1 - l1_down, DECIMALS), -np.inf),
            np.where(can_remove, fair - fair_down, -np.inf))
    return add, last


def _best(add, last, rank) -> tuple[int, int]:
    """The cheapest unit to add (lowest number first) and the dearest to remove (highest first)."""
    i = int(np.lexsort((rank, add[1], add[0]))[0])
    j = int(np.lexsort((rank, last[1], last[0]))[-1])
    return i, j


def _better(add, last, i: int, j: int) -> bool:
    return (add[0][i], add[1][i], i) < (last[0][j], last[1][j], j)


def spread_fairly(q: np.ndarray, lots: np.ndarray, caps: np.ndarray, total: int) -> np.ndarray:
    """Integers ``lots ≤ x ≤ caps`` summing to ``total``, lexicographically optimal as above."""
    q = q.astype(float)
    scale = np.maximum(np.abs(q), 1e-6)
    rank = np.arange(len(q))
    x = np.clip(np.round(q), lots, caps).astype(float)
    for _ in range(int(abs(x.sum() - total))):
        add, last = _marginals(x, q, scale, lots, caps)
        i, j = _best(add, last, rank)
        if x.sum() < total:
            x[i] += 1
        else:
            x[j] -= 1
    for _ in range(10 * len(q) + total):
        add, last = _marginals(x, q, scale, lots, caps)
        i, j = _best(add, last, rank)
        if i == j or not _better(add, last, i, j):
            break
        x[i] += 1
        x[j] -= 1
    return np.rint(x).astype(int)
