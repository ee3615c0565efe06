"""Errors of the allocation engine. Messages are translated (:mod:`integrering.i18n`) when the error is raised:
they are shown to users as they are."""

from __future__ import annotations

from integrering.i18n import gettext as _

EXIT_OK = 0
EXIT_INVALID_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_NOT_PROVEN = 4


class AllocationError(Exception):
    """Base class; ``exit_code`` is what the command line returns."""

    exit_code = 1


class InvalidInput(AllocationError):
    """The input cannot be read or does not make sense (exit status 2).

    ``municipality`` and ``column`` say what the error concerns when the engine knows it (the
    command line turns them into the file's row and column); ``detail`` is the message without
    the «Kommune NNNN:» prefix that ``str()`` shows.
    """

    exit_code = EXIT_INVALID_INPUT

    def __init__(self, message: str, *, municipality: str | None = None, column: str | None = None):
        self.detail = message
        self.municipality = municipality
        self.column = column
        super().__init__(
            _("Municipality %(number)s: %(message)s") % {"number": municipality, "message": message}
            if municipality
            else message
        )

    @classmethod
    def at(
        cls, message: str, *, file: str | None = None, row: int | None = None, column: str | None = None
    ) -> InvalidInput:
        """An error that names the file, row and column it concerns."""
        place = []
        if file:
            place.append(_("file «%(file)s»") % {"file": file})
        if row is not None:
            place.append(_("row %(row)s") % {"row": row})
        if column:
            place.append(_("column «%(column)s»") % {"column": column})
        prefix = ", ".join(place)
        return cls(f"{prefix}: {message}" if prefix else message)


class Infeasible(AllocationError):
    """No allocation can satisfy the constraints (exit status 3)."""

    exit_code = EXIT_INFEASIBLE


class SolverFailure(AllocationError):
    """The MILP solver did not prove an allocation optimal, for example within its time limit
    (exit status 4). An unproven allocation is never returned as optimal."""

    exit_code = EXIT_NOT_PROVEN
