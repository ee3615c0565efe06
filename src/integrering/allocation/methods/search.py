"""How ``optimal`` proves each level of its lexicographic objective (see :mod:`.optimal`).

For each level (``f1``, then ``f2`` where caps bind, then the tie rule's points), with the earlier
levels held at their optima:

1. solve the LP relaxation of the integer programme of :mod:`.milp`: a lower bound ``L``;
2. take the receiving set of that LP solution (``z ≥ ½``), spread the total on it exactly
   (:func:`.fair.spread_fairly`) and keep the better of that and the allocation of the previous
   level: if it reaches ``L`` (within the tolerance) it is optimal — the perspective formulation
   and the chains make the relaxation tight on most instances;
3. otherwise branch on the fractional ``z`` (a small branch and bound, :class:`Tree`, with LP
   bounds and such spread allocations), and if that does not settle it within
   :data:`NODE_LIMIT` relaxations, solve the integer programme itself (HiGHS, proven optimal,
   with the best allocation so far as a cutoff).

After each level its value ``B`` bounds every allocation still in play, which tightens the
variable bounds: since ``Σq = Σt = R``, ``|x_i − q_i| ≤ B/2`` (or ``|x_i − t_i| ≤ B/2``), and a
municipality whose being 0 alone would cost more than ``B`` must take part.

Municipalities whose lot is 1 (or no minimum lot) have 0 right next to their range, so the tie
rule's points ignore them; their numbers, 0 included, are set by the last stage.
"""

from __future__ import annotations

import heapq
from typing import TypeGuard

import numpy as np
from scipy.optimize import Bounds, LinearConstraint

from integrering.i18n import gettext as _

from ..errors import SolverFailure
from . import milp as model
from .fair import spread_fairly

TOLERANCE = 1e-6
NODE_LIMIT = 24  # LP relaxations in the small branch and bound before HiGHS's own MILP takes over
FRACTIONAL = 1e-6
BRANCH_ON_X = False


def slack(value: float) -> float:
    return TOLERANCE + model.GAP * abs(value)


def _unavoidable(target: np.ndarray, lots: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """The least |x_i − target_i| each municipality can have on its own (0 or in [lot, cap])."""
    nearest = np.clip(np.round(target), lots, np.maximum(caps, lots))
    inside = np.where(caps >= lots, np.abs(nearest - target), np.inf)
    least: np.ndarray = np.minimum(np.abs(target), inside)
    return least


class Limits:
    """Bounds on the variables, tightened as the levels are settled."""

    def __init__(self, instance: model.Instance):
        self.instance = instance
        self.x_lower, self.x_upper = np.zeros(instance.n), instance.caps.copy()
        self.z_lower = np.zeros(instance.n)
        self.deviation = {"d": np.full(instance.n, np.inf), "e": np.full(instance.n, np.inf)}

    def tighten(self, target: np.ndarray, bound: float, block: str) -> None:
        """Every allocation with ``Σ|x − target| ≤ bound`` stays within the new bounds."""
        lots, caps = self.instance.lots, self.instance.caps
        own = _unavoidable(target, lots, caps)
        own = np.where(np.isfinite(own), own, 0.0)
        forced = (target + np.maximum(target, own.sum() - own) > bound) & (caps >= lots)
        self.x_upper = np.minimum(self.x_upper, np.floor(target + bound / 2))
        self.z_lower[forced] = 1.0
        self.x_lower[forced] = np.maximum.reduce(
            [self.x_lower[forced], lots[forced], np.ceil(target[forced] - bound / 2)]
        )
        self.deviation[block] = np.minimum(self.deviation[block], bound / 2)

    def bounds(self, layout: model.Layout) -> Bounds:
        n = self.instance.n
        z_upper = (self.x_upper >= self.instance.lots).astype(float)
        lower = [self.x_lower, self.z_lower, np.zeros(n)] + ([np.zeros(n)] if layout.secondary else [])
        upper = [np.maximum(self.x_upper, self.x_lower), z_upper, self.deviation["d"]]
        upper += [self.deviation["e"]] if layout.secondary else []
        return Bounds(np.concatenate(lower + [[1.0]]), np.concatenate(upper + [[1.0]]))


class Search:
    """The levels of :mod:`.optimal`, each proven as described above."""

    def __init__(self, instance: model.Instance, deadline: model.Deadline):
        self.instance, self.deadline = instance, deadline
        self.layout = model.Layout(instance.n, instance.secondary)
        self.limits = Limits(instance)
        self.contiguous = (instance.lots <= 1) & (instance.caps >= 1)
        self.fixed: list[LinearConstraint] = []
        self.settled: dict[str, float] = {}
        start = self.spread((instance.t >= instance.lots / 2) & (instance.caps >= instance.lots))
        if start is not None:
            self.limits.tighten(instance.q, self.value("d", start) + TOLERANCE, "d")

    def levels(self) -> list[str]:
        return ["d"] + (["e"] if self.instance.secondary else []) + ["points"]

    def value(self, which: str, counts: np.ndarray) -> float:
        """The level's objective for an allocation (as :func:`.milp.cost` counts it)."""
        if which == "points":
            return float(self.instance.points[counts == 0].sum())
        target = self.instance.q if which == "d" else self.instance.t
        return float(np.abs(counts - target).sum())

    def spread(self, receiving: np.ndarray) -> np.ndarray | None:
        """The total spread exactly over ``receiving`` (and those with lot ≤ 1); None if it cannot be."""
        instance = self.instance
        support = receiving | self.contiguous
        lower = np.where(self.contiguous, 0.0, instance.lots)[support]
        caps = instance.caps[support]
        if lower.sum() > instance.remaining or caps.sum() < instance.remaining or np.any(lower > caps):
            return None
        counts = np.zeros(instance.n, dtype=int)
        counts[support] = spread_fairly(
            instance.q[support], instance.t[support], lower, caps, instance.remaining, instance.place[support]
        )
        return counts

    def admissible(self, counts: np.ndarray | None) -> TypeGuard[np.ndarray]:
        return counts is not None and all(self.value(w, counts) <= v + slack(v) for w, v in self.settled.items())

    def solve(self) -> np.ndarray | None:
        """The participants' counts, or None when no allocation satisfies the constraints."""
        incumbent = None
        for which in self.levels():
            incumbent = self.level(which, incumbent)
            if incumbent is None:
                return None
            self.settle(which, incumbent)
        return incumbent

    def settle(self, which: str, incumbent: np.ndarray) -> None:
        """Hold level ``which`` at the incumbent's value and tighten the bounds with it; after
        ``f1``, the incumbent's ``f2`` bounds the next level's optimum as well."""
        value = self.value(which, incumbent)
        self.settled[which] = value
        c = model.cost(self.layout, self.instance, which)
        self.fixed.append(LinearConstraint(c[None, :], -np.inf, value + slack(value)))
        if which == "d":
            self.limits.tighten(self.instance.q, value + slack(value), "d")
        if which in ("d", "e") and self.instance.secondary:
            second = self.value("e", incumbent)
            self.limits.tighten(self.instance.t, second + slack(second), "e")

    def level(self, which: str, incumbent: np.ndarray | None) -> np.ndarray | None:
        """The best allocation for level ``which``, proven; None when none exists."""
        c = model.cost(self.layout, self.instance, which)
        rows = model.constraints(self.instance, self.layout, self.limits.x_upper) + self.fixed
        bounds = self.limits.bounds(self.layout)
        tree = Tree(self, which, c, rows, bounds, incumbent if self.admissible(incumbent) else None)
        if tree.explore():
            return tree.best
        if tree.best is None and tree.root_infeasible:
            return None
        if tree.best is not None:  # a cutoff: the integer programme need not look at anything worse
            rows = rows + [LinearConstraint(c[None, :], -np.inf, tree.value + slack(tree.value))]
        exact = model.run(c, rows, self.integrality(), bounds, self.deadline)
        if exact is None and (incumbent is not None or tree.best is not None):
            raise SolverFailure(_("The solver did not find a proven optimal allocation (numerical problems)."))
        if exact is None:
            return None
        receiving: np.ndarray = np.rint(exact.x[: self.instance.n]) > 0
        return self.spread(receiving)

    def integrality(self) -> np.ndarray:
        n = self.instance.n
        return np.concatenate([np.ones(2 * n), np.zeros(self.layout.size - 2 * n)])


class Tree:
    """A small branch and bound with LP relaxations as bounds and :meth:`Search.spread` of each
    LP's rounded receiving set as allocations; it branches on a fractional z first, then on a
    fractional x. ``explore()`` is True when it proved ``best`` optimal within
    :data:`NODE_LIMIT` relaxations."""

    def __init__(
        self,
        search: Search,
        which: str,
        c: np.ndarray,
        rows: list[LinearConstraint],
        bounds: Bounds,
        incumbent: np.ndarray | None,
    ) -> None:
        self.search, self.which, self.c, self.rows, self.bounds = search, which, c, rows, bounds
        self.best: np.ndarray | None = incumbent
        self.value = np.inf if incumbent is None else search.value(which, incumbent)
        self.root_infeasible = False
        self.n = search.instance.n
        self.blocks = [slice(self.n, 2 * self.n)] + ([slice(0, self.n)] if BRANCH_ON_X else [])

    def relax(self, fixes: dict[int, tuple[float, float]]) -> model.Result | None:
        lower, upper = self.bounds.lb.copy(), self.bounds.ub.copy()
        for index, (low, high) in fixes.items():
            lower[index], upper[index] = max(lower[index], low), min(upper[index], high)
        if np.any(lower > upper):
            return None
        result = model.run(self.c, self.rows, np.zeros(len(self.c)), Bounds(lower, upper), self.search.deadline)
        if result is not None:
            self.offer(self.search.spread(result.x[self.n : 2 * self.n] >= 0.5))
        return result

    def offer(self, counts: np.ndarray | None) -> None:
        if not self.search.admissible(counts):
            return
        value = self.search.value(self.which, counts)
        if self.best is None or value < self.value - slack(self.value):
            self.best, self.value = counts, value

    def settled(self, bound: float) -> bool:
        """Nothing below this bound can beat the best (the points are whole numbers)."""
        if self.best is None:
            return False
        if self.which == "points":
            return bound > self.value - 1 + FRACTIONAL
        return bound >= self.value - slack(self.value)

    def branch(self, x: np.ndarray) -> list[dict[int, tuple[float, float]]] | None:
        """The two children of a node: on the z nearest ½, else on a fractional x; None if integral."""
        for block in self.blocks:
            values = x[block]
            part = values - np.floor(values)
            open_ = np.flatnonzero((part > FRACTIONAL) & (part < 1 - FRACTIONAL))
            if open_.size:
                i = block.start + int(open_[np.argmin(np.abs(part[open_] - 0.5))])
                return [{i: (np.ceil(x[i]), np.inf)}, {i: (-np.inf, np.floor(x[i]))}]
        return None

    def explore(self) -> bool:
        root = self.relax({})
        if root is None:
            self.root_infeasible = True
            return self.best is not None
        queue: list[tuple[float, int, dict[int, tuple[float, float]], model.Result]] = [(root.fun, 0, {}, root)]
        serial, nodes = 1, 1
        while queue:
            bound, _serial, fixes, result = heapq.heappop(queue)
            if self.settled(bound):
                continue
            children = self.branch(result.x)
            if children is None or nodes + 2 > NODE_LIMIT:
                return False
            for extra in children:
                merged = {**fixes}
                for index, (low, high) in extra.items():
                    old = merged.get(index, (-np.inf, np.inf))
                    merged[index] = (max(old[0], low), min(old[1], high))
                child = self.relax(merged)
                nodes += 1
                if child is not None:
                    heapq.heappush(queue, (child.fun, serial, merged, child))
                    serial += 1
        return self.best is not None
