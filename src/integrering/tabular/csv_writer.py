"""Writing CSV for Norwegian Excel: ``;``-separated, UTF-8 with a byte order mark, ``\\r\\n`` line endings.

Cells: text is formula-safe (:mod:`.safety`); whole numbers as digits (``-5``), decimals with a decimal comma
(``1234,5``, as Norwegian Excel reads them; no thousands separator), dates as ``dd.mm.åååå`` and date-times as
``dd.mm.åååå tt:mm`` (``date_format`` changes the date part), ``True``/``False`` as ``ja``/``nei``, ``None`` as an
empty cell. A value of another type is a programming error (``TypeError``).
"""

from __future__ import annotations

import csv
import datetime
import io
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Final, overload

from .cells import NO, YES, CellValue
from .safety import csv_text

DATE_FORMAT: Final = "%d.%m.%Y"


def csv_cell(value: CellValue, *, date_format: str = DATE_FORMAT) -> str:
    """The text of one CSV cell (see the module's docstring)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal | float):
        return _decimal_text(value)
    if isinstance(value, datetime.datetime):
        return value.strftime(f"{date_format} %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime(date_format)
    raise TypeError(f"a CSV cell cannot hold {type(value).__name__}")


def _decimal_text(value: Decimal | float) -> str:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"a CSV cell cannot hold {value!r}")
        value = Decimal(repr(value))
    if not value.is_finite():
        raise ValueError(f"a CSV cell cannot hold {value!r}")
    return format(value, "f").replace(".", ",")


@overload
def write_csv(
    header: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
    stream: None = None,
    *,
    date_format: str = DATE_FORMAT,
) -> bytes: ...
@overload
def write_csv(
    header: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
    stream: IO[bytes],
    *,
    date_format: str = DATE_FORMAT,
) -> None: ...
def write_csv(
    header: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
    stream: IO[bytes] | None = None,
    *,
    date_format: str = DATE_FORMAT,
) -> bytes | None:
    """Write ``header`` and ``rows``; returns the bytes, or ``None`` when written to the binary ``stream``.

    Rows are written as they come from ``rows`` (an iterator is not held in memory); ``stream`` is left open.
    """
    target: IO[bytes] = io.BytesIO() if stream is None else stream
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=True)
    try:
        writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
        writer.writerow([csv_text(name) for name in header])
        for row in rows:
            writer.writerow([csv_cell(value, date_format=date_format) for value in row])
        text.flush()
    finally:
        text.detach()  # leaves ``target`` open for the caller
    return target.getvalue() if isinstance(target, io.BytesIO) and stream is None else None
