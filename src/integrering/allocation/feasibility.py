"""Checks that tell *why* no allocation can satisfy the constraints."""

from __future__ import annotations

from integrering.i18n import gettext as _

from .errors import Infeasible
from .quota import Problem


def usable(problem: Problem, index: int) -> bool:
    """A participant can get a non-zero number only if its cap reaches its lot."""
    return problem.cap(index) >= problem.lot(index)


def reaches_lot(problem: Problem, index: int) -> bool:
    """The participant's own cap (if any) reaches its lot."""
    cap = problem.municipalities[index].cap
    return cap is None or cap >= problem.lot(index)


def check_feasible(problem: Problem) -> None:
    """Raise :class:`Infeasible` with a Norwegian reason for the obvious impossible cases.

    The remaining subtle case (a sum of lots that cannot hit R exactly) is found by the
    solver or the classic methods, which then raise with :func:`min_lot_impossible`.
    """
    remaining = problem.remaining
    if remaining == 0:
        return
    participants = problem.participants()
    if not participants:
        raise Infeasible(
            _(
                "After the fixed numbers %(remaining)s remain, but no municipality can get more (all are left out or "
                "have a fixed number)."
            )
            % {"remaining": remaining}
        )
    capacity = sum(problem.cap(i) for i in participants if usable(problem, i))
    if capacity < remaining:
        # A participant whose own cap reaches its lot but R does not: the minimum lot is to blame.
        blocked = [i for i in participants if reaches_lot(problem, i) and not usable(problem, i)]
        if blocked and capacity == 0:
            lot = min(problem.lot(i) for i in blocked)
            if lot > problem.parameters.min_lot:
                text = _(
                    "The minimum lot %(min_lot)s and the municipalities' own minimum lots make it impossible: a "
                    "municipality that gets anything must have at least %(lot)s, but %(remaining)s are to be distributed."
                )
            else:
                text = _(
                    "The minimum lot %(min_lot)s makes it impossible: a municipality that gets anything must have at "
                    "least %(lot)s, but %(remaining)s are to be distributed."
                )
            raise Infeasible(text % {"min_lot": problem.parameters.min_lot, "lot": lot, "remaining": remaining})
        if blocked:
            raise min_lot_impossible(problem)
        raise Infeasible(
            _(
                "The maximums (where they reach the minimum lot) give only %(capacity)s together, but %(remaining)s are "
                "to be distributed."
            )
            % {"capacity": capacity, "remaining": remaining}
        )
    smallest_lot = min(problem.lot(i) for i in participants if usable(problem, i))
    if smallest_lot > remaining:
        raise min_lot_impossible(problem)


def min_lot_impossible(problem: Problem) -> Infeasible:
    return Infeasible(
        _(
            "The minimum lot %(min_lot)s (and the municipalities' own minimum lots) makes it impossible to distribute "
            "exactly %(remaining)s: no combination of municipalities with 0 or at least the minimum lot and under the "
            "maximum gives the right sum."
        )
        % {"min_lot": problem.parameters.min_lot, "remaining": problem.remaining}
    )
