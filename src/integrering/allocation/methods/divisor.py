"""Divisor methods (highest averages): Sainte-Laguë (divisors 1, 3, 5, … ≡ s + ½) and
D'Hondt (divisors 1, 2, 3, … ≡ s + 1), with lower and upper bounds.

The start is the rounding of ``v_i / D`` (clipped to the bounds) for a divisor ``D`` found by
bisection, which is a divisor apportionment for a house size just below the target; seats are then added or removed one
at a time by priority ``v_i / d(x_i)`` until the sum is right, and finally seats are moved
while some municipality has a strictly better claim. In a tie (priorities equal up to a
relative 1e-9, see :mod:`.common`) the lower municipality number gets the seat. This gives the
same result as giving the seats one by one, only faster.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..quota import Problem
from .common import classic, first_largest, last_smallest, same

Divisor = Callable[[np.ndarray], np.ndarray]


def _sainte_lague_divisor(seats: np.ndarray) -> np.ndarray:
    return seats + 0.5


def _dhondt_divisor(seats: np.ndarray) -> np.ndarray:
    return seats + 1.0


def _start(votes: np.ndarray, house: int, divisor: Divisor, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """``clip(x(λ))`` with the largest λ found by bisection whose sum does not exceed ``house``,
    where ``x(λ)`` is the smallest x with ``divisor(x) ≥ λ·v``: a divisor apportionment."""
    offset = divisor(np.zeros(1))[0]

    def seats(scale: float) -> np.ndarray:
        counts: np.ndarray = np.clip(np.ceil(scale * votes - offset), lower, upper).astype(np.int64)
        return counts

    low, high = 0.0, house / max(votes.sum(), 1e-300)
    while seats(high).sum() < house and high < 1e300:
        low, high = high, high * 2.0
    for _ in range(64):
        middle = (low + high) / 2
        if seats(middle).sum() <= house:
            low = middle
        else:
            high = middle
    return seats(low)


def _add_priority(votes: np.ndarray, x: np.ndarray, upper: np.ndarray, divisor: Divisor) -> np.ndarray:
    return np.where(x < upper, votes / divisor(x.astype(float)), -np.inf)


def _remove_priority(votes: np.ndarray, x: np.ndarray, lower: np.ndarray, divisor: Divisor) -> np.ndarray:
    # the divisor of the last seat held; 1 where no seat can be removed (masked anyway)
    held = np.where(x > lower, divisor(x.astype(float) - 1.0), 1.0)
    return np.where(x > lower, votes / held, np.inf)


def bounded_divisor(
    votes: np.ndarray, house: int, lower: np.ndarray, upper: np.ndarray, divisor: Divisor
) -> np.ndarray | None:
    """Apportion ``house`` seats by votes with ``lower ≤ x ≤ upper``; None if impossible."""
    lower = np.asarray(lower, dtype=np.int64)
    upper = np.asarray(upper, dtype=np.int64)
    if lower.sum() > house or upper.sum() < house or np.any(lower > upper):
        return None
    x = _start(votes, house, divisor, lower, upper)
    while x.sum() < house:
        x[first_largest(_add_priority(votes, x, upper, divisor))] += 1
    while x.sum() > house:
        x[last_smallest(_remove_priority(votes, x, lower, divisor))] -= 1
    for _ in range(len(x) * 4 + house):
        add = _add_priority(votes, x, upper, divisor)
        remove = _remove_priority(votes, x, lower, divisor)
        i, j = first_largest(add), last_smallest(remove)
        if i == j or not _better_claim(add[i], remove[j], i < j):
            break
        x[i] += 1
        x[j] -= 1
    return x


def _better_claim(add: float, remove: float, lower_number: bool) -> bool:
    """The next seat of one beats the last seat of another (a tie goes to the lower number)."""
    if same(add, remove):
        return lower_number
    return add > remove


def sainte_lague(problem: Problem) -> list[int]:
    return classic(problem, lambda v, h, lo, up: bounded_divisor(v, h, lo, up, _sainte_lague_divisor))


def dhondt(problem: Problem) -> list[int]:
    return classic(problem, lambda v, h, lo, up: bounded_divisor(v, h, lo, up, _dhondt_divisor))
