"""Reading input tables (CSV with ``,`` or ``;``, UTF-8 with or without BOM, and XLSX) and
turning them into :class:`~integrering.allocation.model.Municipality` values.

Row numbers in messages are those a spreadsheet shows: the header is row 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from integrering.i18n import gettext as _
from integrering.tabular import TableError, read_rows

from .errors import InvalidInput
from .model import Municipality
from .wording import norwegian_number, whole

NUMBER_COLUMN = "kommunenummer"
NAME_COLUMN = "navn"
MINORS_COLUMN = "ema"  # ja/nei: the municipality can take unaccompanied minors (absent: all can)
CONSTRAINT_COLUMNS = ("min", "maks", "fast", "utelat", MINORS_COLUMN)
RESERVED = (NUMBER_COLUMN, NAME_COLUMN) + CONSTRAINT_COLUMNS
TRUE_WORDS = {"ja", "true", "1", "x", "sann"}
FALSE_WORDS = {"nei", "false", "0", "", "usann"}


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (row number, column → text)

    def error(self, message: str, row: int | None = None, column: str | None = None) -> InvalidInput:
        return InvalidInput.at(message, file=self.file, row=row, column=column)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_cells(path: Path) -> list[list[str]]:
    try:
        with path.open("rb") as file:  # the reader reads at most its size limit (+1 byte) of the file
            raw = read_rows(file, path.name)
    except TableError as exc:
        raise InvalidInput.at(
            _("cannot be read: %(problem)s") % {"problem": _file_problem(exc)}, file=str(path)
        ) from exc
    return [[_cell_text(v) for v in row] for row in raw]


def _file_problem(error: TableError) -> str:
    """The file reader's error in the current language (the project's catalogue, :mod:`integrering.i18n`)."""
    return error.render(_, _shown)


def _shown(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return whole(value)
    if isinstance(value, float):
        return whole(int(value)) if value.is_integer() else norwegian_number(value)
    return value


def _check_header(file: str, header: list[str]) -> None:
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name and name in seen:
            raise InvalidInput.at(
                _("the column appears more than once in the header row (columns %(first)s and %(second)s).")
                % {"first": seen[name], "second": position},
                file=file,
                row=1,
                column=name,
            )
        seen[name] = position


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file; column names are lower-cased and stripped."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput.at(_("does not exist."), file=str(path))
    raw = _read_cells(path)
    raw = [row for row in raw if any(cell for cell in row)] if raw else []
    if not raw:
        raise InvalidInput.at(_("is empty."), file=str(path))
    header = [h.strip().lower() for h in raw[0]]
    _check_header(str(path), header)
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        rows.append((number, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header) if h}))
    return Table(str(path), tuple(h for h in header if h), tuple(rows))


def parse_number(text: str) -> float | None:
    """Parse ``1234.5``, ``1 234,5`` or ``12,5``; None if it is not a number."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("−", "-")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def number_cell(table: Table, row: int, column: str, text: str) -> float:
    value = parse_number(text)
    if value is None:
        raise table.error(_("«%(value)s» is not a number.") % {"value": text}, row, column)
    return value


def whole_cell(table: Table, row: int, column: str, text: str) -> int | None:
    """A non-negative whole number, or None when the cell is empty."""
    if text == "":
        return None
    value = number_cell(table, row, column, text)
    if value < 0 or not float(value).is_integer():
        raise table.error(_("«%(value)s» must be a whole number, 0 or more.") % {"value": text}, row, column)
    return int(value)


def yes_no_cell(table: Table, row: int, column: str, text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise table.error(
        _("«%(value)s» is not yes/no (use ja/nei, true/false, 1/0 or x/empty).") % {"value": text}, row, column
    )


def minors_cell(table: Table, row: int, text: str) -> bool:
    """The ``ema`` column: exactly ``ja`` or ``nei`` (any case); anything else, empty too, is an error."""
    word = text.strip().lower()
    if word in ("ja", "nei"):
        return word == "ja"
    shown = f"«{text}»" if text.strip() else _("an empty cell")
    raise table.error(
        _(
            "%(value)s is not ja or nei (the column «%(column)s» says whether the municipality can receive "
            "unaccompanied minors: write ja or nei)."
        )
        % {"value": shown, "column": MINORS_COLUMN},
        row,
        MINORS_COLUMN,
    )


def numeric_columns(table: Table, skip: tuple[str, ...] = ()) -> list[str]:
    """Columns (other than the reserved ones) whose first non-empty value is a number."""
    found = []
    for column in table.columns:
        if column in RESERVED or column in skip:
            continue
        first = next((values.get(column, "") for _, values in table.rows if values.get(column, "")), "")
        if first and parse_number(first) is not None:
            found.append(column)
    return found


def require_number_column(table: Table) -> None:
    if NUMBER_COLUMN not in table.columns:
        raise table.error(
            _("the column «%(column)s» is missing (it is required). Columns in the file: %(columns)s.")
            % {"column": NUMBER_COLUMN, "columns": ", ".join(table.columns)},
            column=NUMBER_COLUMN,
        )


def refuse_reserved(table: Table, option: str, columns: list[str]) -> None:
    """``columns`` named by ``option`` must not be ``kommunenummer``, ``navn`` or a constraint column."""
    for column in columns:
        if column in RESERVED:
            raise table.error(
                _(
                    "%(option)s cannot apply to «%(column)s»: that column is not a criterion (%(reserved)s have their own meanings)."
                )
                % {"option": option, "column": column, "reserved": ", ".join(RESERVED)},
                column=column,
            )


def require_columns(table: Table, columns: list[str]) -> None:
    for column in columns:
        if column not in table.columns:
            raise table.error(
                _("the column «%(column)s» does not exist. Columns in the file: %(columns)s.")
                % {"column": column, "columns": ", ".join(table.columns)},
                column=column,
            )


def _municipality_number(table: Table, row: int, text: str) -> str:
    number = text.strip()
    if not number:
        raise table.error(_("the municipality number is missing."), row, NUMBER_COLUMN)
    if not number.isdigit():
        raise table.error(
            _("«%(value)s» is not a valid municipality number (digits only).") % {"value": text}, row, NUMBER_COLUMN
        )
    if len(number) > 4:
        raise table.error(
            _("«%(value)s» is not a valid municipality number (four digits).") % {"value": text}, row, NUMBER_COLUMN
        )
    return number.zfill(4)


def _criteria(table: Table, row: int, values: dict[str, str], criteria: list[str], optional: bool) -> dict[str, float]:
    result = {}
    for column in criteria:
        text = values.get(column, "")
        if text == "":
            if optional:
                continue
            raise table.error(_("the value is missing."), row, column)
        value = number_cell(table, row, column, text)
        if value < 0:
            raise table.error(_("«%(value)s» cannot be negative.") % {"value": text}, row, column)
        result[column] = value
    return result


def _municipality(table: Table, row: int, values: dict[str, str], criteria: list[str]) -> Municipality:
    number = _municipality_number(table, row, values.get(NUMBER_COLUMN, ""))
    excluded = yes_no_cell(table, row, "utelat", values.get("utelat", ""))
    fixed = whole_cell(table, row, "fast", values.get("fast", ""))
    minimum = whole_cell(table, row, "min", values.get("min", ""))
    cap = whole_cell(table, row, "maks", values.get("maks", ""))
    if minimum is not None and cap is not None and minimum > cap:
        raise table.error(
            _("«min» (%(minimum)s) is greater than «maks» (%(cap)s).") % {"minimum": minimum, "cap": cap}, row, "min"
        )
    minors = MINORS_COLUMN not in table.columns or minors_cell(table, row, values.get(MINORS_COLUMN, ""))
    return Municipality(
        number=number,
        name=values.get(NAME_COLUMN, ""),
        criteria=_criteria(table, row, values, criteria, optional=excluded or fixed is not None),
        excluded=excluded,
        fixed=fixed,
        minimum=minimum,
        cap=cap,
        accepts_minors=minors,
    )


def municipalities_from_table(table: Table, criteria: list[str]) -> list[Municipality]:
    """Municipalities with the given criteria; errors name the file, row and column."""
    require_number_column(table)
    require_columns(table, criteria)
    seen: dict[str, int] = {}
    municipalities = []
    for row, values in table.rows:
        municipality = _municipality(table, row, values, criteria)
        if municipality.number in seen:
            raise table.error(
                _("municipality %(number)s appears more than once (also in row %(row)s).")
                % {"number": municipality.number, "row": seen[municipality.number]},
                row,
                NUMBER_COLUMN,
            )
        seen[municipality.number] = row
        municipalities.append(municipality)
    if not municipalities:
        raise table.error(_("contains no municipalities."))
    return municipalities


def whole_column(table: Table, column: str) -> dict[str, int]:
    """Municipality number → whole number in ``column``; an empty cell is an error."""
    require_columns(table, [column])
    result = {}
    for row, values in table.rows:
        number = _municipality_number(table, row, values.get(NUMBER_COLUMN, ""))
        value = whole_cell(table, row, column, values.get(column, ""))
        if value is None:
            raise table.error(_("the value is missing (write 0 for a municipality that got 0)."), row, column)
        result[number] = value
    return result


def row_of(table: Table, number: str) -> int | None:
    """The row of municipality ``number`` (as the engine writes it: four digits)."""
    for row, values in table.rows:
        text = values.get(NUMBER_COLUMN, "").strip()
        if text.isdigit() and text.zfill(4) == number:
            return row
    return None
