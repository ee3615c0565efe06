"""Last stage of ``optimal``: the amounts on a given set of receiving municipalities.

Among the integers ``lot_i ≤ x_i ≤ cap_i`` that add up to the total, the one that is
lexicographically best by

1. ``Σ|x_i − q_i|`` (the formula's quotas),
2. ``Σ|x_i − t_i|`` (the redistributed quotas),
3. ``Σ (x_i − t_i)² / t_i`` — an unavoidable excess or shortfall is shared in proportion to the
   quotas instead of being dumped on one municipality,
4. the tie order (an earlier place — larger quota, then lower number — gets the unit).

Every term is separable and convex on ``[lot_i, cap_i]``, and the marginal cost of a unit,
``(Δ1, Δ2, Δ3, place)``, grows strictly along each municipality's range (``Δ3 = (2(x − t) + 1)/t``
grows by ``2/t`` per unit). The optimum is therefore exactly the set of the cheapest units, taken
all at once: the runs of :mod:`.runs` below the last unit's ``(Δ1, Δ2)`` in full, and within that
last group of runs the units with the smallest ``(Δ3, place)``, found by bisection on ``Δ3``
(water-filling). It is the same allocation as moving one unit at a time from the dearest last unit
to the cheapest next unit until no move helps, only without the loop.
"""

from __future__ import annotations

import numpy as np

from .runs import Runs, nano


def _third(x: np.ndarray, t: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """``Δ3`` of the unit from ``x`` to ``x + 1``."""
    third: np.ndarray = (2.0 * (x - t) + 1.0) / scale
    return third


def _count(theta: float, start: np.ndarray, length: np.ndarray, t: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Per run, how many of its units have ``Δ3 ≤ theta`` (a prefix of the run)."""
    guess = np.floor((theta * scale - 1.0) / 2.0 + t) - start + 1
    count: np.ndarray = np.clip(guess, 0, length).astype(np.int64)
    for _ in range(2):  # the closed form may be one off in floating point: settle it on Δ3 itself
        count -= (count > 0) & (_third(start + count - 1, t, scale) > theta)
        count += (count < length) & (_third(start + count, t, scale) <= theta)
    return count


def _estimate(start: np.ndarray, length: np.ndarray, t: np.ndarray, scale: np.ndarray, units: int) -> float:
    """``θ`` where the continuous counts ``clip(θ·scale/2 + t − start + ½, 0, length)`` add up to
    ``units`` (each run's count is within one unit of its exact count at the same ``θ``)."""
    slope, offset = scale / 2.0, t - start + 0.5
    begin, end = -offset / slope, (length - offset) / slope
    events = np.concatenate([begin, end])
    order = np.argsort(events, kind="stable")
    starting = order < len(start)
    runs = np.where(starting, order, order - len(start))
    sign = np.where(starting, 1.0, -1.0)
    slopes = np.cumsum(sign * slope[runs])
    offsets = np.cumsum(sign * offset[runs])
    full = np.cumsum(np.where(starting, 0.0, length[runs]))
    at = slopes * events[order] + offsets + full
    k = min(int(np.searchsorted(at, units)), len(at) - 1)
    if k == 0 or slopes[k - 1] <= 0:
        return float(events[order][k])
    return float((units - offsets[k - 1] - full[k - 1]) / slopes[k - 1])


def _water_fill(
    start: np.ndarray, length: np.ndarray, t: np.ndarray, scale: np.ndarray, place: np.ndarray, units: int
) -> np.ndarray:
    """Per run, how many of its first units are among the ``units`` cheapest by ``(Δ3, place)``."""
    guess = _estimate(start, length, t, scale, units)
    step = 4.0 / scale.max() + 1e-12 * abs(guess)
    low, high = guess - step, guess + step
    while _count(low, start, length, t, scale).sum() >= units:
        low, step = low - step, step * 2
    while _count(high, start, length, t, scale).sum() < units:
        high, step = high + step, step * 2
    while True:
        below, upto = _count(low, start, length, t, scale), _count(high, start, length, t, scale)
        middle = (low + high) / 2
        if (upto - below).sum() <= len(start) or not low < middle < high:
            break
        if _count(middle, start, length, t, scale).sum() >= units:
            high = middle
        else:
            low = middle
    at = upto - below
    runs = np.repeat(np.arange(len(start)), at)
    if len(runs):
        offsets = np.arange(len(runs)) - np.repeat(np.cumsum(at) - at, at)
        cost = _third(start[runs] + below[runs] + offsets, t[runs], scale[runs])
        chosen = runs[np.lexsort((place[runs], cost))[: units - int(below.sum())]]
        np.add.at(below, chosen, 1)
    return below


def spread_fairly(
    q: np.ndarray, t: np.ndarray, lots: np.ndarray, caps: np.ndarray, total: int, place: np.ndarray
) -> np.ndarray:
    """Integers ``lots ≤ x ≤ caps`` summing to ``total``, lexicographically optimal as above."""
    q, t = np.asarray(q, dtype=float), np.asarray(t, dtype=float)
    x = np.asarray(lots).astype(np.int64)
    need = int(total - x.sum())
    if need <= 0:
        return x
    runs = Runs.build(x, np.asarray(caps).astype(np.int64), nano(q), nano(t))
    cumulative = np.cumsum(runs.length)
    last = int(np.searchsorted(cumulative, need))
    group = np.flatnonzero((runs.m1 == runs.m1[last]) & (runs.m2 == runs.m2[last]))
    first = int(group[0])
    np.add.at(x, runs.item[:first], runs.length[:first])
    left = need - (int(cumulative[first - 1]) if first else 0)
    items = runs.item[group]
    scale = np.maximum(np.abs(t[items]), 1e-6)
    taken = _water_fill(runs.start[group], runs.length[group], t[items], scale, np.asarray(place)[items], left)
    np.add.at(x, items, taken)
    return x
