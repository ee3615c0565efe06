"""Reading CSV: the encoding and the delimiter decided deterministically, rows streamed under the limits.

**Encoding**, decided once from the whole file before a row is read, in this order:

1. a UTF-8 byte order mark → UTF-8 (the mark is dropped); a UTF-16 mark → UTF-16 (Excel's «Unicode text»);
2. the whole file is valid UTF-8 (plain ASCII is) → UTF-8;
3. otherwise Windows-1252, which is also how ISO-8859-1 is read. The two agree on every byte except 0x80–0x9F,
   which are invisible control characters in ISO-8859-1 and never occur in a table's text, while Windows-1252
   has «€», «–», «“» there; the WHATWG Encoding Standard (what every browser does) reads the label
   ISO-8859-1 as Windows-1252 for that reason. The five bytes Windows-1252 leaves undefined
   (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean the file is neither, and it is refused (``encoding_unknown``).

A file that is valid UTF-8 is never read as Windows-1252: «Ã¥» for «å» cannot happen.

**Delimiter**: the one of ``;``, tab and ``,`` that occurs most often outside quotes in the first line; a tie goes
to ``;``, then tab (Norwegian Excel writes ``;``, and a header with no delimiter is one column).

**Line endings**: ``\\r\\n``, ``\\n`` and a lone ``\\r`` (old Mac «CSV (Macintosh)») all end a row, also mixed in one
file; a line break inside a quoted field belongs to the field.

**Refused**, naming the row as the user counts it (the first row is 1): a NUL character, a row over
``max_row_chars`` (checked while the row is read, so a row of millions of empty fields is never built), a cell over
``max_cell_chars`` (also when the csv module's own 131,072-character field limit triggers), more than
``max_columns`` fields or ``max_rows`` rows below the header. Blank rows beyond ``max_rows`` are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from typing import Final, cast

from .cells import Row, column_letter
from .errors import LimitExceeded, TableError, UnreadableFile
from .limits import Limits

DELIMITERS: Final = (";", "\t", ",")
WINDOWS_1252_UNDEFINED: Final = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
_QUOTED = re.compile(r'"[^"]*(?:"|$)')
_CHUNK = 1024 * 1024


def detect_encoding(data: bytes) -> str:
    """The codec to read ``data`` with: ``utf-8-sig``, ``utf-16``, ``utf-8`` or ``windows-1252`` (see above)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if data.isascii() or _is_utf8(data):
        return "utf-8"
    if any(byte in data for byte in WINDOWS_1252_UNDEFINED):
        raise UnreadableFile("encoding_unknown")
    return "windows-1252"


def _is_utf8(data: bytes) -> bool:
    """Whether all of ``data`` is UTF-8, checked in chunks (the decoded text is not kept)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(view), _CHUNK):
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_delimiter(first_line: str) -> str:
    """``;``, tab or ``,``: the most frequent outside quotes in ``first_line``; ties in that order."""
    unquoted = _QUOTED.sub("", first_line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter])  # max() keeps the first of equals


class _RowTooLong(Exception):
    pass


class _NulCharacter(Exception):
    pass


class _Lines:
    """The physical lines of the text for the csv module, each read with a bound; counts the current row's size.

    The csv module pulls lines until a row is complete, so ``row_chars`` (reset by the caller after each row)
    is the size of the row being read, including line breaks inside quoted fields.
    """

    def __init__(self, stream: io.TextIOWrapper, max_row_chars: int) -> None:
        self.stream = stream
        self.max_row_chars = max_row_chars
        self.row_chars = 0
        self.pending: list[str] = []

    def first(self) -> str:
        """The first line, read ahead (it is still given to the csv module)."""
        line = self._read()
        self.pending.append(line)
        return line

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.pending.pop() if self.pending else self._read()
        if not line:
            raise StopIteration
        self.row_chars += len(line)
        if self.row_chars > self.max_row_chars:
            raise _RowTooLong
        if "\x00" in line:
            raise _NulCharacter
        return line

    def _read(self) -> str:
        return self.stream.readline(max(self.max_row_chars - self.row_chars, 0) + 1)


def open_csv(data: bytes, limits: Limits) -> tuple[str, str, Iterator[Row]]:
    """(encoding, delimiter, rows): the encoding is decided and the first line read now; rows are read lazily."""
    encoding = detect_encoding(data)
    try:
        stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        lines = _Lines(stream, limits.max_row_chars)
        delimiter = detect_delimiter(lines.first())
    except UnicodeDecodeError as error:  # UTF-16 with an odd number of bytes or a broken surrogate
        raise UnreadableFile("encoding_unknown") from error
    return encoding, delimiter, _rows(lines, delimiter, limits)


def _rows(lines: _Lines, delimiter: str, limits: Limits) -> Iterator[Row]:
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    last_allowed = limits.max_rows + 1
    while True:
        lines.row_chars = 0
        try:
            record = next(reader)
        except StopIteration:
            return
        except (csv.Error, _RowTooLong, _NulCharacter, UnicodeDecodeError) as error:
            raise _row_error(error, number + 1, limits) from error
        number += 1
        if number > last_allowed:
            if not any(field.strip() for field in record):
                continue
            raise LimitExceeded("too_many_rows", limit="max_rows", limit_value=limits.max_rows, row=number)
        _check_record(record, number, limits)
        yield cast(Row, record)  # a list of str is a row (lists are invariant for the type checker)


def _row_error(error: Exception, row: int, limits: Limits) -> TableError:
    if isinstance(error, _RowTooLong):
        return LimitExceeded("row_too_long", limit="max_row_chars", limit_value=limits.max_row_chars, row=row)
    if isinstance(error, _NulCharacter):
        return UnreadableFile("nul_character", row=row)
    if isinstance(error, UnicodeDecodeError):
        return UnreadableFile("encoding_unknown", row=row)
    if "field larger than field limit" in str(error):
        return LimitExceeded("cell_too_long", limit="max_cell_chars", limit_value=limits.max_cell_chars, row=row)
    return UnreadableFile("csv_malformed", row=row, params={"detail": str(error)})


def _check_record(record: list[str], row: int, limits: Limits) -> None:
    if len(record) > limits.max_columns:
        raise LimitExceeded(
            "too_many_columns",
            limit="max_columns",
            limit_value=limits.max_columns,
            row=row,
            column=column_letter(limits.max_columns + 1),
        )
    if record and max(map(len, record)) > limits.max_cell_chars:
        position = next(i for i, field in enumerate(record, start=1) if len(field) > limits.max_cell_chars)
        raise LimitExceeded(
            "cell_too_long",
            limit="max_cell_chars",
            limit_value=limits.max_cell_chars,
            row=row,
            column=column_letter(position),
        )
