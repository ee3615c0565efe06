"""Reading input tables (CSV with ``,`` or ``;``, UTF-8 with or without BOM, and XLSX) and
turning them into :class:`~integrering.allocation.model.Municipality` values.

Row numbers in messages are those a spreadsheet shows: the header is row 1.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from pathlib import Path

from integrering.tabular import TableError, read_rows

from .errors import InvalidInput
from .model import Municipality
from .wording import norwegian_number, whole

NUMBER_COLUMN = "kommunenummer"
NAME_COLUMN = "navn"
MINORS_COLUMN = "ema"  # ja/nei: the municipality can take unaccompanied minors (absent: all can)
CONSTRAINT_COLUMNS = ("min", "maks", "fast", "utelat", MINORS_COLUMN)
RESERVED = (NUMBER_COLUMN, NAME_COLUMN) + CONSTRAINT_COLUMNS
LOCALE = Path(__file__).resolve().parents[1] / "locale"
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
        raise InvalidInput.at(f"kan ikke leses: {_file_problem(exc)}", file=str(path)) from exc
    return [[_cell_text(v) for v in row] for row in raw]


def _file_problem(error: TableError) -> str:
    """The file reader's error in bokmål from the project's catalogue, read with the standard library's gettext
    (the engine runs without Django); in English if the catalogue has not been compiled."""
    catalogue = gettext.translation("django", localedir=LOCALE, languages=["nb"], fallback=True)
    return error.render(catalogue.gettext, _shown)


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
                f"kolonnen står flere ganger i overskriftsraden (kolonne {seen[name]} og {position}).",
                file=file,
                row=1,
                column=name,
            )
        seen[name] = position


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file; column names are lower-cased and stripped."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput.at("finnes ikke.", file=str(path))
    raw = _read_cells(path)
    raw = [row for row in raw if any(cell for cell in row)] if raw else []
    if not raw:
        raise InvalidInput.at("er tom.", file=str(path))
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
        raise table.error(f"«{text}» er ikke et tall.", row, column)
    return value


def whole_cell(table: Table, row: int, column: str, text: str) -> int | None:
    """A non-negative whole number, or None when the cell is empty."""
    if text == "":
        return None
    value = number_cell(table, row, column, text)
    if value < 0 or not float(value).is_integer():
        raise table.error(f"«{text}» må være et helt tall, 0 eller større.", row, column)
    return int(value)


def yes_no_cell(table: Table, row: int, column: str, text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise table.error(f"«{text}» er ikke ja/nei (bruk ja/nei, true/false, 1/0 eller x/tom).", row, column)


def minors_cell(table: Table, row: int, text: str) -> bool:
    """The ``ema`` column: exactly ``ja`` or ``nei`` (any case); anything else, empty too, is an error."""
    word = text.strip().lower()
    if word in ("ja", "nei"):
        return word == "ja"
    shown = f"«{text}»" if text.strip() else "en tom celle"
    raise table.error(
        f"{shown} er ikke ja eller nei (kolonnen «{MINORS_COLUMN}» sier om kommunen kan ta imot enslige "
        "mindreårige: skriv ja eller nei).",
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
            f"kolonnen «{NUMBER_COLUMN}» mangler (den er påkrevd). Kolonner i filen: {', '.join(table.columns)}.",
            column=NUMBER_COLUMN,
        )


def refuse_reserved(table: Table, option: str, columns: list[str]) -> None:
    """``columns`` named by ``option`` must not be ``kommunenummer``, ``navn`` or a constraint column."""
    for column in columns:
        if column in RESERVED:
            raise table.error(
                f"{option} kan ikke gjelde «{column}»: den kolonnen er ikke et kriterium "
                f"({', '.join(RESERVED)} har egne betydninger).",
                column=column,
            )


def require_columns(table: Table, columns: list[str]) -> None:
    for column in columns:
        if column not in table.columns:
            raise table.error(
                f"kolonnen «{column}» finnes ikke. Kolonner i filen: {', '.join(table.columns)}.", column=column
            )


def _municipality_number(table: Table, row: int, text: str) -> str:
    number = text.strip()
    if not number:
        raise table.error("kommunenummer mangler.", row, NUMBER_COLUMN)
    if not number.isdigit():
        raise table.error(f"«{text}» er ikke et gyldig kommunenummer (bare sifre).", row, NUMBER_COLUMN)
    if len(number) > 4:
        raise table.error(f"«{text}» er ikke et gyldig kommunenummer (fire sifre).", row, NUMBER_COLUMN)
    return number.zfill(4)


def _criteria(table: Table, row: int, values: dict[str, str], criteria: list[str], optional: bool) -> dict[str, float]:
    result = {}
    for column in criteria:
        text = values.get(column, "")
        if text == "":
            if optional:
                continue
            raise table.error("verdien mangler.", row, column)
        value = number_cell(table, row, column, text)
        if value < 0:
            raise table.error(f"«{text}» kan ikke være negativ.", row, column)
        result[column] = value
    return result


def _municipality(table: Table, row: int, values: dict[str, str], criteria: list[str]) -> Municipality:
    number = _municipality_number(table, row, values.get(NUMBER_COLUMN, ""))
    excluded = yes_no_cell(table, row, "utelat", values.get("utelat", ""))
    fixed = whole_cell(table, row, "fast", values.get("fast", ""))
    minimum = whole_cell(table, row, "min", values.get("min", ""))
    cap = whole_cell(table, row, "maks", values.get("maks", ""))
    if minimum is not None and cap is not None and minimum > cap:
        raise table.error(f"«min» ({minimum}) er større enn «maks» ({cap}).", row, "min")
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
                f"kommune {municipality.number} står flere ganger (også i rad {seen[municipality.number]}).",
                row,
                NUMBER_COLUMN,
            )
        seen[municipality.number] = row
        municipalities.append(municipality)
    if not municipalities:
        raise table.error("inneholder ingen kommuner.")
    return municipalities


def whole_column(table: Table, column: str) -> dict[str, int]:
    """Municipality number → whole number in ``column``; an empty cell is an error."""
    require_columns(table, [column])
    result = {}
    for row, values in table.rows:
        number = _municipality_number(table, row, values.get(NUMBER_COLUMN, ""))
        value = whole_cell(table, row, column, values.get(column, ""))
        if value is None:
            raise table.error("verdien mangler (skriv 0 for en kommune som fikk 0).", row, column)
        result[number] = value
    return result


def row_of(table: Table, number: str) -> int | None:
    """The row of municipality ``number`` (as the engine writes it: four digits)."""
    for row, values in table.rows:
        text = values.get(NUMBER_COLUMN, "").strip()
        if text.isdigit() and text.zfill(4) == number:
            return row
    return None
