"""The ``optimal`` method: minimise Σ|x_i − q_i| exactly with a MILP (scipy/HiGHS).

Variables per participant: ``x_i`` (integer), ``z_i`` (binary: gets anything at all) and
``d_i ≥ |x_i − q_i|``. "0 or at least the lot" is the semi-integer pair
``lot_i·z_i ≤ x_i ≤ cap_i·z_i``. The solver must report proven optimality.

Tie-breaking: a tiny perturbation ``ε·rank_i·x_i`` (rank by municipality number, total below
1e-6) nudges the solver towards lower municipality numbers, and after the solve
:func:`prefer_lower_numbers` moves single persons from higher to lower numbers as long as the
objective does not get worse. The input is sorted by number and HiGHS is deterministic, so
the result never depends on row order.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array, hstack, identity

from ..errors import SolverFailure
from ..feasibility import check_feasible, min_lot_impossible, usable
from ..quota import Problem
from .common import fill_non_participants

STATUS_OPTIMAL = 0
STATUS_INFEASIBLE = 2


def _constraints(q: np.ndarray, lots: np.ndarray, caps: np.ndarray, remaining: int) -> list:
    """Constraints over the variable vector [x, z, d]."""
    n = len(q)
    eye = identity(n, format="csr")
    zero = csr_array((n, n))
    total = LinearConstraint(csr_array(np.concatenate([np.ones(n), np.zeros(2 * n)])[None, :]),
                             remaining, remaining)
    above = LinearConstraint(hstack([eye, zero, -eye]), -np.inf, q)   # x − d ≤ q
    below = LinearConstraint(hstack([eye, zero, eye]), q, np.inf)     # x + d ≥ q
    lot = LinearConstraint(hstack([eye, -csr_array(np.diag(lots)), zero]), 0, np.inf)
    cap = LinearConstraint(hstack([eye, -csr_array(np.diag(caps)), zero]), -np.inf, 0)
    return [total, above, below, lot, cap]


def solve(q: np.ndarray, lots: np.ndarray, caps: np.ndarray, remaining: int) -> np.ndarray | None:
    """Solve the MILP for participants; None when it is infeasible."""
    n = len(q)
    epsilon = 1e-6 / (n * max(remaining, 1))
    cost = np.concatenate([epsilon * np.arange(1, n + 1), np.zeros(n), np.ones(n)])
    z_upper = (caps >= lots).astype(float)
    bounds = Bounds(np.zeros(3 * n), np.concatenate([caps, z_upper, np.full(n, np.inf)]))
    integrality = np.concatenate([np.ones(2 * n), np.zeros(n)])
    result = milp(cost, constraints=_constraints(q, lots, caps, remaining),
                  integrality=integrality, bounds=bounds, options={"mip_rel_gap": 1e-9})
    if result.status == STATUS_INFEASIBLE:
        return None
    if result.status != STATUS_OPTIMAL:
        raise SolverFailure(f"Løseren fant ikke en bevist optimal fordeling: {result.message}")
    return np.rint(result.x[:n]).astype(int)


def _move_costs(x, q, lots, caps) -> tuple[np.ndarray, np.ndarray]:
    """Change of Σ|x − q| when one is added to / removed from each (inf: not allowed)."""
    deviation = np.abs(x - q)
    can_add = (x + 1 <= caps) & ((x + 1 >= lots) | (x > 0))
    can_remove = (x - 1 >= lots) | (x == 1)
    up = np.where(can_add, np.abs(x + 1 - q) - deviation, np.inf)
    down = np.where(can_remove & (x > 0), np.abs(x - 1 - q) - deviation, np.inf)
    return up, down


def prefer_lower_numbers(x: np.ndarray, q, lots, caps, tolerance: float = 1e-9) -> np.ndarray:
    """Canonical tie-breaking after the solve: while one person can move from a higher to a
    lower municipality number without making Σ|x − q| worse, move them. Each move lowers
    Σ rank·x, so this ends; it leaves the objective unchanged (or better)."""
    x = x.astype(float)
    positions = np.arange(len(x))
    for _ in range(int(x.sum()) + len(x)):
        up, down = _move_costs(x, q, lots, caps)
        move = None
        for i in np.flatnonzero(np.isfinite(up)):
            targets = np.flatnonzero((positions > i) & (up[i] + down <= tolerance))
            if targets.size:
                move = (i, targets[-1])
                break
        if move is None:
            break
        x[move[0]] += 1
        x[move[1]] -= 1
    return np.rint(x).astype(int)


def optimal(problem: Problem) -> list[int]:
    check_feasible(problem)
    participants = problem.participants()
    remaining = problem.remaining
    counts = fill_non_participants(problem)
    if not participants or remaining == 0:
        return counts
    q = np.array([problem.quotas[i].quota for i in participants], dtype=float)
    lots = np.array([problem.lot(i) for i in participants], dtype=float)
    caps = np.array([problem.cap(i) if usable(problem, i) else 0 for i in participants], dtype=float)
    x = solve(q, lots, caps, remaining)
    if x is None:
        raise min_lot_impossible(problem)
    x = prefer_lower_numbers(x, q, lots, caps)
    for index, value in zip(participants, x):
        counts[index] = int(value)
    return counts
