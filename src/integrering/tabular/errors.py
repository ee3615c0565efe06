"""Errors of the tabular package: structured data and an English default message, no Django.

Every error has

- ``code``: a stable English identifier (for tests, logs and the Django side's translation);
- ``template``: the English message with ``%(name)s`` placeholders, taken from :data:`MESSAGES`;
- ``params``: the values for the placeholders. Numbers stay numbers, so that the side that shows the message
  formats them for its language (``200 000`` in Norwegian);
- where it applies: ``limit`` (the name of the :class:`~integrering.tabular.limits.Limits` field) and
  ``limit_value``, ``row`` (as the user counts rows: the first row of the file, normally the header, is 1) and
  ``column`` (the header as written in the file, or the spreadsheet's column letter when no header is known).

``str(error)`` is the English message with its place («Row 5, column «C»: …»); ``error.render(gettext, display)``
is the same through a translation and a way of writing numbers. The templates are marked with
:func:`integrering.i18n.gettext_noop` (a no-op, not Django's), so ``makemessages`` collects them into the project's
catalogue, which Django's gettext and the standard library's ``gettext`` module both read (``integrering.i18n``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final, TypeVar

from integrering.i18n import gettext_noop as gettext_noop  # re-exported: the marker the templates below use

_T = TypeVar("_T")


def _as_is(value: _T) -> _T:
    return value


MESSAGES: Final[Mapping[str, str]] = {
    # The file as a whole
    "file_too_large": gettext_noop("The file is larger than the limit of %(limit_mb)s MB."),
    "empty_file": gettext_noop("The file is empty."),
    "encoding_unknown": gettext_noop(
        "The file is not text in UTF-8, Windows-1252 or ISO-8859-1; save it as «CSV UTF-8» and try again."
    ),
    "xls_unsupported": gettext_noop("The file is in the old Excel format (XLS); save it as XLSX or CSV."),
    "xlsx_broken": gettext_noop("The file cannot be read as an Excel workbook (XLSX)."),
    "xlsx_no_sheet": gettext_noop("The workbook has no worksheet."),
    "xlsx_sheet_not_found": gettext_noop("The workbook has no sheet named «%(sheet)s»."),
    "xlsx_too_many_parts": gettext_noop("The workbook has %(count)s parts, more than the limit of %(limit)s."),
    "xlsx_part_too_large": gettext_noop(
        "A part of the workbook (%(part)s) unpacks to more than the limit of %(limit_mb)s MB."
    ),
    "xlsx_too_large": gettext_noop("The workbook unpacks to more than the limit of %(limit_mb)s MB."),
    "xlsx_compression_ratio": gettext_noop(
        "A part of the workbook (%(part)s) is compressed %(ratio)s times, more than the limit of %(limit)s times: "
        "the file looks like a zip bomb."
    ),
    # A row of the file
    "too_many_rows": gettext_noop("The file has more than the limit of %(limit)s rows below the header."),
    "too_many_columns": gettext_noop("The row has more than the limit of %(limit)s columns."),
    "too_many_cells": gettext_noop(
        "The worksheet has more than the limit of %(limit)s cells (counting empty cells that are formatted)."
    ),
    "row_too_long": gettext_noop("The row is longer than the limit of %(limit)s characters."),
    "cell_too_long": gettext_noop("The cell is longer than the limit of %(limit)s characters."),
    "nul_character": gettext_noop(
        "The row contains a NUL character: the file is not a text table (or it is UTF-16 without a byte order mark)."
    ),
    "csv_malformed": gettext_noop("The row cannot be read as CSV."),
    "xlsx_row_broken": gettext_noop("The row cannot be read from the workbook; the file may be damaged."),
    # The header
    "missing_column": gettext_noop("The file lacks the column «%(header)s»."),
    "duplicate_column": gettext_noop(
        "The column «%(header)s» appears more than once (columns %(first)s and %(second)s)."
    ),
    "unknown_column": gettext_noop("The column «%(header)s» is not known; known columns: %(known)s."),
    "no_rows": gettext_noop("The file has no rows below the header."),
    "invalid_table": gettext_noop("The file has %(count)s errors; nothing was read."),
    "more_errors": gettext_noop("%(count)s more errors are not listed."),
    # A cell
    "required": gettext_noop("The cell must be filled in."),
    "text_too_long": gettext_noop("The text has %(length)s characters; at most %(limit)s are allowed."),
    "not_a_whole_number": gettext_noop("«%(value)s» is not a whole number."),
    "not_a_number": gettext_noop("«%(value)s» is not a number."),
    "too_many_decimals": gettext_noop("«%(value)s» has more than %(places)s decimals."),
    "number_too_small": gettext_noop("%(value)s is less than %(limit)s."),
    "number_too_large": gettext_noop("%(value)s is more than %(limit)s."),
    "not_a_date": gettext_noop("«%(value)s» is not a date (write 15.03.2021 or 2021-03-15)."),
    "invalid_date": gettext_noop("«%(value)s» is not a valid date."),
    "date_too_early": gettext_noop("The date %(value)s is before %(limit)s."),
    "date_too_late": gettext_noop("The date %(value)s is after %(limit)s."),
    "not_yes_no": gettext_noop("«%(value)s» is not ja or nei."),
    "not_a_choice": gettext_noop("«%(value)s» is not a valid value (valid: %(choices)s)."),
    "not_a_municipality_number": gettext_noop("«%(value)s» is not a municipality number (four digits)."),
    "unknown_value": gettext_noop("«%(value)s» is not known."),
}

PLACES: Final[Mapping[str, str]] = {
    "row_column": gettext_noop("Row %(row)s, column «%(column)s»: %(message)s"),
    "row": gettext_noop("Row %(row)s: %(message)s"),
    "column": gettext_noop("Column «%(column)s»: %(message)s"),
}


class TableError(ValueError):
    """A file, a row or a cell that cannot be read; see the module's docstring for the attributes."""

    def __init__(
        self,
        code: str,
        *,
        params: Mapping[str, object] | None = None,
        row: int | None = None,
        column: str | None = None,
        limit: str | None = None,
        limit_value: int | None = None,
    ) -> None:
        self.code = code
        self.template = MESSAGES[code]
        self.params: dict[str, object] = dict(params or {})
        self.row = row
        self.column = column
        self.limit = limit
        self.limit_value = limit_value
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English message without its place."""
        return self.template % self.params if self.params else self.template

    @property
    def place_template(self) -> str | None:
        """The template that puts the message in its place (``%(row)s``, ``%(column)s``, ``%(message)s``)."""
        if self.row is not None and self.column is not None:
            return PLACES["row_column"]
        if self.row is not None:
            return PLACES["row"]
        if self.column is not None:
            return PLACES["column"]
        return None

    def located(self, *, row: int | None = None, column: str | None = None) -> TableError:
        """This error, placed at ``row``/``column`` where it has no place yet (returns ``self``)."""
        if self.row is None:
            self.row = row
        if self.column is None:
            self.column = column
        self.args = (str(self),)
        return self

    def render(self, translate: Callable[[str], str] = _as_is, display: Callable[[object], object] = _as_is) -> str:
        """The message in its place, each template through ``translate`` (a gettext) and each parameter, the row
        included, through ``display`` (to write numbers and dates for the language)."""
        params = {name: display(value) for name, value in self.params.items()}
        message = translate(self.template) % params if params else translate(self.template)
        place = self.place_template
        if place is None:
            return message
        return translate(place) % {"row": display(self.row), "column": self.column, "message": message}

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, row={self.row!r}, column={self.column!r}, params={self.params!r})"


class LimitExceeded(TableError):
    """The file is over one of the limits; ``limit`` names it and ``limit_value`` is its value."""

    def __init__(
        self,
        code: str,
        *,
        limit: str,
        limit_value: int,
        params: Mapping[str, object] | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        merged: dict[str, object] = {"limit": limit_value, **(params or {})}
        super().__init__(code, params=merged, row=row, column=column, limit=limit, limit_value=limit_value)


class UnreadableFile(TableError):
    """The file (or a row of it) cannot be read as a table at all: a broken workbook, an unknown encoding."""


class CellError(TableError):
    """A cell's value does not parse or validate. Parsers raise it without a place; ``read_table`` adds it."""


class InvalidTable(TableError):
    """Everything wrong with a table: ``errors`` (each with its place), and ``more`` not listed beyond the cap."""

    def __init__(self, errors: Sequence[TableError], *, more: int = 0) -> None:
        self.errors: tuple[TableError, ...] = tuple(errors)
        self.more = more
        super().__init__("invalid_table", params={"count": len(self.errors) + more})
