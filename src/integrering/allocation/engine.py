"""The entry point of the engine: :func:`allocate`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from integrering.i18n import gettext as _

from .errors import InvalidInput
from .explain import explain
from .methods import METHODS
from .minors import allocate_minors
from .model import Allocation, Municipality, Parameters
from .quota import DEFAULT_TIME_LIMIT, Problem, build_problem


def objective(problem: Problem, counts: list[int]) -> float:
    """Σ|x_i − q_i| over all municipalities, with the formula's quotas."""
    return float(sum(abs(x - q.quota) for x, q in zip(counts, problem.quotas)))


def solve_counts(problem: Problem, method: str) -> list[int]:
    if method not in METHODS:
        valid = ", ".join(METHODS)
        raise InvalidInput(
            _("Unknown method «%(method)s». Valid values: %(valid)s.") % {"method": method, "valid": valid}
        )
    return METHODS[method](problem)


def allocate(
    municipalities: Iterable[Municipality],
    total: int,
    parameters: Parameters,
    method: str = "optimal",
    time_limit: float = DEFAULT_TIME_LIMIT,
    *,
    minors_total: int | None = None,
    minors_min_lot: int = 0,
) -> Allocation:
    """Allocate ``total`` over ``municipalities``; rows come sorted by municipality number.

    With ``minors_total`` (the minors' frame M), the unaccompanied minors are then spread within the
    result by :func:`~.minors.allocate_minors` (minimum lot ``minors_min_lot``; always the optimal
    rule, whatever ``method`` spread the total); each row carries its :class:`~.model.MinorsRow`.

    Raises :class:`InvalidInput` for bad input, :class:`Infeasible` when no allocation
    satisfies the constraints and :class:`SolverFailure` when ``optimal`` cannot prove its
    allocation optimal within ``time_limit`` seconds (per allocation: the total, the minors).
    """
    problem = build_problem(total, list(municipalities), parameters, time_limit)
    counts = solve_counts(problem, method)
    rows = explain(problem, counts)
    result = Allocation(total=total, method=method, objective=objective(problem, counts), rows=rows)
    if minors_total is None:
        return result
    minors = allocate_minors(
        problem.municipalities,
        result.counts(),
        {row.number: row.quota for row in rows},
        minors_total,
        minors_min_lot,
        time_limit,
    )
    rows = tuple(replace(row, minors=minor) for row, minor in zip(rows, minors.rows))
    return replace(result, rows=rows, minors=minors)
