"""Import of IMDi's published figures (requests, decisions, settlements) from CSV or XLSX.

- CSV separated by ``;`` or ``,`` (detected from the header line), UTF-8 with or without BOM
  (Windows-1252 is accepted as a fallback); XLSX: the first sheet, the header in the first row.
- The municipality is found by a ``kommunenummer`` column, or by a ``kommune`` column holding a number
  and/or a name: «5001», «5001 Trondheim», «Trondheim», «Trondheim - Tråante», «Tråante».
- Figure columns: ``anmodet, anmodet_ema, vedtatt, vedtatt_ema, bosatt, bosatt_ema, avtalt_ikke_bosatt``
  (any subset; ``anbefalt`` too). Columns that are absent leave the stored values alone.
- **An empty cell in a present column means «unknown» and sets the stored value to empty (NULL)**;
  0 means zero. A file therefore states everything it has columns for.
- A total row (no ``kommunenummer``, ``kommune`` «Sum», as in this application's own export) is skipped,
  so an exported file imports back unchanged.
- IMDi's own statistics files (long format, one row per municipality, category, unit and year) are detected
  from the header and read by :mod:`.imdi`.
- Everything is validated first; any error (row and column named, in Norwegian) means nothing is written.
  Applying the same file twice changes nothing the second time.
"""

import io
import math
import re
from dataclasses import dataclass, field
from typing import BinaryIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from integrering.core.exceptions import ApplicationError
from integrering.core.file_errors import table_error_message, table_error_messages
from integrering.municipalities.lookup import CellReason as Reason
from integrering.municipalities.lookup import MunicipalityIndex
from integrering.municipalities.models import Municipality
from integrering.settlement.figures.imdi import imdi_plans, is_imdi_header
from integrering.settlement.figures.models import FIGURE_FILE_COLUMNS, SettlementFigure
from integrering.settlement.figures.services import EMA_PAIRS
from integrering.settlement.figures.sources import (
    DATE_FIELDS,
    DETAIL_ALIASES,
    DETAIL_COLUMNS,
    Document,
    document_values,
    document_warning,
    parse_detail,
)
from integrering.settlement.limits import MAX_PERSONS, MAX_PERSONS_TEXT
from integrering.settlement.years.models import SettlementYear
from integrering.tabular import (
    Column,
    InvalidTable,
    ParsedRow,
    TableError,
    cell_text,
    content_read,
    fold,
    is_xlsx,
    normalise_header,
    read_rows,
    text,
)
from integrering.tabular import read_table as columns_read

# File column → model field (defined once, in figures.models; IMDi's long format uses it too).
COLUMNS = FIGURE_FILE_COLUMNS
ALIASES = {
    "anmodning": "anmodet",
    "kommunenr": "kommunenummer",
    "knr": "kommunenummer",
    "navn": "kommunenavn",
    **DETAIL_ALIASES,
}
IGNORED = {"kommunenavn", "fylke", "fylkesnummer", "fylkesnavn"}
ALIAS_OF = {normalise_header(alias): normalise_header(target) for alias, target in ALIASES.items()}
# A row with one of these in «kommune» and no kommunenummer is a total row and is skipped (not checked).
TOTAL_LABELS = {"sum", "totalt", "total", "i alt"}
FIELD_COLUMN = {v: k for k, v in (COLUMNS | DETAIL_COLUMNS).items()}


@dataclass
class Change:
    municipality: Municipality
    column: str
    old: object  # a number, a date or a reference; None (or "") = unknown
    new: object


@dataclass
class ImportPlan:
    county_id: int
    year: int
    rows: list[tuple[Municipality, dict]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    detail_columns: list[str] = field(default_factory=list)  # date and reference columns (figures.sources)
    document: Document = field(default_factory=Document)
    warnings: list[str] = field(default_factory=list)
    file_error: str | None = None  # the file as a whole cannot be read (a limit, not CSV/XLSX): shown at the upload
    known_before: set[int] = field(default_factory=set)  # municipalities (pk) with a figure stored before the import

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed_municipalities(self) -> int:
        return len({c.municipality.pk for c in self.changes})


class FileError(ApplicationError):
    """The file cannot be read at all (not CSV/XLSX, over a limit, no header …)."""

    default_code = "file"


def read_table(content: bytes, filename: str) -> list[list]:
    """The file's rows (header first) as lists of cell values, read under the limits of
    :data:`integrering.tabular.DEFAULT_LIMITS` (size, rows, columns, cells, and for XLSX the unpacked size);
    :class:`FileError` naming the limit otherwise."""
    try:
        return read_rows(content, filename)
    except TableError as error:
        raise FileError(table_error_message(error)) from error


def file_read(source: BinaryIO, filename: str) -> tuple[bytes, list[list]]:
    """(content, rows) of an open file: at most the size limit (+1 byte) is read, then the table under its limits,
    before anything else happens (the command line checks the file before it looks at the database)."""
    try:
        content = content_read(source)
    except TableError as error:
        raise FileError(table_error_message(error)) from error
    return content, read_table(content, filename)


def _normalise_header(value) -> str:
    """The header as the import's columns know it (the one normaliser, then the aliases)."""
    text = normalise_header(value)
    return ALIAS_OF.get(text, text)


def persons(value) -> int:
    """A number of persons: whole, 0 or more, at most :data:`MAX_PERSONS` (the figure columns' parser)."""
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise Reason(gettext_noop("«%(value)s» is not a number."), value=str(value))
    if isinstance(value, int | float):
        if value != int(value):
            raise Reason(gettext_noop("«%(value)s» is not a whole number."), value=str(value))
        number = int(value)
    else:
        written = str(value).strip().replace("\xa0", "").replace(" ", "")
        if re.fullmatch(r"[-−–]\d+", written):
            raise Reason(gettext_noop("negative number (%(value)s) is not allowed."), value=str(value).strip())
        if not written.isdigit():
            raise Reason(gettext_noop("«%(value)s» is not a number."), value=str(value).strip())
        number = int(written)
    if number < 0:
        raise Reason(gettext_noop("negative number (%(value)s) is not allowed."), value=str(number))
    if number > MAX_PERSONS:
        raise Reason(
            gettext_noop("%(value)s is too large (at most %(limit)s)."), value=str(number), limit=MAX_PERSONS_TEXT
        )
    return number


def _detail(name: str):
    """The parser of a date or reference column (:func:`.sources.parse_detail`)."""

    def parse(value):
        parsed, reason = parse_detail(DETAIL_COLUMNS[name], value)
        if reason:
            raise Reason("%(reason)s.", reason=reason)
        return parsed

    return parse


def _aliases(name: str) -> tuple[str, ...]:
    return tuple(alias for alias, target in ALIASES.items() if target == name)


# Every column the import knows, declared once: its header, the other headers it accepts, its parser.
FILE_COLUMNS = (
    Column("kommunenummer", "kommunenummer", aliases=_aliases("kommunenummer"), parse=text()),
    Column("kommune", "kommune", parse=text()),
    *(Column(name, name, aliases=_aliases(name), parse=persons) for name in COLUMNS),
    *(Column(name, name, aliases=_aliases(name), parse=_detail(name)) for name in DETAIL_COLUMNS),
    *(Column(name, name, aliases=_aliases(name), parse=text()) for name in sorted(IGNORED)),
)
TOTAL = object()  # what the municipality column gives for a total row («Sum»)


def import_plan(
    *,
    county,
    year: int,
    content: bytes,
    filename: str,
    document: Document | None = None,
    table: list[list] | None = None,
) -> ImportPlan:
    """Validate the whole file and work out what would change; writes nothing.

    ``document``: the date and reference of the document the file comes from (see :mod:`.sources`).
    ``table``: the rows when :func:`file_read` has read them already.
    """
    plan = ImportPlan(county_id=county.pk, year=year, document=document or Document())
    try:
        if table is None:
            table = read_table(content, filename)
    except FileError as error:
        plan.file_error = error.user_message
        plan.errors.append(error.user_message)
        return plan
    # Blank rows are skipped, but every row keeps its number in the file (for the messages).
    numbered = [(n, row) for n, row in enumerate(table, start=1) if any(str(c).strip() for c in row if c is not None)]
    if not numbered:
        plan.errors.append(_("The file is empty."))
        return plan
    header_number, first_row = numbered[0]
    if is_imdi_header(first_row):
        return _imdi_plan(plan, county, table, content, filename)
    header, key_column = _read_header(plan, first_row, header_number)
    if plan.errors or key_column is None:  # no key column is an error
        return plan
    plan.errors.extend(formula_errors(content, filename, known={*COLUMNS, *DETAIL_COLUMNS, key_column}))
    row_numbers = _read_rows(plan, table, key_column, county)
    compare_with_stored(plan, row_numbers)
    return plan


def is_imdi_table(table: list[list]) -> bool:
    """Whether the table's first non-blank row is the header of IMDi's long format."""
    first = next((row for row in table if any(str(c).strip() for c in row if c is not None)), [])
    return is_imdi_header(first)


def _imdi_plan(plan: ImportPlan, county, table: list[list], content: bytes, filename: str) -> ImportPlan:
    """The plan for ``plan.year`` from IMDi's long format (:mod:`.imdi`); the file's other years are noted."""
    plan.errors.extend(formula_errors(content, filename, known={"antall"}, normalise=normalise_header))
    plans, read = imdi_plans(county=county, table=table, year=plan.year, document=plan.document)
    plan.errors.extend(read.errors)
    for this_year in plans:
        plan.rows, plan.changes, plan.columns = this_year.rows, this_year.changes, this_year.columns
        plan.errors.extend(this_year.errors)
    plan.warnings.extend(read.notes(plan.year))
    others = sorted(read.file_years - {plan.year})
    if others:
        plan.warnings.append(
            _("The file also has figures for %(years)s; only %(year)s is imported here.")
            % {"years": ", ".join(map(str, others)), "year": plan.year}
        )
    return plan


def formula_errors(content: bytes, filename: str, known: set[str], normalise=None) -> list[str]:
    """A formula cell without a saved result reads as empty, which would clear the stored value: refuse it.

    Excel saves each formula's last result with it; a workbook written by a program that cannot calculate
    (or saved with calculation off) has the formula only. ``known``: the (normalised) columns that are read.
    """
    normalise = normalise or _normalise_header
    if not is_xlsx(content, filename):
        return []
    from openpyxl import load_workbook

    try:
        formulas = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        results = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # read_rows has already said what is wrong with a broken file
        return []
    errors = []
    try:
        for workbook in (formulas, results):
            workbook.worksheets[0].reset_dimensions()  # never pad rows to a declared (hostile) dimension
        cells = zip(
            formulas.worksheets[0].iter_rows(values_only=True), results.worksheets[0].iter_rows(values_only=True)
        )
        header: list[str] = []
        for row_number, (with_formulas, with_results) in enumerate(cells, start=1):
            if not header and any(v is not None for v in with_results):
                header = [normalise(v) for v in with_results]
                continue
            for index, (formula, result) in enumerate(zip(with_formulas, with_results)):
                column = header[index] if index < len(header) else ""
                if column in known and isinstance(formula, str) and formula.startswith("=") and result is None:
                    errors.append(
                        _(
                            "Row %(row)s, column «%(column)s»: a formula without a calculated value; save the file in Excel first."
                        )
                        % {"row": row_number, "column": column}
                    )
    finally:
        formulas.close()
        results.close()
    return errors


def _read_header(plan: ImportPlan, first_row: list, row_number: int = 1) -> tuple[list[str], str | None]:
    """The normalised header and the municipality column; sets ``plan.columns`` and ``plan.ignored_columns``."""
    header = [_normalise_header(h) for h in first_row]
    key_column = "kommunenummer" if "kommunenummer" in header else ("kommune" if "kommune" in header else None)
    if key_column is None:
        plan.errors.append(
            _("Row %(row)s: the file lacks the column «kommunenummer» or «kommune».") % {"row": row_number}
        )
    plan.columns = [h for h in header if h in COLUMNS]
    plan.detail_columns = [h for h in header if h in DETAIL_COLUMNS]
    known = {*COLUMNS, *DETAIL_COLUMNS, "kommunenummer", "kommune", *IGNORED}
    plan.ignored_columns = [str(first_row[i]) for i, h in enumerate(header) if h not in known and h]
    if not plan.columns and not plan.detail_columns:
        plan.errors.append(
            _("Row %(row)s: the file has no figure columns (%(columns)s).")
            % {"row": row_number, "columns": ", ".join(COLUMNS)}
        )
    warning = document_warning(plan.columns, {DETAIL_COLUMNS[c] for c in plan.detail_columns}, plan.document)
    if warning:
        plan.warnings.append(warning)
    duplicates = [h for h in plan.columns + plan.detail_columns if header.count(h) > 1]
    if duplicates:
        plan.errors.append(
            _("Row %(row)s: the column «%(column)s» appears more than once.")
            % {"row": row_number, "column": duplicates[0]}
        )
    return header, key_column


def _read_rows(plan: ImportPlan, table: list[list], key_column: str, county) -> list[int]:
    """Fill ``plan.rows`` (municipality, values) through the column framework, or ``plan.errors`` with every
    problem (row and column named); returns each planned row's file row number."""
    index = MunicipalityIndex(plan.year)

    def municipality(value):
        if key_column == "kommune" and fold(cell_text(value)) in TOTAL_LABELS:
            return TOTAL
        return index.find(value, county.pk)

    seen: dict[int, int] = {}

    def once(row: ParsedRow):
        found = row.get(key_column)
        if found is None and not _is_total_row(row):
            yield Reason(gettext_noop("municipality missing.")).located(column=key_column)
        elif found is not None and found is not TOTAL:
            if found.pk in seen:
                error = Reason(
                    gettext_noop("%(municipality)s is also on row %(row)s."),
                    municipality=str(found),
                    row=seen[found.pk],
                )
                yield error.located(column=key_column)
            seen.setdefault(found.pk, row.number)

    try:
        parsed = columns_read(
            table, FILE_COLUMNS, parsers={key_column: municipality}, row_checks=(once,), require_rows=False
        )
    except InvalidTable as error:
        plan.errors.extend(table_error_messages(error))
        return []
    row_numbers: list[int] = []
    for row in parsed.rows:
        found = row.get(key_column)
        if found is None or found is TOTAL:
            continue  # a total row
        values = {COLUMNS[column]: row.get(column) for column in plan.columns}
        for column in plan.detail_columns:
            name = DETAIL_COLUMNS[column]
            value = row.get(column)
            values[name] = ("" if name not in DATE_FIELDS else None) if value is None else value
        plan.rows.append((found, values))
        row_numbers.append(row.number)
    return row_numbers


def _is_total_row(row: ParsedRow) -> bool:
    """The total row of our own export (and of most published tables): no kommunenummer, kommune «Sum»."""
    name = row.get("kommune")
    return row.get("kommunenummer") is None and name is not None and fold(name) in TOTAL_LABELS


def compare_with_stored(
    plan: ImportPlan, row_numbers: list[int], field_rows: list[dict] | None = None, column: str | None = None
) -> None:
    """Fill ``plan.changes`` and check minors ≤ total against what the stored record would become.

    ``field_rows`` and ``column`` (IMDi's long format, one figure a row): per planned row, the file row of each
    figure, and the column the figures are in; an error then names that row and column."""
    settlement_year = SettlementYear.objects.filter(county_id=plan.county_id, year=plan.year).first()
    stored = {}
    frozen = False  # a recommendation is frozen: «anbefalt» changes only by a new version of it, with a reason
    if settlement_year is not None:
        stored = {f.municipality_id: f for f in SettlementFigure.objects.filter(settlement_year=settlement_year)}
        frozen = settlement_year.recommendations.exists()
    plan.known_before = {
        pk for pk, f in stored.items() if any(getattr(f, name) is not None for name in COLUMNS.values())
    }
    file_fields = {DETAIL_COLUMNS[c] for c in plan.detail_columns}
    for position, ((municipality, values), row_number) in enumerate(zip(plan.rows, row_numbers, strict=True)):
        old = _stored_values(stored.get(municipality.pk))
        merged = {name: values.get(name, old[name]) for name in COLUMNS.values()}
        for ema, main in EMA_PAIRS:
            if merged[ema] is not None and merged[main] is not None and merged[ema] > merged[main]:
                named = ema if ema in values else main
                where, row = FIELD_COLUMN[named], row_number
                if field_rows is not None and column is not None:
                    where, row = column, field_rows[position].get(named, row_number)
                plan.errors.append(
                    _(
                        "Row %(row)s, column «%(column)s»: unaccompanied minors (%(minors)s) are more than «%(main)s» (%(total)s)."
                    )
                    % {
                        "row": row,
                        "column": where,
                        "minors": merged[ema],
                        "main": FIELD_COLUMN[main],
                        "total": merged[main],
                    }
                )
        values.update(document_values(values, old, plan.document, file_fields))
        for name, new in values.items():
            if old[name] != new and name == "recommended" and frozen:
                plan.errors.append(
                    _(
                        "Row %(row)s, column «anbefalt»: the county's recommendation for %(year)s is locked "
                        "(%(old)s → %(new)s); make a new version of the recommendation instead."
                    )
                    % {"row": row_number, "year": plan.year, "old": _text(old[name]), "new": _text(new)}
                )
            elif old[name] != new:
                plan.changes.append(Change(municipality, FIELD_COLUMN[name], old[name], new))


def _stored_values(figure: SettlementFigure | None) -> dict:
    """The stored figures, dates and references of a record (unknown: None, or "" for a reference)."""
    names = [*COLUMNS.values(), *DETAIL_COLUMNS.values()]
    if figure is None:
        return {name: None if name in COLUMNS.values() or name in DATE_FIELDS else "" for name in names}
    return {name: getattr(figure, name) for name in names}


def _text(value) -> str:
    return _("empty") if value is None else str(value)
