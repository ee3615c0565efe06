"""Exact unit costs of the separable objective of ``optimal``, and the convex fill on a fixed set.

Quotas are rounded to 9 decimals, so in units of 10⁻⁹ (:data:`NANO`) every ``|x − q|`` is a whole
number and sums are exact in 64-bit integers (for totals up to 10⁹).

A municipality that takes part with ``lo ≤ x ≤ hi`` has, for each unit from ``x`` to ``x + 1``, the
marginal cost ``(Δ|x − q|, Δ|x − t|)``. It is constant between the breakpoints ``⌊q⌋``, ``⌊q⌋ + 1``,
``⌊t⌋`` and ``⌊t⌋ + 1``, so each municipality's range splits into at most five *runs* of equal
marginal cost, and the marginal costs grow from run to run (both terms are convex). Giving the units
in order of increasing marginal cost (ties in any order) is therefore the lexicographic minimum of
``(Σ|x − q|, Σ|x − t|)`` over all whole ``lo ≤ x ≤ hi`` with ``Σx = R`` — the classic greedy for a
separable convex objective with one sum constraint, which holds for lexicographically ordered costs
as well because the lexicographic order is compatible with addition.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

NANO = 10**9


def nano(values: npt.ArrayLike) -> np.ndarray:
    """Values with 9 decimals as whole numbers of 10⁻⁹."""
    whole: np.ndarray = np.rint(np.asarray(values, dtype=float) * NANO).astype(np.int64)
    return whole


def deviation(x: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``|x − target|`` in units of 10⁻⁹ (``target`` already in those units)."""
    distance: np.ndarray = np.abs(x.astype(np.int64) * NANO - target)
    return distance


@dataclass(frozen=True)
class Runs:
    """The runs of a set of municipalities, sorted by marginal cost ``(m1, m2)``."""

    item: np.ndarray  # which municipality (index into the arrays the runs were built from)
    start: np.ndarray
    length: np.ndarray
    m1: np.ndarray
    m2: np.ndarray

    @classmethod
    def build(cls, lo: np.ndarray, hi: np.ndarray, q: np.ndarray, t: np.ndarray | None) -> Runs:
        """Runs of every municipality with ``hi > lo``; ``q``, ``t`` in units of 10⁻⁹ (``t`` None:
        only the first term)."""
        lo, hi = lo.astype(np.int64), hi.astype(np.int64)
        fq = q // NANO
        ft = fq if t is None else t // NANO
        points = np.stack([lo, hi, fq, fq + 1, ft, ft + 1], axis=1)
        points = np.sort(np.clip(points, lo[:, None], np.maximum(hi, lo)[:, None]), axis=1)
        starts, lengths = points[:, :-1], np.diff(points, axis=1)
        keep = lengths > 0
        item = np.broadcast_to(np.arange(len(lo))[:, None], starts.shape)[keep]
        start, length = starts[keep], lengths[keep]
        m1 = deviation(start + 1, q[item]) - deviation(start, q[item])
        m2 = np.zeros_like(m1) if t is None else deviation(start + 1, t[item]) - deviation(start, t[item])
        order = np.lexsort((m2, m1))
        return cls(item[order], start[order], length[order], m1[order], m2[order])

    def cheapest(self, active: np.ndarray, need: int) -> tuple[int, int] | None:
        """The cost ``(Σ m1, Σ m2)`` of the ``need`` cheapest units of the runs of the ``active``
        municipalities; None when they hold fewer than ``need`` units."""
        if need < 0:
            return None
        lengths = np.where(active[self.item], self.length, 0)
        cumulative = np.cumsum(lengths)
        if need == 0:
            return 0, 0
        if not len(cumulative) or cumulative[-1] < need:
            return None
        k = int(np.searchsorted(cumulative, need))
        rest = need - (int(cumulative[k - 1]) if k else 0)
        first = int(np.dot(self.m1[:k], lengths[:k])) + int(self.m1[k]) * rest
        second = int(np.dot(self.m2[:k], lengths[:k])) + int(self.m2[k]) * rest
        return first, second
