"""The values a cell holds, and small helpers shared by readers and writers."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Final, TypeAlias

# What a reader yields: ``str`` from CSV; from XLSX also numbers, booleans, dates and times (openpyxl's types),
# ``None`` for an empty cell. Error cells of a workbook (``#N/A``) come as their text.
CellValue: TypeAlias = (
    str | int | float | bool | Decimal | datetime.datetime | datetime.date | datetime.time | datetime.timedelta | None
)
Row: TypeAlias = list[CellValue]


def column_letter(position: int) -> str:
    """The spreadsheet's name of the 1-based column ``position``: 1 → A, 27 → AA, 16384 → XFD."""
    if position < 1:
        raise ValueError(f"a column position starts at 1, not {position}")
    letters = ""
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def is_blank(value: CellValue) -> bool:
    """An empty cell: ``None`` or text of whitespace only."""
    return value is None or (isinstance(value, str) and not value.strip())


# The file format's words for yes and no (data in the files, like the column headers; not messages).
YES: Final = "ja"
NO: Final = "nei"
