"""Files in and out: CSV and XLSX read under limits, with structured errors.

Pure Python, no Django (a test checks): the allocation engine uses it as it is, and the Django apps show its
structured errors in the user's language (``error.template``/``error.params`` through gettext).

Reading (see :mod:`.readers`, :mod:`.csv_reader`, :mod:`.xlsx_reader`, :mod:`.xlsx_archive`, :mod:`.limits`)::

    iter_rows(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> Iterator[Row]
    read_rows(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> list[Row]
    table_open(source, filename="", *, limits=DEFAULT_LIMITS, sheet=0) -> TableFile   # + format, encoding, delimiter

Errors (see :mod:`.errors`): ``TableError`` (``code``, ``template``, ``params``, ``row``, ``column``, ``limit``,
``limit_value``) ← ``LimitExceeded``, ``UnreadableFile``, ``CellError``, ``InvalidTable``.
"""

from .cells import NO, YES, CellValue, Row, column_letter, is_blank
from .csv_reader import detect_delimiter, detect_encoding
from .errors import MESSAGES, PLACES, CellError, InvalidTable, LimitExceeded, TableError, UnreadableFile
from .limits import DEFAULT_LIMITS, Limits
from .readers import TableFile, content_read, file_format, is_xlsx, iter_rows, read_rows, table_open

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
    "TableError",
    "TableFile",
    "UnreadableFile",
    "column_letter",
    "content_read",
    "detect_delimiter",
    "detect_encoding",
    "file_format",
    "is_blank",
    "is_xlsx",
    "iter_rows",
    "read_rows",
    "table_open",
]
