"""Small helpers shared by the allocation tests."""

from __future__ import annotations

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
    """The best objective by enumeration; None when nothing satisfies the constraints."""
    choices = [options(problem, i) for i in range(len(problem.municipalities))]
    return brute_force_best([q.quota for q in problem.quotas], choices, problem.total)


ALL_METHODS = sorted(METHODS)
CLASSIC_METHODS = [m for m in ALL_METHODS if m != "optimal"]
