"""The column framework for imports: a column declares its header, parser and validation once.

    COLUMNS = (
        Column("reference", "referanse", required=True, blank=False, parse=text(max_length=50)),
        Column("municipality", "kommunenummer", aliases=("kommunenr", "knr"), required=True, blank=False,
               parse=municipality_number()),
        Column("birth_date", "fødselsdato", parse=date()),
    )
    table = read_table(iter_rows(content, filename), COLUMNS,
                       parsers={"municipality": chain(municipality_number(), lookup(valid_this_year))})
    for row in table.rows:
        row.number, row["reference"], row.get("birth_date")

:func:`read_table` takes the first non-blank row as the header, maps it through :func:`normalise_header` to the
columns, parses every row, and returns all rows or raises :class:`~.errors.InvalidTable` with **all** errors (up to
``max_errors``, then a count), each naming its row as the user counts it (the header is row 1 when it is the first
row), the column as written in the file, and the problem. A reader's error (a limit) on the way is one of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from .cells import CellValue, Row, column_letter, is_blank
from .errors import CellError, InvalidTable, TableError
from .parsers import Parser, text

_NON_WORD: Final = re.compile(r"[\W_]+")
_LETTERS: Final = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ð": "d", "þ": "th", "ß": "ss"})

Validator = Callable[[Any], None]
RowCheck = Callable[["ParsedRow"], Iterable[CellError]]


def normalise_header(value: CellValue) -> str:
    """The one form every header is compared in: ``"Fødsels-dato "`` → ``fodsels_dato``.

    A byte order mark and surrounding space go, Unicode is NFKC-normalised and case-folded, ``æ ø å`` become
    ``ae o a`` and other accents are dropped (``á`` → ``a``), and every run of spaces, ``_``, ``-`` and other
    punctuation becomes one ``_`` (none at the ends).
    """
    written = "" if value is None else str(value)
    folded = unicodedata.normalize("NFKC", written.replace("\ufeff", "")).casefold().translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", folded)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub("_", plain).strip("_")


@dataclass(frozen=True)
class Column:
    """One column an import knows.

    ``key``: the name of the value in a parsed row. ``header``: the header the file is expected to have (shown in
    messages about a missing column); ``aliases``: other headers accepted for it (both compared normalised).
    ``required``: the file must have the column. ``blank``: a cell may be empty (its value is then ``None``);
    ``False`` makes an empty cell an error. ``parse``: the cell (never blank) → value, raising
    :class:`~.errors.CellError`. ``validators``: further checks of the parsed value, each raising ``CellError``.
    """

    key: str
    header: str
    parse: Parser[Any] = field(default_factory=text)
    aliases: tuple[str, ...] = ()
    required: bool = False
    blank: bool = True
    validators: tuple[Validator, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        """The normalised headers that mean this column."""
        return frozenset(normalise_header(name) for name in (self.header, *self.aliases))


class ParsedRow:
    """One parsed row: ``number`` (the row in the file) and the values by column key (``None`` = empty cell).

    Only the columns the file has are in it: ``"birth_date" in row`` says whether the file had the column.
    """

    __slots__ = ("_index", "number", "values")

    def __init__(self, number: int, values: tuple[Any, ...], index: Mapping[str, int]) -> None:
        self.number = number
        self.values = values
        self._index = index

    def __getitem__(self, key: str) -> Any:
        return self.values[self._index[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def get(self, key: str, default: Any = None) -> Any:
        position = self._index.get(key)
        return default if position is None else self.values[position]

    def as_dict(self) -> dict[str, Any]:
        return {key: self.values[position] for key, position in self._index.items()}

    def __repr__(self) -> str:
        return f"ParsedRow({self.number}, {self.as_dict()!r})"


@dataclass(frozen=True)
class ParsedTable:
    """What :func:`read_table` returns: the rows, and what it found in the header."""

    rows: list[ParsedRow]
    columns: tuple[str, ...]  # keys of the columns the file has, in the file's order
    headers: Mapping[str, str]  # key → the header as written in the file
    ignored: tuple[str, ...]  # headers as written that are no column (when ``unknown="ignore"``)
    header_row: int


@dataclass(frozen=True)
class _Mapped:
    position: int
    column: Column
    parse: Parser[Any]
    written: str


class _Errors:
    """All errors, the first ``cap`` kept and the rest counted."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.kept: list[TableError] = []
        self.more = 0

    def add(self, error: TableError) -> None:
        if len(self.kept) < self.cap:
            self.kept.append(error)
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.kept)

    def raise_if_any(self) -> None:
        if self.kept:
            raise InvalidTable(self.kept, more=self.more)


def read_table(
    rows: Iterable[Row],
    columns: Sequence[Column],
    *,
    parsers: Mapping[str, Parser[Any]] | None = None,
    unknown: Literal["ignore", "error"] = "ignore",
    row_checks: Sequence[RowCheck] = (),
    require_rows: bool = True,
    max_errors: int = 1000,
) -> ParsedTable:
    """Map the header to ``columns``, parse every row; all rows, or :class:`~.errors.InvalidTable` with all errors.

    ``rows``: from :func:`~.readers.iter_rows` (a reader's error while reading is reported with the others).
    ``parsers``: parsers by column key that replace the columns' own for this read (lookups built at read time).
    ``unknown``: a header that is no column is ignored (listed in ``ParsedTable.ignored``) or an error.
    ``row_checks``: checks of a whole parsed row (a row whose cells had errors is not checked), yielding
    ``CellError`` whose ``column`` is a column key. ``require_rows``: a table without data rows is an error.
    """
    errors = _Errors(max_errors)
    numbered = _numbered(rows, errors)
    header_row, header = next(numbered, (0, []))
    if not header:
        if not errors:
            errors.add(TableError("empty_file"))
        errors.raise_if_any()
    mapped, ignored = _header_map(header, header_row, columns, parsers or {}, unknown, errors)
    errors.raise_if_any()
    index = {item.column.key: position for position, item in enumerate(mapped)}
    headers = {item.column.key: item.written for item in mapped}
    parsed: list[ParsedRow] = []
    for number, cells in numbered:
        row = _row_parse(number, cells, mapped, index, errors)
        if row is not None:
            for check in row_checks:
                for problem in check(row):
                    if problem.column in headers:  # a column key → the header as the file writes it
                        problem.column = headers[problem.column]
                    errors.add(problem.located(row=number))
        if row is not None and not errors:
            parsed.append(row)
        elif errors:
            parsed.clear()  # nothing is returned once there is an error: stop holding rows
    if require_rows and not parsed and not errors:
        errors.add(TableError("no_rows", row=header_row + 1))
    errors.raise_if_any()
    return ParsedTable(parsed, tuple(index), headers, tuple(ignored), header_row)


def _numbered(rows: Iterable[Row], errors: _Errors) -> Iterator[tuple[int, Row]]:
    """The non-blank rows with their numbers in the file; a reader's error ends them and is recorded."""
    number = 0
    try:
        for number, cells in enumerate(rows, start=1):
            if any(not is_blank(cell) for cell in cells):
                yield number, cells
    except TableError as error:
        errors.add(error.located(row=number + 1))


def _header_map(
    header: Row,
    header_row: int,
    columns: Sequence[Column],
    parsers: Mapping[str, Parser[Any]],
    unknown: str,
    errors: _Errors,
) -> tuple[list[_Mapped], list[str]]:
    by_name = {name: column for column in columns for name in column.names}
    mapped: dict[str, _Mapped] = {}
    ignored: list[str] = []
    for position, cell in enumerate(header):
        written = "" if cell is None else str(cell).replace("\ufeff", "").strip()
        column = by_name.get(normalise_header(written))
        if not written:
            continue
        if column is None:
            if unknown == "error":
                known = ", ".join(column.header for column in columns)
                errors.add(TableError("unknown_column", row=header_row, params={"header": written, "known": known}))
            ignored.append(written)
        elif column.key in mapped:
            first = column_letter(mapped[column.key].position + 1)
            params = {"header": column.header, "first": first, "second": column_letter(position + 1)}
            errors.add(TableError("duplicate_column", row=header_row, params=params))
        else:
            mapped[column.key] = _Mapped(position, column, parsers.get(column.key, column.parse), written)
    for column in columns:
        if column.required and column.key not in mapped:
            errors.add(TableError("missing_column", row=header_row, params={"header": column.header}))
    return sorted(mapped.values(), key=lambda item: item.position), ignored


def _row_parse(
    number: int, cells: Row, mapped: Sequence[_Mapped], index: Mapping[str, int], errors: _Errors
) -> ParsedRow | None:
    """The parsed row, or ``None`` when a cell has an error (recorded)."""
    values: list[Any] = []
    ok = True
    width = len(cells)
    for item in mapped:
        value = cells[item.position] if item.position < width else None
        try:
            values.append(_cell_parse(value, item.column, item.parse))
        except CellError as error:
            errors.add(error.located(row=number, column=item.written))
            ok = False
    return ParsedRow(number, tuple(values), index) if ok else None


def _cell_parse(value: CellValue, column: Column, parse: Parser[Any]) -> Any:
    if is_blank(value):
        if not column.blank:
            raise CellError("required")
        return None
    result = parse(value)
    for validate in column.validators:
        validate(result)
    return result
