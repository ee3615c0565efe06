"""Files in and out: CSV and XLSX read under limits, written formula-safe, and a column framework for imports.

Pure Python, no Django (a test checks): the allocation engine uses it as it is, and the Django apps show its
structured errors in the user's language (``error.template``/``error.params`` through gettext).

Reading (see :mod:`.readers`, :mod:`.csv_reader`, :mod:`.xlsx_reader`, :mod:`.xlsx_archive`, :mod:`.limits`)::

    iter_rows(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> Iterator[Row]
    read_rows(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> list[Row]
    table_open(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> TableFile   # + format, encoding, delimiter

Importing (see :mod:`.columns`, :mod:`.parsers`)::

    read_table(rows, columns, *, parsers=None, unknown="ignore", row_checks=(), require_rows=True,
               max_errors=1000) -> ParsedTable          # or raises InvalidTable with every error

Writing (see :mod:`.csv_writer`, :mod:`.xlsx_writer`, :mod:`.safety`)::

    write_csv(header, rows, stream=None, *, date_format="%d.%m.%Y") -> bytes | None
    write_xlsx(Sheet(name, header, rows, widths=None, total_row=False, notes={}), stream=None) -> bytes | None

Errors (see :mod:`.errors`): ``TableError`` (``code``, ``template``, ``params``, ``row``, ``column``, ``limit``,
``limit_value``, ``errors``) ← ``LimitExceeded``, ``UnreadableFile``, ``CellError``, ``InvalidTable``.
"""

from .cells import NO, YES, CellValue, Row, column_letter, is_blank
from .columns import Column, ParsedRow, ParsedTable, normalise_header, read_table
from .csv_reader import detect_delimiter, detect_encoding
from .csv_writer import csv_cell, write_csv
from .errors import MESSAGES, PLACES, CellError, InvalidTable, LimitExceeded, TableError, UnreadableFile
from .limits import DEFAULT_LIMITS, Limits
from .parsers import (
    Parser,
    cell_text,
    chain,
    choice,
    date,
    decimal,
    exact,
    fold,
    lookup,
    municipality_number,
    text,
    whole_number,
    yes_no,
)
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
    "Column",
    "InvalidTable",
    "LimitExceeded",
    "Limits",
    "ParsedRow",
    "ParsedTable",
    "Parser",
    "Row",
    "Sheet",
    "TableError",
    "TableFile",
    "UnreadableFile",
    "cell_text",
    "chain",
    "choice",
    "column_letter",
    "content_read",
    "csv_cell",
    "csv_text",
    "date",
    "decimal",
    "detect_delimiter",
    "detect_encoding",
    "exact",
    "file_format",
    "fold",
    "formula_prefix_remove",
    "is_blank",
    "is_formula_like",
    "is_xlsx",
    "iter_rows",
    "lookup",
    "municipality_number",
    "normalise_header",
    "read_rows",
    "read_table",
    "sheet_name",
    "table_open",
    "text",
    "whole_number",
    "write_csv",
    "write_xlsx",
    "yes_no",
]
