"""Last stage of ``optimal``: the amounts on a given set of receiving municipalities.

Among the integers ``lot_i ≤ x_i ≤ cap_i`` that add up to the total, the one that is
lexicographically best by

1. ``Σ|x_i − q_i|`` (the formula's quotas),
2. ``Σ|x_i − t_i|`` (the redistributed quotas),
3. ``Σ (x_i − t_i)² / t_i`` — an unavoidable excess or shortfall is shared in proportion to the
   quotas instead of being dumped on one municipality,
4. the tie order (an earlier place — larger quota, then lower number — gets the unit).

Every term is separable and convex on ``[lot_i, cap_i]``, so moving one unit at a time from the
dearest last unit to the cheapest next unit until no move helps gives the exact optimum.
"""

from __future__ import annotations

import numpy as np

DECIMALS = 9


def _costs(x: np.ndarray, q: np.ndarray, t: np.ndarray, scale: np.ndarray) -> tuple:
    return np.abs(x - q), np.abs(x - t), (x - t) ** 2 / scale


def _marginals(x, q, t, scale, lots, caps) -> tuple[list, list]:
    """Cost vectors (f1, f2, f3) of one more unit, and of the last unit held, per municipality."""
    now, up, down = _costs(x, q, t, scale), _costs(x + 1, q, t, scale), _costs(x - 1, q, t, scale)
    can_add, can_remove = x < caps, x > lots
    add, last = [], []
    for k, (a, b, c) in enumerate(zip(now, up, down)):
        plus, minus = b - a, a - c
        if k < 2:  # the L1 terms are multiples of 1e-9 in exact arithmetic
            plus, minus = np.round(plus, DECIMALS), np.round(minus, DECIMALS)
        add.append(np.where(can_add, plus, np.inf))
        last.append(np.where(can_remove, minus, -np.inf))
    return add, last


def _best(add: list, last: list, place: np.ndarray) -> tuple[int, int]:
    """The cheapest unit to add (earliest place first) and the dearest to remove (latest first)."""
    i = int(np.lexsort((place, add[2], add[1], add[0]))[0])
    j = int(np.lexsort((place, last[2], last[1], last[0]))[-1])
    return i, j


def _key(costs: list, index: int, place: np.ndarray) -> tuple:
    return tuple(c[index] for c in costs) + (place[index],)


def spread_fairly(
    q: np.ndarray, t: np.ndarray, lots: np.ndarray, caps: np.ndarray, total: int, place: np.ndarray
) -> np.ndarray:
    """Integers ``lots ≤ x ≤ caps`` summing to ``total``, lexicographically optimal as above."""
    q, t = q.astype(float), t.astype(float)
    scale = np.maximum(np.abs(t), 1e-6)
    x = np.clip(np.round(t), lots, caps).astype(float)
    for _ in range(int(abs(x.sum() - total))):
        i, j = _best(*_marginals(x, q, t, scale, lots, caps), place)
        if x.sum() < total:
            x[i] += 1
        else:
            x[j] -= 1
    for _ in range(10 * len(q) + total):
        add, last = _marginals(x, q, t, scale, lots, caps)
        i, j = _best(add, last, place)
        if i == j or not _key(add, i, place) < _key(last, j, place):
            break
        x[i] += 1
        x[j] -= 1
    return np.rint(x).astype(int)
