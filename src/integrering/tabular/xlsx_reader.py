"""Reading one worksheet of an XLSX workbook with openpyxl, never trusting what the file says about itself.

- The archive is checked first (:func:`.xlsx_archive.archive_check`: zip directory, unpacked sizes, ratio, and a
  streaming scan that bounds one row and one cell).
- openpyxl reads with ``read_only=True`` (rows are streamed from the sheet's XML) and ``data_only=True`` (a formula
  cell gives the value Excel saved with it, or ``None``; a formula is never run or returned).
- The sheet's declared ``<dimension>`` is thrown away (``reset_dimensions()``): otherwise openpyxl pads every row
  to the declared width, and ``A1:XFD20001`` makes 20,001 rows of 16,384 cells.
- Trailing empty cells of a row are trimmed; a row still wider than ``max_columns`` is refused. Empty cells far to
  the right (formatting) still cost openpyxl time to pad, so the padded cells of the whole sheet are capped at
  ``(max_rows + 1) × max_columns`` (``too_many_cells``), which a sheet within the other limits never reaches.
- Rows are numbered as Excel numbers them (gaps in the file are yielded as empty rows); beyond ``max_rows`` below
  the header, a row with a value is refused and blank rows are skipped up to Excel's last row, 1,048,576.
- Any error openpyxl raises while reading a row (broken XML, a shared string that does not exist) names the row.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import partial
from itertools import dropwhile
from operator import is_
from typing import Any

from .cells import CellValue, Row, column_letter
from .errors import LimitExceeded, UnreadableFile
from .limits import EXCEL_MAX_ROWS, Limits
from .xlsx_archive import archive_check

_is_none = partial(is_, None)


def open_xlsx(data: bytes, limits: Limits, sheet: str | int = 0) -> Iterator[Row]:
    """The rows of ``sheet`` (its name, or its position among the worksheets, 0 = the first).

    The archive is checked and the workbook opened now (so a bad file is refused at once); rows are read lazily.
    """
    archive_check(data, limits)
    workbook = _workbook_load(data)
    try:
        worksheet = _worksheet(workbook, sheet)
        worksheet.reset_dimensions()
    except BaseException:
        workbook.close()
        raise
    return _rows(workbook, worksheet, limits)


def _workbook_load(data: bytes) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of error on a broken file
        raise UnreadableFile("xlsx_broken") from error


def _worksheet(workbook: Any, sheet: str | int) -> Any:
    worksheets = workbook.worksheets
    if isinstance(sheet, str):
        for worksheet in worksheets:
            if worksheet.title == sheet:
                return worksheet
        raise UnreadableFile("xlsx_sheet_not_found", params={"sheet": sheet})
    if not 0 <= sheet < len(worksheets):
        raise UnreadableFile("xlsx_no_sheet")
    return worksheets[sheet]


def _rows(workbook: Any, worksheet: Any, limits: Limits) -> Iterator[Row]:
    last_allowed = limits.max_rows + 1
    cells = 0
    number = 0
    try:
        values = worksheet.iter_rows(values_only=True)
        while True:
            try:
                raw = next(values)
            except StopIteration:
                return
            except Exception as error:  # openpyxl: broken XML, an unknown shared string, a bad cell reference
                raise UnreadableFile("xlsx_row_broken", row=number + 1) from error
            number += 1
            cells += len(raw)
            if cells > limits.max_cells:
                raise LimitExceeded("too_many_cells", limit="max_cells", limit_value=limits.max_cells, row=number)
            row = _trimmed(raw)
            if number > last_allowed:
                if row or number > EXCEL_MAX_ROWS:
                    raise LimitExceeded("too_many_rows", limit="max_rows", limit_value=limits.max_rows, row=number)
                continue  # blank (formatted) rows below the table
            _row_check(row, number, limits)
            yield row
    finally:
        workbook.close()


def _trimmed(raw: tuple[CellValue, ...]) -> Row:
    """The row without its trailing empty cells (``None``; openpyxl gives ``None`` for an empty cell)."""
    if not raw or raw[-1] is not None:
        return list(raw)
    kept = list(dropwhile(_is_none, reversed(raw)))
    kept.reverse()
    return kept


def _row_check(row: Row, number: int, limits: Limits) -> None:
    if len(row) > limits.max_columns:
        raise LimitExceeded(
            "too_many_columns",
            limit="max_columns",
            limit_value=limits.max_columns,
            row=number,
            column=column_letter(limits.max_columns + 1),
        )
    for position, value in enumerate(row, start=1):
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            raise LimitExceeded(
                "cell_too_long",
                limit="max_cell_chars",
                limit_value=limits.max_cell_chars,
                row=number,
                column=column_letter(position),
            )
