"""The integer programme behind ``optimal`` (scipy's ``milp``, i.e. HiGHS), solved in stages.

Variables per participant: ``x_i`` (integer), ``z_i`` (binary: gets anything at all), ``d_i``
(deviation from the formula's quota ``q_i``) and, when caps bind, ``e_i`` (deviation from the
redistributed quota ``t_i``); a last variable is fixed at 1 and carries the constants, so that
the solver's gap is on the true objective. "0 or at least the lot" is the semi-integer pair
``lot_i·z_i ≤ x_i ≤ cap_i·z_i``. The costs are written in perspective form,
``d_i ≥ |x_i − q_i·z_i|`` plus ``q_i·(1 − z_i)``, which equals ``|x_i − q_i|`` for integral z and
is the convex hull of each municipality's choice.

Levels (each proven optimal):

1. minimise ``f1 = Σ|x_i − q_i|``;
2. if some caps bind: minimise ``f2 = Σ|x_i − t_i|`` with ``f1 ≤ f1* + ε``;
3. the tie rule: maximise ``Σ points_i·z_i`` with ``f1``, ``f2`` held at their optima, where
   the points are ``n − place_i`` in the tie order (larger quota first, then larger
   redistributed quota, then lower municipality number).

:mod:`.search` decides, level by level, whether the LP relaxation already proves an allocation
optimal or the integer programme must be solved.

Symmetry breaking (what keeps near-equal quotas from making the search explode): within a class
of participants with the same lot and the same cap, ``z`` is non-increasing along the tie
order. This cuts off no lexicographic optimum: if ``i`` comes before ``j`` in the same class,
``x_i = 0`` and ``x_j > 0``, handing ``x_j`` to ``i`` instead is feasible and changes
``φ(x_j − q_i) + φ(−q_j) − φ(−q_i) − φ(x_j − q_j)`` for each convex cost φ, which is ≤ 0 because
``q_i ≥ q_j`` (and ``t_i ≥ t_j``: within a class t is ordered like q), and it gains points.

HiGHS sometimes prints debugging lines on the process's standard output; the solver runs with
file descriptor 1 sent to ``/dev/null`` (under a lock) so that CSV or JSON output stays clean.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeAlias

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array

from integrering.i18n import gettext as _

from ..errors import SolverFailure

# What scipy's ``milp`` returns (an ``OptimizeResult``: ``status``, ``x``, ``fun``, ``message``); scipy ships no type
# information, so it is ``Any`` to the type checker.
Result: TypeAlias = Any

STATUS_OPTIMAL = 0
STATUS_LIMIT = 1
STATUS_INFEASIBLE = 2
GAP = 1e-9
_STDOUT = threading.Lock()


@dataclass(frozen=True)
class Instance:
    """The participants as seen by the solver, in municipality-number order."""

    q: np.ndarray  # the formula's quotas
    t: np.ndarray  # the redistributed quotas
    lots: np.ndarray
    caps: np.ndarray  # 0 for a participant whose cap is below its lot
    remaining: int

    @property
    def n(self) -> int:
        return len(self.q)

    @cached_property
    def order(self) -> list[int]:
        """The tie order: larger quota, then larger redistributed quota, then lower number."""
        return sorted(range(self.n), key=lambda i: (-self.q[i], -self.t[i], i))

    @cached_property
    def place(self) -> np.ndarray:
        place = np.empty(self.n, dtype=int)
        place[self.order] = np.arange(self.n)
        return place

    @cached_property
    def points(self) -> np.ndarray:
        """The tie rule's points: ``n − place``; 0 where the lot is 1 or less (0 is then rounding)."""
        return np.where(self.lots > 1, self.n - self.place, 0).astype(float)

    @cached_property
    def secondary(self) -> bool:
        """Whether the redistributed quotas differ from the formula's (some cap binds)."""
        return bool(np.any(np.abs(self.q - self.t) > 1e-9))

    def chains(self) -> list[tuple[int, int]]:
        """Pairs (a, b), consecutive in the tie order within a class: z_a ≥ z_b."""
        last: dict[tuple[float, float], int] = {}
        pairs = []
        for i in self.order:
            if self.caps[i] < self.lots[i]:
                continue
            key = (self.lots[i], self.caps[i])
            if key in last:
                pairs.append((last[key], i))
            last[key] = i
        return pairs


@dataclass(frozen=True)
class Layout:
    """Where each group of variables sits in the variable vector."""

    n: int
    secondary: bool

    @property
    def size(self) -> int:
        return (4 if self.secondary else 3) * self.n + 1

    def block(self, which: str) -> int:
        return {"x": 0, "z": self.n, "d": 2 * self.n, "e": 3 * self.n}[which]

    @property
    def one(self) -> int:
        return self.size - 1


def _rows(layout: Layout, terms: list[tuple[str, np.ndarray]]) -> csr_array:
    """One row per participant i with, for each (block, values), values[i] at block + i."""
    index = np.arange(layout.n)
    cols = np.concatenate([layout.block(block) + index for block, _ in terms])
    rows = np.tile(index, len(terms))
    vals = np.concatenate([values for _, values in terms])
    return coo_array((vals, (rows, cols)), shape=(layout.n, layout.size)).tocsr()


def _deviation_rows(layout: Layout, target: np.ndarray, block: str) -> list[LinearConstraint]:
    """``dev ≥ |x − target·z|`` as two rows per participant, and the chord row.

    For integral x, ``|x − τ|`` lies on or above the chord through ``(⌊τ⌋, f)`` and
    ``(⌊τ⌋ + 1, 1 − f)`` (``f`` the fractional part): ``dev ≥ (1 − 2f)(x − ⌊τ⌋·z) + f·z``. The
    three rows are the convex hull of ``|x − τ|`` on the integers, so for a fixed receiving set
    the LP relaxation is exact.
    """
    ones = np.ones(layout.n)
    floor = np.floor(target)
    f = target - floor
    slope = 1 - 2 * f
    above = _rows(layout, [("x", ones), ("z", -target), (block, -ones)])
    below = _rows(layout, [("x", ones), ("z", -target), (block, ones)])
    chord = _rows(layout, [(block, ones), ("x", -slope), ("z", slope * floor - f)])
    return [LinearConstraint(above, -np.inf, 0), LinearConstraint(below, 0, np.inf), LinearConstraint(chord, 0, np.inf)]


def _chain_rows(layout: Layout, pairs: list[tuple[int, int]]) -> list[LinearConstraint]:
    if not pairs:
        return []
    a, b = (np.array(side) for side in zip(*pairs))
    rows = np.tile(np.arange(len(pairs)), 2)
    cols = layout.block("z") + np.concatenate([a, b])
    vals = np.concatenate([np.ones(len(pairs)), -np.ones(len(pairs))])
    matrix = coo_array((vals, (rows, cols)), shape=(len(pairs), layout.size)).tocsr()
    return [LinearConstraint(matrix, 0, np.inf)]


def constraints(instance: Instance, layout: Layout, upper: np.ndarray) -> list[LinearConstraint]:
    """Σx = R, the deviations, the lot and the cap (``upper``) and the chains."""
    ones = np.ones(instance.n)
    total = np.zeros(layout.size)
    total[: instance.n] = 1
    result = [LinearConstraint(csr_array(total[None, :]), instance.remaining, instance.remaining)]
    result += _deviation_rows(layout, instance.q, "d")
    if layout.secondary:
        result += _deviation_rows(layout, instance.t, "e")
    lot = _rows(layout, [("x", ones), ("z", -instance.lots)])
    cap = _rows(layout, [("x", ones), ("z", -upper)])
    result += [LinearConstraint(lot, 0, np.inf), LinearConstraint(cap, -np.inf, 0)]
    return result + _chain_rows(layout, instance.chains())


def cost(layout: Layout, instance: Instance, which: str) -> np.ndarray:
    """The objective vector of ``f1`` (``"d"``), ``f2`` (``"e"``) or the points (``"points"``)."""
    vector = np.zeros(layout.size)
    z = slice(layout.block("z"), layout.block("z") + layout.n)
    if which == "points":
        vector[z], vector[layout.one] = -instance.points, instance.points.sum()
        return vector
    target = instance.q if which == "d" else instance.t
    start = layout.block(which)
    vector[start : start + layout.n] = 1
    vector[z], vector[layout.one] = -target, target.sum()
    return vector


def _flush_c_stdout() -> None:
    with contextlib.suppress(Exception):
        ctypes.CDLL(None).fflush(None)


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Send the process's file descriptor 1 to /dev/null meanwhile (one thread at a time)."""
    with _STDOUT:
        try:
            sys.stdout.flush()
            saved = os.dup(1)
        except (OSError, ValueError, AttributeError):  # no usable standard output at all
            yield
            return
        sink = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(sink, 1)
            yield
        finally:
            _flush_c_stdout()
            os.dup2(saved, 1)
            os.close(saved)
            os.close(sink)


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def exceeded(self) -> SolverFailure:
        return SolverFailure(
            _(
                "No proven optimal allocation within the time limit of %(seconds)s seconds. Try a larger time limit "
                "(--time-limit), another minimum lot or base, or another method."
            )
            % {"seconds": f"{self.seconds:g}"}
        )


def run(
    c: np.ndarray, rows: list[LinearConstraint], integrality: np.ndarray, bounds: Bounds, deadline: Deadline
) -> Result | None:
    """One proven-optimal solve; None when infeasible; :class:`SolverFailure` otherwise."""
    left = deadline.left()
    if left <= 0:
        raise deadline.exceeded()
    with quiet_stdout():
        result = milp(
            c,
            constraints=rows,
            integrality=integrality,
            bounds=bounds,
            options={"mip_rel_gap": GAP, "time_limit": left},
        )
        if result.status not in (STATUS_OPTIMAL, STATUS_LIMIT, STATUS_INFEASIBLE):
            # HiGHS's presolve can claim optimality for a point it then finds infeasible ("Solve
            # error", seen on tiny infeasible instances); solving once more without it is sound.
            result = milp(
                c,
                constraints=rows,
                integrality=integrality,
                bounds=bounds,
                options={"mip_rel_gap": GAP, "time_limit": max(deadline.left(), 1e-3), "presolve": False},
            )
    if result.status == STATUS_INFEASIBLE:
        return None
    if result.status == STATUS_LIMIT:
        raise deadline.exceeded()
    if result.status != STATUS_OPTIMAL:
        raise SolverFailure(
            _("The solver did not find a proven optimal allocation: %(reason)s") % {"reason": result.message}
        )
    return result
