"""Writing XLSX with xlsxwriter: one or more sheets, formula-safe text, numbers as numbers, Norwegian dates.

    write_xlsx(Sheet("Deltakere", header, rows))                       # → bytes
    write_xlsx([Sheet("Bosetting", …, total_row=True), Sheet("Kilder", …)], stream)

- Every cell is written with its typed method, never ``write()``: text with ``write_string`` (so no text is ever
  stored as a formula), and text that looks like a formula also with Excel's quote prefix (see :mod:`.safety`).
- ``int``, ``float`` and ``Decimal`` with ``write_number``; dates as dates shown ``dd.mm.åååå``, date-times
  ``dd.mm.åååå tt:mm`` (time-zone-aware values are written as their wall-clock time: make them Europe/Oslo first);
  ``True``/``False`` as ``ja``/``nei``; ``None`` and ``""`` as empty cells.
- The header row is bold and frozen; ``total_row`` makes the last row bold with a line above it (a sum row);
  ``widths`` sets column widths (in characters; by default from the header); ``notes`` become cell comments.
- Rows are written as they come (``constant_memory``: a row is flushed to a temporary file when the next begins), so
  an export of 200,000 rows does not hold the sheet in memory (``shared_strings=True`` trades that for Excel's
  shared-string table).
- Text over 32,767 characters (what a cell holds) is an error (``cell_too_long``), not silently cut.
"""

from __future__ import annotations

import datetime
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any, Final, overload

from .cells import NO, YES, CellValue, column_letter
from .errors import LimitExceeded
from .limits import EXCEL_MAX_CELL_CHARS
from .safety import is_formula_like

DATE_FORMAT: Final = "dd.mm.yyyy"
DATETIME_FORMAT: Final = "dd.mm.yyyy hh:mm"
_SHEET_NAME_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_STYLE_PROPERTIES: Final[Mapping[str, Mapping[str, object]]] = {
    "header": {"bold": True, "text_wrap": True, "valign": "top"},
    "header_quoted": {"bold": True, "text_wrap": True, "valign": "top", "quote_prefix": True},
    "text": {},
    "quoted": {"quote_prefix": True},
    "number": {},
    "date": {"num_format": DATE_FORMAT},
    "datetime": {"num_format": DATETIME_FORMAT},
}
_WORKBOOK_OPTIONS: Final = {
    "constant_memory": True,
    "strings_to_formulas": False,  # belt and braces: write() is never called, but if it were, no formulas
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "remove_timezone": True,
    "default_date_format": DATE_FORMAT,
}


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header, rows of cell values, and how it looks (see the module's docstring)."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[CellValue]]
    widths: Sequence[float] | None = None
    total_row: bool = False
    notes: Mapping[tuple[int, int], str] = field(default_factory=dict)  # (index in ``rows``, column index) → text
    freeze_header: bool = True


@overload
def write_xlsx(sheets: Sheet | Sequence[Sheet], stream: None = None, *, shared_strings: bool = False) -> bytes: ...
@overload
def write_xlsx(sheets: Sheet | Sequence[Sheet], stream: IO[bytes], *, shared_strings: bool = False) -> None: ...
def write_xlsx(
    sheets: Sheet | Sequence[Sheet], stream: IO[bytes] | None = None, *, shared_strings: bool = False
) -> bytes | None:
    """Write the workbook; returns its bytes, or ``None`` when written to the binary ``stream`` (left open).

    ``shared_strings``: store text once in a table, as Excel does (smaller files that openpyxl reads about twice as
    fast), at the price of holding the whole workbook in memory until it is written; by default each row is
    flushed as it is written and text is stored in its cell.
    """
    import xlsxwriter

    target: IO[bytes] = io.BytesIO() if stream is None else stream
    workbook = xlsxwriter.Workbook(target, {**_WORKBOOK_OPTIONS, "constant_memory": not shared_strings})
    try:
        styles = _Styles(workbook)
        names: set[str] = set()
        for sheet in [sheets] if isinstance(sheets, Sheet) else sheets:
            name = sheet_name(sheet.name, names)
            names.add(name.casefold())
            _sheet_write(workbook.add_worksheet(name), sheet, styles)
    finally:
        workbook.close()
    return target.getvalue() if isinstance(target, io.BytesIO) and stream is None else None


def sheet_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """``name`` as Excel allows it: no ``[]:*?/\\``, not starting or ending with ``'``, at most 31 characters, and
    unique (case-insensitively) among ``taken`` (casefolded names) by a suffix « (2)», « (3)» …"""
    clean = _SHEET_NAME_FORBIDDEN.sub("-", name).strip("'").strip() or "Sheet"
    candidate = clean[:31]
    number = 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate = clean[: 31 - len(suffix)] + suffix
        number += 1
    return candidate


class _Styles:
    """The workbook's cell formats, made once: (kind, in the total row) → format."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.cache: dict[tuple[str, bool], Any] = {}

    def get(self, kind: str, total: bool = False) -> Any:
        key = (kind, total)
        if key not in self.cache:
            properties = dict(_STYLE_PROPERTIES[kind])
            if total:
                properties |= {"bold": True, "top": 1}
            self.cache[key] = self.workbook.add_format(properties)
        return self.cache[key]


def _sheet_write(worksheet: Any, sheet: Sheet, styles: _Styles) -> None:
    widths = sheet.widths or [min(max(len(name) + 2, 10), 50) for name in sheet.header]
    for column, width in enumerate(widths):
        worksheet.set_column(column, column, width)
    if sheet.freeze_header:
        worksheet.freeze_panes(1, 0)
    for column, name in enumerate(sheet.header):
        _cell_write(worksheet, 0, column, name, styles, "header")
    last = -1
    for index, (row, is_last) in enumerate(_with_last(sheet.rows)):
        total = sheet.total_row and is_last
        for column, value in enumerate(row):
            _cell_write(worksheet, index + 1, column, value, styles, None, total)
        last = index
    for (index, column), note in sheet.notes.items():
        if 0 <= index <= last:
            worksheet.write_comment(index + 1, column, note)


def _with_last(rows: Iterable[Sequence[CellValue]]) -> Iterator[tuple[Sequence[CellValue], bool]]:
    """Each row and whether it is the last (one row is read ahead)."""
    iterator = iter(rows)
    try:
        previous = next(iterator)
    except StopIteration:
        return
    for row in iterator:
        yield previous, False
        previous = row
    yield previous, True


def _cell_write(
    worksheet: Any, row: int, column: int, value: CellValue, styles: _Styles, kind: str | None, total: bool = False
) -> None:
    if value is None or value == "":
        if total:
            worksheet.write_blank(row, column, None, styles.get("text", total))
        return
    if isinstance(value, str):
        if len(value) > EXCEL_MAX_CELL_CHARS:
            raise LimitExceeded(
                "cell_too_long",
                limit="max_cell_chars",
                limit_value=EXCEL_MAX_CELL_CHARS,
                row=row + 1,
                column=column_letter(column + 1),
            )
        style = kind or "text"
        if is_formula_like(value):
            style = "header_quoted" if kind == "header" else "quoted"
        worksheet.write_string(row, column, value, styles.get(style, total))
    elif isinstance(value, bool):
        worksheet.write_string(row, column, YES if value else NO, styles.get("text", total))
    elif isinstance(value, int | float | Decimal):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"an XLSX cell cannot hold {value!r}")
        worksheet.write_number(row, column, number, styles.get("number", total))
    elif isinstance(value, datetime.datetime):
        worksheet.write_datetime(row, column, value, styles.get("datetime", total))
    elif isinstance(value, datetime.date):
        worksheet.write_datetime(row, column, value, styles.get("date", total))
    else:
        raise TypeError(f"an XLSX cell cannot hold {type(value).__name__}")
