"""Checks that tell *why* no allocation can satisfy the constraints."""

from __future__ import annotations

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
            f"Etter de faste tallene gjenstår {remaining}, men ingen kommuner kan få flere "
            "(alle er utelatt eller har fast tall)."
        )
    capacity = sum(problem.cap(i) for i in participants if usable(problem, i))
    if capacity < remaining:
        # A participant whose own cap reaches its lot but R does not: the minimum lot is to blame.
        blocked = [i for i in participants if reaches_lot(problem, i) and not usable(problem, i)]
        if blocked and capacity == 0:
            lot = min(problem.lot(i) for i in blocked)
            own = " og kommunenes egne minstetall" if lot > problem.parameters.min_lot else ""
            raise Infeasible(
                f"Minstetallet {problem.parameters.min_lot}{own} gjør det umulig: en kommune som får noe, "
                f"skal ha minst {lot}, men {remaining} skal fordeles."
            )
        if blocked:
            raise min_lot_impossible(problem)
        raise Infeasible(
            f"Maks-tallene (der de når minstetallet) gir til sammen bare {capacity}, men {remaining} skal fordeles."
        )
    smallest_lot = min(problem.lot(i) for i in participants if usable(problem, i))
    if smallest_lot > remaining:
        raise min_lot_impossible(problem)


def min_lot_impossible(problem: Problem) -> Infeasible:
    return Infeasible(
        f"Minstetallet {problem.parameters.min_lot} (og kommunenes egne minstetall) gjør det "
        f"umulig å fordele nøyaktig {problem.remaining}: ingen kombinasjon av kommuner med "
        "0 eller minst minstetallet og under maks gir riktig sum."
    )
