"""Checks of an XLSX archive before openpyxl sees it: the zip directory, then every part unpacked as a stream.

1. **The end-of-directory record** (the last bytes of the file) gives the number of entries; more than
   ``max_xlsx_parts`` is refused before the directory is read (a directory of a million entries is itself
   hundreds of MB once Python holds it). A ZIP64 archive is refused: no workbook under 20 MB needs one.
2. **The directory** gives each part's packed and unpacked size: a part over ``max_xlsx_part_bytes``, a total over
   ``max_xlsx_bytes`` or a part over 1 MB that unpacks more than ``max_xlsx_ratio`` times is refused before
   anything is unpacked.
3. **Every part is unpacked once as a stream** (1 MB at a time, nothing kept) and scanned: its real size is counted
   against the same limits (a directory can lie; Python's zipfile also stops at the declared size and then fails
   the CRC check), no run of text between two ``<`` may be longer than a cell can be (``max_cell_chars``, escaped),
   and no ``<row>`` may hold more than 16,384 ``<c>`` elements (Excel's last column, XFD). openpyxl builds a whole
   row in memory before it yields it, so these two bounds are what keep one row from taking gigabytes.
   Tags are matched with any namespace prefix, so a renamed prefix does not slip past.

Worksheet dimensions are not read here at all; the reader ignores them (see :mod:`.xlsx_reader`).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from typing import Final

from .errors import LimitExceeded, TableError, UnreadableFile
from .limits import EXCEL_MAX_COLUMNS, MB, Limits, megabytes

_EOCD_SIGNATURE: Final = b"PK\x05\x06"
_EOCD_SIZE: Final = 22
_MAX_COMMENT: Final = 0xFFFF
_RATIO_FROM_BYTES: Final = MB
_CHUNK: Final = MB
# ``<row`` or ``<c`` with any (or no) namespace prefix, followed by what may follow an element name.
_ROW: Final = re.compile(rb"<(?:[^\s<>/:!?\"'=]{1,64}:)?row[\s/>]")
_CELL: Final = re.compile(rb"<(?:[^\s<>/:!?\"'=]{1,64}:)?c[\s/>]")
_XML_ESCAPE_FACTOR: Final = 6  # «&quot;» is the longest escape of one character


def archive_check(data: bytes, limits: Limits) -> None:
    """Refuse ``data`` (the bytes of an XLSX file) unless its directory and every part are within ``limits``."""
    entries = _directory_entries(data)
    if entries > limits.max_xlsx_parts:
        raise LimitExceeded(
            "xlsx_too_many_parts",
            limit="max_xlsx_parts",
            limit_value=limits.max_xlsx_parts,
            params={"count": entries},
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
        raise UnreadableFile("xlsx_broken") from error
    with archive:
        infos = archive.infolist()
        _declared_sizes_check(infos, limits)
        scanned = 0
        for info in infos:
            scanned += _part_scan(archive, info, limits, scanned)


def _directory_entries(data: bytes) -> int:
    """The number of entries the end-of-directory record states (the record is found from the end)."""
    tail_start = max(0, len(data) - _EOCD_SIZE - _MAX_COMMENT)
    position = data.rfind(_EOCD_SIGNATURE, tail_start)
    if position < 0 or len(data) - position < _EOCD_SIZE:
        raise UnreadableFile("xlsx_broken")
    (_, _, _, _, entries, _, _, _) = struct.unpack("<4s4H2LH", data[position : position + _EOCD_SIZE])
    if entries == 0xFFFF:  # ZIP64: the real count is elsewhere; no workbook this small needs it
        raise UnreadableFile("xlsx_broken")
    return int(entries)


def _declared_sizes_check(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = 0
    for info in infos:
        _part_size_check(info.filename, info.file_size, limits)
        total += info.file_size
        _total_size_check(total, limits)
        if info.file_size >= _RATIO_FROM_BYTES and info.file_size > limits.max_xlsx_ratio * max(info.compress_size, 1):
            raise LimitExceeded(
                "xlsx_compression_ratio",
                limit="max_xlsx_ratio",
                limit_value=limits.max_xlsx_ratio,
                params={"part": info.filename, "ratio": info.file_size // max(info.compress_size, 1)},
            )


def _part_size_check(name: str, size: int, limits: Limits) -> None:
    if size > limits.max_xlsx_part_bytes:
        raise LimitExceeded(
            "xlsx_part_too_large",
            limit="max_xlsx_part_bytes",
            limit_value=limits.max_xlsx_part_bytes,
            params={"part": name, "limit_mb": megabytes(limits.max_xlsx_part_bytes)},
        )


def _total_size_check(total: int, limits: Limits) -> None:
    if total > limits.max_xlsx_bytes:
        raise LimitExceeded(
            "xlsx_too_large",
            limit="max_xlsx_bytes",
            limit_value=limits.max_xlsx_bytes,
            params={"limit_mb": megabytes(limits.max_xlsx_bytes)},
        )


def _part_scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, before: int) -> int:
    """Unpack one part as a stream and scan it (see the module's docstring); returns its real size."""
    if info.is_dir():
        return 0
    scanner = _Scanner(limits)
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                _part_size_check(info.filename, size, limits)
                _total_size_check(before + size, limits)
                scanner.feed(chunk)
    except TableError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        raise UnreadableFile("xlsx_broken") from error  # a bad CRC, a size that lies, an encrypted part
    scanner.finish()
    return size


class _Scanner:
    """Counts ``<c>`` per ``<row>`` and measures the runs of text between two ``<``, across chunks.

    Each round scans up to the last ``<`` of what it has: a tag that starts before that point ends before it
    (a tag holds no ``<``), so no tag is cut in two; the rest is carried into the next round.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.max_run = limits.max_cell_chars * _XML_ESCAPE_FACTOR + 1024
        self.carry = b""
        self.cells_in_row = 0
        self.run = 0  # bytes since the last «<» seen

    def feed(self, chunk: bytes) -> None:
        self._run_check(chunk)
        data = self.carry + chunk
        cut = data.rfind(b"<")
        if cut < 0:
            self.carry = b""
            return
        self._tags_count(data, cut)
        self.carry = data[cut:]

    def finish(self) -> None:
        self._tags_count(self.carry, len(self.carry))
        self.carry = b""

    def _tags_count(self, data: bytes, end: int) -> None:
        """Count the tags in ``data[:end]``: ``<c>`` elements are added to the row they are in."""
        start = 0
        for row in _ROW.finditer(data, 0, end):
            self._cells_add(len(_CELL.findall(data, start, row.start())))
            self.cells_in_row = 0
            start = row.start()
        self._cells_add(len(_CELL.findall(data, start, end)))

    def _cells_add(self, count: int) -> None:
        self.cells_in_row += count
        if self.cells_in_row > EXCEL_MAX_COLUMNS:
            raise UnreadableFile("xlsx_broken", params={"detail": "a row has more cells than Excel's 16,384 columns"})

    def _run_check(self, chunk: bytes) -> None:
        first = chunk.find(b"<")
        if first < 0:
            self.run += len(chunk)
        else:
            self._run_limit_check(self.run + first)
            if len(chunk) > self.max_run:
                self._run_limit_check(_longest_run(chunk))
            self.run = len(chunk) - chunk.rfind(b"<") - 1
        self._run_limit_check(self.run)

    def _run_limit_check(self, run: int) -> None:
        if run > self.max_run:
            raise LimitExceeded("cell_too_long", limit="max_cell_chars", limit_value=self.limits.max_cell_chars)


def _longest_run(chunk: bytes) -> int:
    """The longest stretch of ``chunk`` without ``<``."""
    return max(map(len, chunk.split(b"<")))
