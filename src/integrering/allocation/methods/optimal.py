"""The ``optimal`` method: minimise ``Σ|x_i − q_i|`` exactly, with the formula's quotas ``q_i``.

The result is lexicographically best by

1. ``f1 = Σ|x_i − q_i|`` — the reported objective;
2. ``f2 = Σ|x_i − t_i|`` with the redistributed quotas ``t_i`` (what does not fit under the caps
   spread over the others in proportion), only where caps bind;
3. the tie rule for *which* municipalities get anything: larger quota first, then larger
   redistributed quota, then lower municipality number (see :mod:`.milp`: within a class of the
   same lot and cap this order is a constraint; across classes the solver maximises points
   ``n − place`` in that order);
4. then, on that set, the amounts by :mod:`.fair` (``f1``, ``f2``, proportional sharing, the tie
   order).

Each of the levels 1–3 is proven optimal (two values within ``TOLERANCE`` count as equal), in
the cheapest way that gives a proof (:mod:`.search`): the LP relaxation of the integer programme
of :mod:`.milp` bounds the level from below; its receiving set, rounded, is spread exactly by
:mod:`.fair`, and when that allocation reaches the bound it is optimal. Only otherwise is the
integer programme solved (HiGHS, relative gap 1e-9). A time limit (``Problem.time_limit``,
default 60 s, for all levels together) is a safety net: when it is hit,
:class:`~..errors.SolverFailure` is raised (exit status 4) — an unproven allocation is never
returned.
"""

from __future__ import annotations

import numpy as np

from ..feasibility import check_feasible, min_lot_impossible, usable
from ..quota import Problem
from . import milp as model
from .common import fill_non_participants
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
    x = Search(instance_of(problem, participants), model.Deadline(problem.time_limit)).solve()
    if x is None:
        raise min_lot_impossible(problem)
    for index, value in zip(participants, x):
        counts[index] = int(value)
    return counts
