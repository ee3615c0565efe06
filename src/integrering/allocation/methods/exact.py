"""The specialised exact algorithm behind ``optimal``: which municipalities receive anything.

The objective is separable: each municipality's cost depends only on its own number, and the only
non-convex part is «0 or at least the lot». So the problem is to choose the *receiving set*; for a
fixed set the amounts are a convex problem that the greedy of :mod:`.runs` solves exactly.

Municipalities
--------------
- *dead*: a cap below the lot (or 0): always 0;
- *contiguous*: lot 1 (no minimum lot): ``0 ≤ x ≤ cap`` is an interval, so they are always in
  the convex part and 0 is plain rounding;
- *deciding*: lot ≥ 2 and a cap that reaches it: 0 or ``lot ≤ x ≤ cap``.

Chains
------
Deciding municipalities with the same lot and the same cap form a *class*; within a class, in the
tie order (larger quota ``q``, then larger redistributed quota ``t``, then lower number), a
municipality never gets 0 while a later one gets something, in every optimum of (Σ|x − q|,
Σ|x − t|, tie points): if ``i`` comes before ``j``, ``x_i = 0`` and ``x_j = v > 0``, giving ``v``
to ``i`` instead is feasible (same range) and changes each term by ``F(q_i) − F(q_j)`` with
``F(q) = |v − q| − q``, which does not increase in ``q`` (and likewise with ``t``, which within a
class is ordered like ``q``), while the tie points strictly grow. So a receiving set is a number
``m_c`` per class: the first ``m_c`` of the class.

Search
------
A depth-first search over the classes' ``m_c``. Its bound is the Lagrangian relaxation of the sum
constraint with a multiplier ``λ`` (any ``λ`` gives a valid bound: for every allocation,
``Σ|x_i − q_i| = λR + Σ(|x_i − q_i| − λx_i) ≥ λR + Σ_i min over i's options``); ``λ`` is chosen
to make it as large as possible (it is concave in ``λ``; golden-section search on [−1, 1], where
its maximum lies). The best ``m`` of a class in the relaxation, and how much worse each other
``m`` is, follow from prefix sums along the chain. Each complete choice is evaluated exactly with
:meth:`.runs.Runs.cheapest` (whole numbers of 10⁻⁹); a branch is cut only when its bound is above
the best value found plus the tolerance, so every set within the tolerance of the optimum is
found, and among those the levels after the first decide exactly as documented in
:mod:`.optimal`: the least ``Σ|x − t|`` (within the tolerance), then the most tie points, then
(for determinism) the set whose first difference in the tie order is a municipality it contains.

The search gives up (:class:`GiveUp`) after :data:`LEAF_BUDGET` complete choices; the caller then
falls back on the integer programme (:mod:`.search`), so the result stays proven optimal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import milp as model
from .runs import NANO, Runs, deviation, nano

TOLERANCE = 1e-6  # as in :mod:`.search`: two values this close (plus 1e-9 relative) count as equal
GAP = 1e-9
LEAF_BUDGET = 20_000
GOLDEN = (5**0.5 - 1) / 2


class GiveUp(Exception):
    """The search would take too long; use the integer programme instead."""


def slack(value: int) -> int:
    """The tolerance around a value in units of 10⁻⁹."""
    return int(TOLERANCE * NANO + GAP * abs(value))


@dataclass
class Candidate:
    first: int
    second: int
    points: float
    receiving: np.ndarray  # of the deciding municipalities, in tie order (for the last tie rule)
    z: np.ndarray  # receiving deciding municipalities (all participants)


class Classes:
    """The deciding municipalities grouped into chains (see the module documentation)."""

    def __init__(self, instance: model.Instance, deciding: np.ndarray):
        keyed: dict[tuple[float, float], list[int]] = {}
        for i in instance.order:
            if deciding[i]:
                keyed.setdefault((instance.lots[i], instance.caps[i]), []).append(i)
        chains = sorted(keyed.values(), key=len)  # small classes first: the large one is chosen last
        self.chains = [np.array(chain) for chain in chains]
        self.members = np.concatenate(self.chains) if chains else np.zeros(0, dtype=int)
        sizes = np.array([len(chain) for chain in chains], dtype=int)
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(int) if chains else sizes
        self.lots = np.array([instance.lots[c[0]] for c in self.chains], dtype=np.int64)
        self.caps = np.array([instance.caps[c[0]] for c in self.chains], dtype=np.int64)

    def prefix_values(self, inside: np.ndarray, outside: np.ndarray) -> list[np.ndarray]:
        """Per class, the relaxation's value for ``m = 0 … size`` (the first ``m`` inside)."""
        values = []
        for chain in self.chains:
            gain = inside[chain] - outside[chain]
            values.append(outside[chain].sum() + np.concatenate([[0.0], np.cumsum(gain)]))
        return values

    def best(self, inside: np.ndarray, outside: np.ndarray) -> float:
        """Σ over classes of the best prefix (vectorised over the classes)."""
        if not len(self.members):
            return 0.0
        gain = inside[self.members] - outside[self.members]
        running = np.cumsum(gain)
        before = np.concatenate([[0.0], running])[self.starts]
        lowest = np.minimum.reduceat(running, self.starts) - before
        return float(outside[self.members].sum() + np.minimum(lowest, 0.0).sum())


class Exact:
    """Finds the optimal receiving set of an :class:`~.milp.Instance` (see the module)."""

    def __init__(self, instance: model.Instance, deadline: model.Deadline):
        self.instance, self.deadline = instance, deadline
        lots = instance.lots.astype(np.int64)
        self.caps = caps = instance.caps.astype(np.int64)
        self.deciding = (lots >= 2) & (caps >= lots)
        self.contiguous = (lots <= 1) & (caps >= 1)
        self.lower = np.where(self.deciding, lots, 0)
        self.q, self.t = nano(instance.q), nano(instance.t) if instance.secondary else None
        movable = self.deciding | self.contiguous
        self.runs = Runs.build(np.where(movable, self.lower, 0), np.where(movable, caps, 0), self.q, self.t)
        self.outside = (self.q, self.t)
        self.inside = (deviation(self.lower, self.q), None if self.t is None else deviation(self.lower, self.t))
        self.classes = Classes(instance, self.deciding)
        self.leaves = 0
        q = instance.q
        corners = np.stack([self.lower, caps, np.floor(q), np.floor(q) + 1], axis=1)
        self.corners = np.clip(corners, self.lower[:, None], np.maximum(caps, self.lower)[:, None])
        self.distances = np.abs(self.corners - q[:, None])

    # -- the Lagrangian bound (real units, floating point; only used to cut branches) -----------
    def options(self, lam: float) -> np.ndarray:
        """``min (|x − q| − λx)`` over each municipality's range when it receives: the minimum of a
        convex piecewise-linear function lies at a breakpoint (lot, cap, ⌊q⌋ or ⌊q⌋ + 1)."""
        least: np.ndarray = (self.distances - lam * self.corners).min(axis=1)
        return least

    def relaxation(self, lam: float) -> float:
        inside = self.options(lam)
        q = self.instance.q
        fixed = float(inside[self.contiguous].sum() + q[~(self.contiguous | self.deciding)].sum())
        return lam * self.instance.remaining + fixed + self.classes.best(inside, q)

    def multiplier(self) -> float:
        low, high = -1.0, 1.0
        a, b = high - GOLDEN * (high - low), low + GOLDEN * (high - low)
        fa, fb = self.relaxation(a), self.relaxation(b)
        for _ in range(40):
            if fa < fb:
                low, a, fa = a, b, fb
                b = low + GOLDEN * (high - low)
                fb = self.relaxation(b)
            else:
                high, b, fb = b, a, fa
                a = high - GOLDEN * (high - low)
                fa = self.relaxation(a)
        return a if fa >= fb else b

    # -- evaluating one receiving set exactly ------------------------------------------------------
    def evaluate(self, z: np.ndarray) -> tuple[int, int] | None:
        """``(Σ|x − q|, Σ|x − t|)`` in units of 10⁻⁹ of the best amounts on the set, or None."""
        active = self.contiguous | z
        need = self.instance.remaining - int(self.lower[active].sum())
        extra = self.runs.cheapest(active, need)
        if extra is None:
            return None
        first = int(np.where(active, self.inside[0], self.outside[0]).sum()) + extra[0]
        second = 0
        if self.inside[1] is not None and self.outside[1] is not None:  # both exactly when there is a ``t``
            second = int(np.where(active, self.inside[1], self.outside[1]).sum()) + extra[1]
        return first, second

    # -- the search --------------------------------------------------------------------------------
    def solve(self) -> np.ndarray | None:
        """The receiving deciding municipalities (a boolean mask), or None if none is feasible."""
        if self.deadline.left() <= 0:
            raise self.deadline.exceeded()
        lam = self.multiplier()
        inside, q = self.options(lam), self.instance.q
        self.values = self.classes.prefix_values(inside, q)
        lowest = [float(v.min()) for v in self.values]
        self.rest = np.concatenate([np.cumsum(lowest[::-1])[::-1], [0.0]])
        fixed = float(inside[self.contiguous].sum() + q[~(self.contiguous | self.deciding)].sum())
        self.base = lam * self.instance.remaining + fixed
        self.margin = 1e-7 + 1e-12 * float(np.abs(inside).sum() + q.sum() + self.instance.remaining)
        self.capacity = float(self.caps[self.contiguous].sum())
        self.room = np.concatenate(
            [np.cumsum([(len(c) * cap) for c, cap in zip(self.classes.chains, self.classes.caps)][::-1])[::-1], [0]]
        )
        self.best: int | None = None
        self.found: list[Candidate] = []
        self.z = np.zeros(self.instance.n, dtype=bool)
        self.descend(0, 0.0, 0, 0)
        return self.choose()

    def limit(self) -> float:
        if self.best is None:
            return np.inf
        return (self.best + slack(self.best)) / NANO + self.margin

    def descend(self, level: int, value: float, low: int, high: int) -> None:
        """Choose ``m`` for class ``level`` and the ones after it (a branch's value so far, and the
        units its receiving deciding municipalities need at least and can take at most)."""
        if level == len(self.values):
            self.leaf()
            return
        values, chain = self.values[level], self.classes.chains[level]
        lot, cap = int(self.classes.lots[level]), int(self.classes.caps[level])
        remaining = self.instance.remaining
        for m in np.argsort(values, kind="stable"):
            if self.base + value + values[m] + self.rest[level + 1] > self.limit():
                break
            m = int(m)
            if low + m * lot > remaining or high + m * cap + self.room[level + 1] + self.capacity < remaining:
                continue
            self.z[chain[:m]] = True
            self.descend(level + 1, value + float(values[m]), low + m * lot, high + m * cap)
            self.z[chain[:m]] = False

    def leaf(self) -> None:
        self.leaves += 1
        if self.leaves % 256 == 0 and self.deadline.left() <= 0:
            raise self.deadline.exceeded()
        if self.leaves > LEAF_BUDGET:
            raise GiveUp
        cost = self.evaluate(self.z)
        if cost is None:
            return
        first, second = cost
        if self.best is not None and first > self.best + slack(self.best):
            return
        if self.best is None or first < self.best:
            self.best = first
            self.found = [c for c in self.found if c.first <= first + slack(first)]
        z = self.z.copy()
        points = float(self.instance.points[z].sum())
        self.found.append(
            Candidate(first, second, points, z[self.instance.order][self.deciding[self.instance.order]], z)
        )

    def choose(self) -> np.ndarray | None:
        if not self.found:
            return None
        found = self.found
        least = min(c.second for c in found)
        found = [c for c in found if c.second <= least + slack(least)]
        most = max(c.points for c in found)
        found = [c for c in found if c.points == most]
        best = max(found, key=lambda c: tuple(c.receiving))
        return best.z
