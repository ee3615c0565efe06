"""The ``optimal`` method: minimise Σ|x_i − q_i| exactly with a MILP (scipy/HiGHS).

Variables per participant: ``x_i`` (integer), ``z_i`` (binary: gets anything at all) and
``d_i``. "0 or at least the lot" is the semi-integer pair ``lot_i·z_i ≤ x_i ≤ cap_i·z_i``.
The cost is written in perspective form, ``d_i ≥ |x_i − q_i·z_i|`` plus ``|q_i|·(1 − z_i)``,
which equals ``|x_i − q_i|`` for integral z and is the convex hull of each municipality's
choice, so the LP relaxation is tight and HiGHS needs little branching. A feasible quick
allocation bounds the objective, which tightens the variable bounds (see ``_bounds``). The
solver must report proven optimality (relative gap 1e-9 on the true objective).

The MILP decides *which* municipalities get 0. Σ|x − q| is indifferent to *where* an unavoidable excess or shortfall goes, so a second, exact stage
(:mod:`.fair`) chooses, among the allocations on that set with the same least Σ|x − q|,
the one closest to proportional, and then the lower municipality numbers. Ties between
different sets of municipalities at 0 are left to HiGHS, which is deterministic; the input
is always sorted by number, so the result never depends on row order.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array, hstack, identity

from ..errors import SolverFailure
from ..feasibility import check_feasible, min_lot_impossible, usable
from ..quota import Problem
from .common import fill_non_participants
from .fair import spread_fairly

STATUS_OPTIMAL = 0
STATUS_INFEASIBLE = 2


def _constraints(q: np.ndarray, lots: np.ndarray, caps: np.ndarray, remaining: int) -> list:
    """Constraints over the variable vector [x, z, d] (perspective form: d_i ≥ |x_i − q_i·z_i|)."""
    n = len(q)
    eye = identity(n, format="csr")
    zero = csr_array((n, n))
    diagonal = lambda values: csr_array(np.diag(values))  # noqa: E731
    total = LinearConstraint(csr_array(np.concatenate([np.ones(n), np.zeros(2 * n)])[None, :]),
                             remaining, remaining)
    above = LinearConstraint(hstack([eye, -diagonal(q), -eye]), -np.inf, 0)  # x − q·z − d ≤ 0
    below = LinearConstraint(hstack([eye, -diagonal(q), eye]), 0, np.inf)    # x − q·z + d ≥ 0
    lot = LinearConstraint(hstack([eye, -diagonal(lots), zero]), 0, np.inf)
    cap = LinearConstraint(hstack([eye, -diagonal(caps), zero]), -np.inf, 0)
    return [total, above, below, lot, cap]


def heuristic_bound(q: np.ndarray, lots: np.ndarray, caps: np.ndarray, remaining: int) -> float | None:
    """Σ|x − q| of a quick feasible allocation (those with at least half their lot take part),
    or None when that allocation is not feasible. Used only to tighten the MILP."""
    support = (q >= lots / 2) & (caps >= lots)
    if not support.any() or lots[support].sum() > remaining or caps[support].sum() < remaining:
        return None
    x = np.zeros(len(q))
    x[support] = spread_fairly(q[support], lots[support], caps[support], remaining)
    return float(np.abs(x - q).sum())


def _unavoidable(q: np.ndarray, lots: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """The least |x_i − q_i| each municipality can have on its own: 0 or an integer in [lot, cap]."""
    nearest = np.clip(np.round(q), lots, np.maximum(caps, lots))
    inside = np.where(caps >= lots, np.abs(nearest - q), np.inf)
    return np.minimum(np.abs(q), inside)


def _bounds(q, lots, caps, bound: float | None) -> tuple[Bounds, np.ndarray]:
    """Variable bounds for [x, z, d], tightened by a known objective bound ``B``.

    Since Σq = R, a deviation of one municipality is matched by the others:
    Σ_{j≠i}|x_j − q_j| ≥ |x_i − q_i|, so |x_i − q_i| ≤ B/2. A municipality at 0 costs
    |q_i| + max(|q_i|, Σ_{j≠i} c_j) at least (c_j: what j costs anyway), so where that exceeds
    B it cannot be 0.
    """
    n = len(q)
    upper = caps.copy()
    x_lower, z_lower, d_upper = np.zeros(n), np.zeros(n), np.full(n, np.inf)
    if bound is not None:
        own = _unavoidable(q, lots, caps)
        others = np.where(np.isfinite(own), own, 0.0).sum() - np.where(np.isfinite(own), own, 0.0)
        forced = (np.abs(q) + np.maximum(np.abs(q), others) > bound) & (caps >= lots)
        upper = np.minimum(upper, np.floor(q + bound / 2))
        z_lower[forced] = 1.0
        x_lower[forced] = np.maximum(lots[forced], np.ceil(q[forced] - bound / 2))
        d_upper[:] = bound / 2
    z_upper = (upper >= lots).astype(float)
    return Bounds(np.concatenate([x_lower, z_lower, np.zeros(n)]),
                  np.concatenate([np.maximum(upper, x_lower), z_upper, d_upper])), upper


def solve(q: np.ndarray, lots: np.ndarray, caps: np.ndarray, remaining: int) -> np.ndarray | None:
    """Solve the MILP for participants; None when it is infeasible."""
    n = len(q)
    bound = heuristic_bound(q, lots, caps, remaining)
    bounds, upper = _bounds(q, lots, caps, None if bound is None else bound + 1e-6)
    # Σ d_i + Σ |q_i|·(1 − z_i): a municipality at 0 costs |q_i|. The constant Σ|q_i| sits on
    # a variable fixed at 1 (the last one), so that the solver's gap is on the true objective.
    cost = np.concatenate([np.zeros(n), -np.abs(q), np.ones(n), [np.abs(q).sum()]])
    integrality = np.concatenate([np.ones(2 * n), np.zeros(n + 1)])
    bounds = Bounds(np.append(bounds.lb, 1.0), np.append(bounds.ub, 1.0))
    constraints = [LinearConstraint(hstack([c.A, csr_array((c.A.shape[0], 1))]), c.lb, c.ub)
                   for c in _constraints(q, lots, upper, remaining)]
    result = milp(cost, constraints=constraints, integrality=integrality, bounds=bounds,
                  options={"mip_rel_gap": 1e-9})
    if result.status == STATUS_INFEASIBLE:
        return None
    if result.status != STATUS_OPTIMAL:
        raise SolverFailure(f"Løseren fant ikke en bevist optimal fordeling: {result.message}")
    return np.rint(result.x[:n]).astype(int)


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
    # with a lot of 1 (or none) 0 is next to the range, so those stay free to take part
    contiguous = (lots <= 1) & (caps >= 1)
    support = (x > 0) | contiguous
    lower = np.where(contiguous, 0.0, lots)
    x[support] = spread_fairly(q[support], lower[support], caps[support], remaining)
    for index, value in zip(participants, x):
        counts[index] = int(value)
    return counts
