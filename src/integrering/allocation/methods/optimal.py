"""The ``optimal`` method: minimise ``Σ|x_i − q_i|`` exactly, with the formula's quotas ``q_i``.

The result is lexicographically best by

1. ``f1 = Σ|x_i − q_i|`` — the reported objective;
2. ``f2 = Σ|x_i − t_i|`` with the redistributed quotas ``t_i`` (what does not fit under the caps
   spread over the others in proportion), only where caps bind;
3. the tie rule for *which* municipalities get anything: larger quota first, then larger
   redistributed quota, then lower municipality number: among allocations equal by ``f1`` and
   ``f2`` the one whose receiving municipalities (with a lot above 1) have the most points
   ``n − place`` in that order wins; if two receiving sets still tie, the one that contains the
   first municipality in that order where they differ;
4. then, on that set, the amounts by :mod:`.fair` (``f1``, ``f2``, proportional sharing, the tie
   order).

Two values within ``TOLERANCE`` (1e-6, plus 1e-9 relative) count as equal in levels 1 and 2. The
levels 1–3 are found by the specialised exact algorithm of :mod:`.exact` (chains of equal
municipalities, a Lagrangian bound, every candidate set evaluated exactly in whole numbers of
10⁻⁹) — proven optimal by construction, in milliseconds on a national instance. Should that
search need more than its budget of candidate sets (possible only with very many municipalities
that each have their own minimum or cap), the staged integer programme of :mod:`.search` and
:mod:`.milp` (HiGHS, relative gap 1e-9) takes over, with the same levels. A time limit
(``Problem.time_limit``, default 60 s, for all levels together) is a safety net: when it is hit,
:class:`~..errors.SolverFailure` is raised (exit status 4) — an unproven allocation is never
returned.
"""

from __future__ import annotations

import numpy as np

from ..feasibility import check_feasible, min_lot_impossible, usable
from ..quota import Problem
from . import milp as model
from .common import fill_non_participants
from .exact import Exact, GiveUp
from .fair import spread_fairly
from .search import Search


def instance_of(problem: Problem, participants: list[int]) -> model.Instance:
    quotas = [problem.quotas[i] for i in participants]
    return model.Instance(
        q=np.array([q.quota for q in quotas], dtype=float),
        t=np.array([q.redistributed for q in quotas], dtype=float),
        lots=np.array([problem.lot(i) for i in participants], dtype=float),
        caps=np.array([problem.cap(i) if usable(problem, i) else 0 for i in participants], dtype=float),
        remaining=problem.remaining,
    )


def optimal(problem: Problem) -> list[int]:
    check_feasible(problem)
    participants = problem.participants()
    counts = fill_non_participants(problem)
    if not participants or problem.remaining == 0:
        return counts
    x = solve_instance(instance_of(problem, participants), model.Deadline(problem.time_limit))
    if x is None:
        raise min_lot_impossible(problem)
    for index, value in zip(participants, x):
        counts[index] = int(value)
    return counts


def spread(instance: model.Instance, receiving: np.ndarray) -> np.ndarray:
    """The total spread exactly over ``receiving`` and the municipalities without a lot above 1."""
    contiguous = (instance.lots <= 1) & (instance.caps >= 1)
    support = receiving | contiguous
    lower = np.where(contiguous, 0, instance.lots)[support]
    counts = np.zeros(instance.n, dtype=int)
    counts[support] = spread_fairly(
        instance.q[support],
        instance.t[support],
        lower,
        instance.caps[support],
        instance.remaining,
        instance.place[support],
    )
    return counts


def solve_instance(instance: model.Instance, deadline: model.Deadline) -> np.ndarray | None:
    """The lexicographically optimal counts, or None when no allocation satisfies the constraints."""
    try:
        receiving = Exact(instance, deadline).solve()
    except GiveUp:
        return Search(instance, deadline).solve()
    return None if receiving is None else spread(instance, receiving)
