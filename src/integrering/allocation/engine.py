"""The entry point of the engine: :func:`allocate`."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import InvalidInput
from .explain import explain
from .methods import METHODS
from .model import Allocation, Municipality, Parameters
from .quota import DEFAULT_TIME_LIMIT, Problem, build_problem


def objective(problem: Problem, counts: list[int]) -> float:
    """Σ|x_i − q_i| over all municipalities, with the formula's quotas."""
    return float(sum(abs(x - q.quota) for x, q in zip(counts, problem.quotas)))


def solve_counts(problem: Problem, method: str) -> list[int]:
    if method not in METHODS:
        valid = ", ".join(METHODS)
        raise InvalidInput(f"Ukjent metode «{method}». Gyldige verdier: {valid}.")
    return METHODS[method](problem)


def allocate(
    municipalities: Iterable[Municipality],
    total: int,
    parameters: Parameters,
    method: str = "optimal",
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Allocation:
    """Allocate ``total`` over ``municipalities``; rows come sorted by municipality number.

    Raises :class:`InvalidInput` for bad input, :class:`Infeasible` when no allocation
    satisfies the constraints and :class:`SolverFailure` when ``optimal`` cannot prove its
    allocation optimal within ``time_limit`` seconds.
    """
    problem = build_problem(total, list(municipalities), parameters, time_limit)
    counts = solve_counts(problem, method)
    return Allocation(total=total, method=method, objective=objective(problem, counts), rows=explain(problem, counts))
