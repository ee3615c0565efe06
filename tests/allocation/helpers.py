"""Small helpers shared by the allocation tests."""

from __future__ import annotations

import itertools

from integrering.allocation.methods import METHODS
from integrering.allocation.quota import Problem, build_problem

from .strategies import Instance, brute_force_best


def problem_of(instance: Instance) -> Problem:
    return build_problem(instance.total, instance.municipalities, instance.parameters)


def options(problem: Problem, index: int) -> list[int]:
    """Every value municipality ``index`` may take."""
    m = problem.municipalities[index]
    if m.excluded:
        return [0]
    if m.fixed is not None:
        return [m.fixed]
    return [0] + list(range(problem.lot(index), problem.cap(index) + 1))


def brute_force(problem: Problem) -> float | None:
    """The best objective (against the formula's quotas) by enumeration; None when nothing
    satisfies the constraints."""
    choices = [options(problem, i) for i in range(len(problem.municipalities))]
    return brute_force_best([q.quota for q in problem.quotas], choices, problem.total)


def every_allocation(problem: Problem) -> list[tuple[int, ...]]:
    """Every allocation that satisfies the constraints (small instances only)."""
    choices = [options(problem, i) for i in range(len(problem.municipalities))]
    return [tuple(x) for x in itertools.product(*choices) if sum(x) == problem.total]


def tie_points(problem: Problem, counts) -> int:
    """The tie rule's points of the receiving participants with a lot above 1: ``n − place`` in
    the order larger quota, larger redistributed quota, lower number (as documented)."""
    participants = problem.participants()
    order = sorted(participants, key=lambda i: (-problem.quotas[i].quota, -problem.quotas[i].redistributed, i))
    place = {index: k for k, index in enumerate(order)}
    return sum(len(participants) - place[i] for i in participants if counts[i] > 0 and problem.lot(i) > 1)


def lexicographic_best(problem: Problem, tolerance: float = 1e-6) -> tuple[float, float, int] | None:
    """By enumeration: the least Σ|x − q|, then (among those within ``tolerance``) the least
    Σ|x − t|, then the most tie points — the order ``optimal`` documents."""
    candidates = every_allocation(problem)
    if not candidates:
        return None
    levels = [
        lambda x: sum(abs(c - q.quota) for c, q in zip(x, problem.quotas)),
        lambda x: sum(abs(c - q.redistributed) for c, q in zip(x, problem.quotas)),
    ]
    best = []
    for level in levels:
        value = min(level(x) for x in candidates)
        candidates = [x for x in candidates if level(x) <= value + tolerance]
        best.append(value)
    return best[0], best[1], max(tie_points(problem, x) for x in candidates)


ALL_METHODS = sorted(METHODS)
CLASSIC_METHODS = [m for m in ALL_METHODS if m != "optimal"]
