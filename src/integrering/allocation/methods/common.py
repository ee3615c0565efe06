"""Shared parts of the methods: non-participants, and the minimum-lot rule of the classic methods.

Minimum-lot rule of the classic methods (Sainte-Laguë, D'Hondt, largest remainder):

1. The quotas ``q_i`` of the participants are the "votes"; a participant whose cap is
   below its lot can only get 0 and takes no part.
2. Apportion ``R`` with the method, honouring caps. If some municipality gets more than 0
   but less than its lot (``max(m, min_i)``), the one among them with the smallest quota (in a tie: the higher
   municipality number) is set to 0 and the rest are apportioned again. Repeat.
3. If dropping one more would leave too little room under the caps, those that got seats
   are instead raised to their lot and the rest is apportioned on top of that.

With caps that are tight this greedy rule can fail where ``optimal`` finds a solution; it
then reports that no allocation was found (exit status 3), never a wrong sum.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..feasibility import check_feasible, min_lot_impossible, usable
from ..quota import Problem

# apportion(votes, house, lower, upper) -> counts, or None when the bounds cannot be met
Apportion = Callable[[np.ndarray, int, np.ndarray, np.ndarray], "np.ndarray | None"]


def fill_non_participants(problem: Problem) -> list[int]:
    """Counts with fixed numbers filled in and 0 for everybody else."""
    return [0 if m.excluded else (m.fixed or 0) for m in problem.municipalities]


def votes_of(values: np.ndarray) -> np.ndarray:
    """Quotas as votes: negative ones count as 0; all zero means equal votes."""
    votes = np.clip(values, 0.0, None)
    return votes if votes.sum() > 0 else np.ones_like(votes)


def _drop_candidate(below: list[int], quotas: list[float]) -> int:
    return min(below, key=lambda i: (quotas[i], -i))


def _raise_to_lots(problem: Problem, apportion: Apportion, active: list[int], plain: np.ndarray,
                   votes: np.ndarray, remaining: int) -> tuple[list[int], np.ndarray]:
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
    while True:
        caps = np.array([problem.cap(i) for i in active])
        lots = np.array([problem.lot(i) for i in active])
        votes = votes_of(np.array([quotas[i] for i in active]))
        plain = apportion(votes, remaining, np.zeros(len(active), dtype=int), caps)
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
