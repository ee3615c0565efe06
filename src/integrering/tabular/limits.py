"""The limits every file read through this package is held to, checked before and while it is parsed.

A file is hostile until read: each limit bounds what one upload can cost in memory or time. The defaults
let through every table the application's users have (200,000 rows is several times the largest county's
participant list) and refuse what no real table needs.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Final

MB: Final = 1024 * 1024

EXCEL_MAX_ROWS: Final = 1_048_576
EXCEL_MAX_COLUMNS: Final = 16_384
EXCEL_MAX_CELL_CHARS: Final = 32_767
CSV_FIELD_SIZE_LIMIT: Final = 131_072  # the csv module's default ``field_size_limit()``; never changed here


@dataclass(frozen=True)
class Limits:
    """What a file may hold. Every field is checked; an error names the field (``TableError.limit``).

    - ``max_bytes``: the file as uploaded (20 MB), checked before anything is parsed.
    - ``max_rows``: rows below the first row (the header); rows are counted as the spreadsheet numbers them,
      blank rows included, so the last allowed row number is ``max_rows + 1``. In XLSX, blank (formatted) rows
      beyond it are skipped, up to Excel's 1,048,576.
    - ``max_columns``: the cells of a row after trailing empty cells are trimmed (XLSX) or its fields (CSV).
    - ``max_cell_chars``: characters of one cell. 32,767 is what an Excel cell holds, so any cell a user can
      type passes; it must stay at or under the csv module's field limit (131,072), which the reader reports as
      this limit.
    - ``max_row_chars``: characters of one CSV row (its fields and separators, across quoted line breaks).
      It bounds what the csv module holds for one row, including a row of millions of empty fields.
    - ``max_xlsx_part_bytes``: the unpacked size of each part of an XLSX archive (a worksheet, the shared
      strings), read from the zip directory before anything is unpacked and counted again while it is read.
    - ``max_xlsx_bytes``: the unpacked size of the whole archive, likewise.
    - ``max_xlsx_ratio``: unpacked size ÷ packed size of a part over 1 MB. Worksheets written by Excel or
      LibreOffice pack 5–20 times; deflate can pack up to ~1,000 times, which only a zip bomb does.
    - ``max_xlsx_parts``: entries in the zip directory (a workbook has tens); checked from the end-of-directory
      record before the directory itself is read.
    """

    max_bytes: int = 20 * MB
    max_rows: int = 200_000
    max_columns: int = 200
    max_cell_chars: int = EXCEL_MAX_CELL_CHARS
    max_row_chars: int = 1_000_000
    max_xlsx_part_bytes: int = 256 * MB
    max_xlsx_bytes: int = 512 * MB
    max_xlsx_ratio: int = 100
    max_xlsx_parts: int = 1_000

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"Limits.{field.name} must be a positive whole number, not {value!r}")
        if self.max_cell_chars > CSV_FIELD_SIZE_LIMIT:
            raise ValueError(f"Limits.max_cell_chars may be at most {CSV_FIELD_SIZE_LIMIT} (the csv module's limit)")
        if self.max_columns > EXCEL_MAX_COLUMNS:
            raise ValueError(f"Limits.max_columns may be at most {EXCEL_MAX_COLUMNS} (Excel's limit)")
        if self.max_rows >= EXCEL_MAX_ROWS:
            raise ValueError(f"Limits.max_rows must be under {EXCEL_MAX_ROWS} (Excel's limit)")

    @property
    def max_cells(self) -> int:
        """Derived: the cells an XLSX sheet may make openpyxl build, empty ones included (see the XLSX reader)."""
        return (self.max_rows + 1) * self.max_columns

    def replace(self, **changes: int) -> Limits:
        """A copy with some limits changed: ``DEFAULT_LIMITS.replace(max_rows=10)``."""
        return dataclasses.replace(self, **changes)


DEFAULT_LIMITS: Final = Limits()


def megabytes(size: int) -> int | float:
    """A size in bytes as MB for messages: whole when it is (``20``), else with one decimal (``0.5``)."""
    value = round(size / MB, 1)
    return int(value) if value == int(value) else value
