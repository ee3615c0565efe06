"""Reading an uploaded table, CSV or XLSX, as rows of cell values under :class:`~.limits.Limits`.

    rows = iter_rows(content, "deltakere.xlsx")          # an iterator; the file is checked now
    rows = read_rows(content, "deltakere.csv")           # the same as a list

The format is decided by the content (a zip archive is XLSX; the old binary Excel format is refused), then by the
file name. The size limit is checked before anything else; everything the format allows to be checked before
parsing (the encoding, the zip directory, each part's unpacked size) is checked before the first row is returned.
Row *n* of the iterator is row *n* of the file as a spreadsheet numbers it (1 = the first row, normally the header).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Final, Literal

from .cells import Row
from .csv_reader import open_csv
from .errors import LimitExceeded, UnreadableFile
from .limits import DEFAULT_LIMITS, Limits, megabytes
from .xlsx_reader import open_xlsx

ZIP_MAGIC: Final = b"PK\x03\x04"
EMPTY_ZIP_MAGIC: Final = b"PK\x05\x06"
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Office formats (.xls)
XLSX_SUFFIXES: Final = (".xlsx", ".xlsm")

Source = bytes | bytearray | memoryview | IO[bytes]
Format = Literal["csv", "xlsx"]


@dataclass(frozen=True)
class TableFile:
    """A file opened for reading: its format, what was decided about it, and its rows (read once, lazily)."""

    format: Format
    rows: Iterator[Row]
    encoding: str | None = None  # CSV: the codec it is read with (see :mod:`.csv_reader`)
    delimiter: str | None = None  # CSV


def file_format(content: bytes, filename: str = "") -> Format:
    """``xlsx`` for a zip archive or an .xlsx/.xlsm name, ``csv`` otherwise; the old binary XLS format is refused
    (by its content: some systems save a CSV or tab-separated text under an .xls name, and that is read as text)."""
    if content.startswith(OLE_MAGIC):
        raise UnreadableFile("xls_unsupported")
    if content.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)) or filename.lower().endswith(XLSX_SUFFIXES):
        return "xlsx"
    return "csv"


def is_xlsx(content: bytes, filename: str = "") -> bool:
    """Whether ``content`` is read as a workbook (see :func:`file_format`); never raises."""
    try:
        return file_format(content, filename) == "xlsx"
    except UnreadableFile:
        return False


def content_read(source: Source, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``source`` (bytes, or a binary file read from where it stands), refused over ``max_bytes``.

    A file is read at most ``max_bytes + 1`` bytes far, so an endless stream is not read to its end.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        content = bytes(source) if not isinstance(source, bytes) else source
    else:
        content = source.read(limits.max_bytes + 1)
    if len(content) > limits.max_bytes:
        raise LimitExceeded(
            "file_too_large",
            limit="max_bytes",
            limit_value=limits.max_bytes,
            params={"limit_mb": megabytes(limits.max_bytes)},
        )
    return content


def table_open(
    source: Source, filename: str = "", *, limits: Limits = DEFAULT_LIMITS, sheet: str | int = 0
) -> TableFile:
    """Check ``source`` as far as can be done before parsing and return its rows as an iterator.

    ``sheet`` (XLSX): a worksheet's name or position (0 = the first). Raises :class:`~.errors.TableError`
    (:class:`~.errors.LimitExceeded` or :class:`~.errors.UnreadableFile`), now or while the rows are read.
    """
    content = content_read(source, limits)
    if file_format(content, filename) == "xlsx":
        return TableFile("xlsx", open_xlsx(content, limits, sheet))
    encoding, delimiter, rows = open_csv(content, limits)
    return TableFile("csv", rows, encoding=encoding, delimiter=delimiter)


def iter_rows(
    source: Source, filename: str = "", *, limits: Limits = DEFAULT_LIMITS, sheet: str | int = 0
) -> Iterator[Row]:
    """The rows of the table in ``source`` (see :func:`table_open`)."""
    return table_open(source, filename, limits=limits, sheet=sheet).rows


def read_rows(
    source: Source, filename: str = "", *, limits: Limits = DEFAULT_LIMITS, sheet: str | int = 0
) -> list[Row]:
    """All rows as a list (header first): a convenience for small files; prefer :func:`iter_rows`."""
    return list(iter_rows(source, filename, limits=limits, sheet=sheet))
