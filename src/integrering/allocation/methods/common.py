"""Shared parts of the methods: non-participants, and the minimum-lot rule of the classic methods.

Minimum-lot rule of the classic methods (Sainte-Laguë, D'Hondt, largest remainder):

1. The formula's quotas ``q_i`` of the participants (unrounded) are the "votes"; a participant
   whose cap is below its lot can only get 0 and takes no part.
2. Apportion ``R`` with the method, honouring caps. If some municipality gets more than 0
   but less than its lot (``max(m, min_i)``), the one among them with the smallest quota (in a tie: the higher
   municipality number) is set to 0 and the rest are apportioned again. Repeat.
3. If dropping one more would leave too little room under the caps, those that got seats
   are instead raised to their lot and the rest is apportioned on top of that.

With caps that are tight this greedy rule can fail where ``optimal`` finds a solution; it
then reports that no allocation was found (exit status 3), never a wrong sum.

Ties: priorities (and remainders) that differ by less than :data:`RELATIVE_TOLERANCE` of their
size count as equal, so that mathematically equal priorities tie despite floating-point
rounding; the lower municipality number then gets the seat.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..feasibility import check_feasible, min_lot_impossible, usable
from ..quota import Problem

# apportion(votes, house, lower, upper) -> counts, or None when the bounds cannot be met
Apportion = Callable[[np.ndarray, int, np.ndarray, np.ndarray], "np.ndarray | None"]

RELATIVE_TOLERANCE = 1e-9


def same(a: float, b: float) -> bool:
    """``a`` and ``b`` are equal up to :data:`RELATIVE_TOLERANCE` (±inf equals only itself)."""
    if a == b:
        return True
    if not (np.isfinite(a) and np.isfinite(b)):
        return False
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def first_largest(values: np.ndarray) -> int:
    """The lowest index whose value equals the largest up to the tolerance."""
    top = values.max()
    if not np.isfinite(top):
        return int(np.argmax(values))
    return int(np.flatnonzero(values >= top - RELATIVE_TOLERANCE * abs(top))[0])


def last_smallest(values: np.ndarray) -> int:
    """The highest index whose value equals the smallest up to the tolerance."""
    bottom = values.min()
    if not np.isfinite(bottom):
        return len(values) - 1 - int(np.argmin(values[::-1]))
    return int(np.flatnonzero(values <= bottom + RELATIVE_TOLERANCE * abs(bottom))[-1])


def descending_with_ties(values: np.ndarray) -> list[int]:
    """Indices by value, largest first; values equal up to the tolerance (chained) keep index order."""
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    groups, group = [], 0
    for position, i in enumerate(order):
        if position and not same(values[order[position - 1]], values[i]):
            group += 1
        groups.append(group)
    return [i for _, i in sorted(zip(groups, order))]


def fill_non_participants(problem: Problem) -> list[int]:
    """Counts with fixed numbers filled in and 0 for everybody else."""
    return [0 if m.excluded else (m.fixed or 0) for m in problem.municipalities]


def votes_of(values: np.ndarray) -> np.ndarray:
    """Quotas as votes: negative ones count as 0; all zero means equal votes."""
    votes: np.ndarray = np.clip(values, 0.0, None)
    return votes if votes.sum() > 0 else np.ones_like(votes)


def _drop_candidate(below: list[int], quotas: list[float]) -> int:
    return min(below, key=lambda i: (quotas[i], -i))


def _raise_to_lots(
    problem: Problem, apportion: Apportion, active: list[int], plain: np.ndarray, votes: np.ndarray, remaining: int
) -> tuple[list[int], np.ndarray]:
    """Step 3: those with seats in the plain apportionment get at least their lot."""
    keep = [k for k, x in enumerate(plain) if x > 0]
    lots = np.array([problem.lot(active[k]) for k in keep])
    caps = np.array([problem.cap(active[k]) for k in keep])
    result = apportion(votes[keep], remaining, lots, caps)
    if result is None:
        raise min_lot_impossible(problem)
    return [active[k] for k in keep], result


def classic(problem: Problem, apportion: Apportion) -> list[int]:
    """Apply the minimum-lot rule above around a bounded apportionment method."""
    check_feasible(problem)
    counts = fill_non_participants(problem)
    remaining = problem.remaining
    active = [i for i in problem.participants() if usable(problem, i)]
    if remaining == 0 or not active:
        return counts
    quotas = [q.quota for q in problem.quotas]
    exact = [q.exact for q in problem.quotas]
    while True:
        caps = np.array([problem.cap(i) for i in active])
        lots = np.array([problem.lot(i) for i in active])
        votes = votes_of(np.array([exact[i] for i in active]))
        plain = apportion(votes, remaining, np.zeros(len(active), dtype=int), caps)
        if plain is None:  # cannot happen: check_feasible saw room for everything under the caps
            raise min_lot_impossible(problem)
        below = [i for i, x, lot in zip(active, plain, lots) if 0 < x < lot]
        if not below:
            result = plain
            break
        drop = _drop_candidate(below, quotas)
        if caps.sum() - problem.cap(drop) >= remaining and len(active) > 1:
            active.remove(drop)
            continue
        active, result = _raise_to_lots(problem, apportion, active, plain, votes, remaining)
        break
    for index, value in zip(active, result):
        counts[index] = int(value)
    return counts
