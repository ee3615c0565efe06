"""Files in and out: CSV and XLSX read under limits and written formula-safe, with structured errors.

Pure Python, no Django (a test checks): the allocation engine uses it as it is, and the Django apps show its
structured errors in the user's language (``error.template``/``error.params`` through gettext).

Reading (see :mod:`.readers`, :mod:`.csv_reader`, :mod:`.xlsx_reader`, :mod:`.xlsx_archive`, :mod:`.limits`)::

    iter_rows(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> Iterator[Row]
    read_rows(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> list[Row]
    table_open(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> TableFile   # + format, encoding, delimiter

Writing (see :mod:`.csv_writer`, :mod:`.xlsx_writer`, :mod:`.safety`)::

    write_csv(header, rows, stream=None, *, date_format="%d.%m.%Y") -> bytes | None
    write_xlsx(Sheet(name, header, rows, widths=None, total_row=False, notes={}), stream=None) -> bytes | None

Errors (see :mod:`.errors`): ``TableError`` (``code``, ``template``, ``params``, ``row``, ``column``, ``limit``,
``limit_value``) ← ``LimitExceeded``, ``UnreadableFile``, ``CellError``, ``InvalidTable``.
"""

from .cells import NO, YES, CellValue, Row, column_letter, is_blank
from .csv_reader import detect_delimiter, detect_encoding
from .csv_writer import csv_cell, write_csv
from .errors import MESSAGES, PLACES, CellError, InvalidTable, LimitExceeded, TableError, UnreadableFile
from .limits import DEFAULT_LIMITS, Limits
from .readers import TableFile, content_read, file_format, is_xlsx, iter_rows, read_rows, table_open
from .safety import csv_text, formula_prefix_remove, is_formula_like
from .xlsx_writer import Sheet, sheet_name, write_xlsx

__all__ = [
    "DEFAULT_LIMITS",
    "MESSAGES",
    "NO",
    "PLACES",
    "YES",
    "CellError",
    "CellValue",
    "InvalidTable",
    "LimitExceeded",
    "Limits",
    "Row",
    "Sheet",
    "TableError",
    "TableFile",
    "UnreadableFile",
    "column_letter",
    "content_read",
    "csv_cell",
    "csv_text",
    "detect_delimiter",
    "detect_encoding",
    "file_format",
    "formula_prefix_remove",
    "is_blank",
    "is_formula_like",
    "is_xlsx",
    "iter_rows",
    "read_rows",
    "sheet_name",
    "table_open",
    "write_csv",
    "write_xlsx",
]
