"""Parsers for import columns: a cell's value (never blank: the column framework handles empty cells) → a value.

Each factory returns a parser, a plain callable ``(value) -> result`` that raises
:class:`~.errors.CellError` (code and parameters, no place: the framework adds row and column). An application may
supply its own parser, for instance :func:`lookup` over a dictionary it builds for the year being imported.

    text(max_length=200)            whole_number(minimum=0)         decimal(places=4)
    yes_no()                        date()                          municipality_number()
    choice({"flyktning": "refugee"})    lookup(municipalities_by_number)    chain(municipality_number(), lookup(…))
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar

from .cells import CellValue
from .errors import CellError
from .safety import formula_prefix_remove

T = TypeVar("T")
U = TypeVar("U")
Parser = Callable[[CellValue], T]

YES_WORDS: Final = frozenset({"ja", "j", "yes", "y", "true", "sann", "x", "1"})
NO_WORDS: Final = frozenset({"nei", "n", "no", "false", "usann", "0"})
_SPACES: Final = re.compile(r"[\s\u00a0\u2007\u202f]+")
_WHOLE: Final = re.compile(r"[+-]?\d+")
_DECIMAL: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NORWEGIAN_DATE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MUNICIPALITY_NUMBER: Final = re.compile(r"\d{3,4}")
_MINUS_SIGNS: Final = str.maketrans({"\u2212": "-", "\u2013": "-"})


def cell_text(value: CellValue) -> str:
    """The text of a cell: a whole float without ``.0`` (Excel stores 5001 as 5001.0), dates as ISO, trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def text(*, max_length: int | None = None, formula_prefix: bool = True) -> Parser[str]:
    """Trimmed text. ``formula_prefix``: take off the ``'`` this application's CSV export put before a formula-like
    text (:func:`~.safety.formula_prefix_remove`), so an exported file imports back unchanged."""

    def parse(value: CellValue) -> str:
        result = cell_text(value)
        if formula_prefix:
            result = formula_prefix_remove(result)
        if max_length is not None and len(result) > max_length:
            raise CellError("text_too_long", params={"length": len(result), "limit": max_length})
        return result

    return parse


def whole_number(*, minimum: int | None = None, maximum: int | None = None) -> Parser[int]:
    """A whole number: ``1234``, ``1 234`` (spaces group thousands), ``-5``, ``−5``, or a whole Excel number.
    ``1.000`` and ``1,5`` are refused (a thousands point or a decimal would be a guess)."""

    def parse(value: CellValue) -> int:
        if isinstance(value, bool):
            raise CellError("not_a_whole_number", params={"value": cell_text(value)})
        if isinstance(value, int):
            number = value
        elif (
            isinstance(value, float)
            and value.is_integer()
            or isinstance(value, Decimal)
            and value.is_finite()
            and value == value.to_integral_value()
        ):
            number = int(value)
        else:
            compact = _SPACES.sub("", cell_text(value)).translate(_MINUS_SIGNS)
            if not _WHOLE.fullmatch(compact):
                raise CellError("not_a_whole_number", params={"value": cell_text(value)})
            number = int(compact)
        _bounds_check(number, minimum, maximum)
        return number

    return parse


def decimal(
    *, places: int | None = None, minimum: Decimal | int | None = None, maximum: Decimal | int | None = None
) -> Parser[Decimal]:
    """A decimal number with a decimal comma or point (``12,5``, ``12.5``, ``1 234,5``) or an Excel number;
    ``places``: at most that many decimals (not rounded: a value with more is refused)."""

    def parse(value: CellValue) -> Decimal:
        if isinstance(value, bool):
            raise CellError("not_a_number", params={"value": cell_text(value)})
        if isinstance(value, Decimal):
            number = value
        elif isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(repr(value))
        else:
            compact = _SPACES.sub("", cell_text(value)).translate(_MINUS_SIGNS)
            if not _DECIMAL.fullmatch(compact):
                raise CellError("not_a_number", params={"value": cell_text(value)})
            number = Decimal(compact.replace(",", "."))
        if not number.is_finite():
            raise CellError("not_a_number", params={"value": cell_text(value)})
        exponent = number.normalize().as_tuple().exponent  # 1.50 → 1.5: trailing zeros are not decimals
        if places is not None and isinstance(exponent, int) and exponent < -places:
            raise CellError("too_many_decimals", params={"value": cell_text(value), "places": places})
        _bounds_check(number, minimum, maximum)
        return number

    return parse


def _bounds_check(number: Any, minimum: Any, maximum: Any) -> None:
    if minimum is not None and number < minimum:
        raise CellError("number_too_small", params={"value": number, "limit": minimum})
    if maximum is not None and number > maximum:
        raise CellError("number_too_large", params={"value": number, "limit": maximum})


def yes_no() -> Parser[bool]:
    """``ja``/``nei`` (also ``j``/``n``, ``yes``/``no``, ``true``/``false``, ``x``, ``1``/``0``) or a boolean cell."""

    def parse(value: CellValue) -> bool:
        if isinstance(value, bool):
            return value
        word = cell_text(value).casefold()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        raise CellError("not_yes_no", params={"value": cell_text(value)})

    return parse


def date(*, first: datetime.date | None = None, last: datetime.date | None = None) -> Parser[datetime.date]:
    """A date written ``dd.mm.åååå`` (``15.03.2021``, also ``5.3.2021``) or ``åååå-mm-dd``, or an Excel date;
    ``first``/``last``: the range it must be in."""

    def parse(value: CellValue) -> datetime.date:
        if isinstance(value, datetime.datetime):
            result = value.date()
        elif isinstance(value, datetime.date):
            result = value
        else:
            result = _date_from_text(cell_text(value))
        if first is not None and result < first:
            raise CellError("date_too_early", params={"value": result, "limit": first})
        if last is not None and result > last:
            raise CellError("date_too_late", params={"value": result, "limit": last})
        return result

    return parse


def _date_from_text(written: str) -> datetime.date:
    iso = _ISO_DATE.fullmatch(written)
    norwegian = _NORWEGIAN_DATE.fullmatch(written)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif norwegian:
        day, month, year = (int(part) for part in norwegian.groups())
    else:
        raise CellError("not_a_date", params={"value": written})
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CellError("invalid_date", params={"value": written}) from None


def municipality_number() -> Parser[str]:
    """A municipality number as four digits: ``0301``; ``301`` (a number cell that lost its leading zero, or
    text written without it) becomes ``0301``."""

    def parse(value: CellValue) -> str:
        written = cell_text(value)
        if isinstance(value, bool) or not _MUNICIPALITY_NUMBER.fullmatch(written):
            raise CellError("not_a_municipality_number", params={"value": written})
        return written.zfill(4)

    return parse


def fold(value: str) -> str:
    """Text for comparing names: NFKC, case-folded, inner whitespace as one space, trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value).casefold()).strip()


def choice(choices: Mapping[str, T] | Iterable[str], *, key: Callable[[str], str] = fold) -> Parser[Any]:
    """One of ``choices`` (compared through ``key``): a mapping gives the value for each written word; an
    iterable of words gives the word as the mapping lists it."""
    mapping: Mapping[str, Any] = choices if isinstance(choices, Mapping) else {word: word for word in choices}
    folded = {key(word): result for word, result in mapping.items()}
    listed = ", ".join(mapping)

    def parse(value: CellValue) -> Any:
        written = cell_text(value)
        if key(written) not in folded:
            raise CellError("not_a_choice", params={"value": written, "choices": listed})
        return folded[key(written)]

    return parse


def lookup(table: Mapping[str, T], *, key: Callable[[str], str] = fold) -> Parser[T]:
    """The value ``table`` has for the cell's text (compared through ``key``; ``table``'s keys must already be in
    that form); ``unknown_value`` otherwise. For lookups an application builds at read time, such as the
    municipalities valid in a year by number and by name."""

    def parse(value: CellValue) -> T:
        written = cell_text(value)
        found = table.get(key(written))
        if found is None:
            raise CellError("unknown_value", params={"value": written})
        return found

    return parse


def exact(value: str) -> str:
    """The key function that compares text as it is (after trimming)."""
    return value


def chain(first: Parser[T], then: Callable[[T], U]) -> Parser[U]:
    """``then(first(value))``: e.g. ``chain(municipality_number(), lookup(by_number, key=exact))``."""

    def parse(value: CellValue) -> U:
        return then(first(value))

    return parse
