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
- Everything is validated first; any error (row and column named, in Norwegian) means nothing is written.
  Applying the same file twice changes nothing the second time.
"""

import io
import math
import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q

from integrering.core.file_errors import table_error_message
from integrering.municipalities.models import Municipality
from integrering.settlement.figures.models import SettlementFigure
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
from integrering.settlement.limits import persons_problem
from integrering.settlement.years.models import SettlementYear
from integrering.tabular import TableError, is_xlsx, read_rows

# File column → model field.
COLUMNS = {
    "anbefalt": "recommended",
    "anmodet": "requested",
    "anmodet_ema": "requested_ema",
    "vedtatt": "decided",
    "vedtatt_ema": "decided_ema",
    "bosatt": "settled",
    "bosatt_ema": "settled_ema",
    "avtalt_ikke_bosatt": "agreed_not_settled",
}
ALIASES = {
    "anmodning": "anmodet",
    "kommunenr": "kommunenummer",
    "knr": "kommunenummer",
    "navn": "kommunenavn",
    **DETAIL_ALIASES,
}
IGNORED = {"kommunenavn", "fylke", "fylkesnummer", "fylkesnavn"}
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

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed_municipalities(self) -> int:
        return len({c.municipality.pk for c in self.changes})


class FileError(ValueError):
    """The file cannot be read at all (not CSV/XLSX, no header …)."""


def read_table(content: bytes, filename: str) -> list[list]:
    """The file's rows (header first) as lists of cell values."""
    try:
        return read_rows(content, filename)
    except TableError as error:
        raise FileError(table_error_message(error)) from error


def _normalise_header(value) -> str:
    text = str(value or "").strip().lower().replace("\ufeff", "")
    text = re.sub(r"[\s\-]+", "_", text)
    return ALIASES.get(text, text)


def _fold(text: str) -> str:
    """Compare names without case, accents on Sami letters, or extra spaces."""
    text = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    return re.sub(r"\s+", " ", text)


class MunicipalityIndex:
    """Find a municipality valid in a year by number or any of its names, in this county or another."""

    def __init__(self, year: int):
        valid = Municipality.objects.filter(valid_from__lte=year).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=year)
        )
        self.by_number: dict[str, Municipality] = {}
        self.by_name: dict[str, set[Municipality]] = {}
        self.other_years = {m.number: m for m in Municipality.objects.exclude(pk__in=valid.values("pk"))}
        for m in valid.prefetch_related("names"):
            self.by_number[m.number] = m
            names = {m.norwegian_name, *[n.name for n in m.names.all()]}
            names |= {re.sub(r"\s*\(\w+\)\s*$", "", part) for part in m.other_names.split(",") if part.strip()}
            for name in list(names):
                names |= {part.strip() for part in name.split(" - ")}
            for name in names:
                if name:
                    self.by_name.setdefault(_fold(name), set()).add(m)

    def find(self, text: str, county_id: int) -> tuple[Municipality | None, str | None]:
        """(municipality, None) or (None, Norwegian reason)."""
        text = str(text).strip()
        if text.endswith(".0") and text[:-2].isdigit():
            text = text[:-2]
        match = re.fullmatch(r"(\d{3,4})(?:\s+(.*))?", text)
        if match:
            number = match.group(1).zfill(4)
            found = self.by_number.get(number)
            if found is None:
                if number in self.other_years:
                    return None, f"kommunenummer {number} var ikke i bruk dette året"
                return None, f"ukjent kommune «{text}»"
        else:
            candidates = self.by_name.get(_fold(text), set())
            if not candidates:
                return None, f"ukjent kommune «{text}»"
            in_county = [m for m in candidates if m.county_id == county_id]
            if len(in_county) > 1:
                return None, f"«{text}» passer på flere kommuner; bruk kommunenummer"
            found = in_county[0] if in_county else sorted(candidates, key=lambda m: m.number)[0]
        if found.county_id != county_id:
            return None, f"{found.number} {found.norwegian_name} ligger i et annet fylke"
        return found, None


def _parse_number(value) -> tuple[int | None, str | None]:
    """(value, None) or (None, Norwegian reason). Empty → None (unknown); at most :data:`MAX_PERSONS`."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, f"«{value}» er ikke et tall"
    if isinstance(value, float) and not math.isfinite(value):
        return None, f"«{value}» er ikke et tall"
    if isinstance(value, int | float):
        if value != int(value):
            return None, f"«{value}» er ikke et helt tall"
        value = int(value)
    else:
        text = str(value).strip().replace("\xa0", "").replace(" ", "")
        if text == "":
            return None, None
        if re.fullmatch(r"[-−–]\d+", text):
            return None, f"negativt tall ({value}) er ikke tillatt"
        if not text.isdigit():
            return None, f"«{str(value).strip()}» er ikke et tall"
        value = int(text)
    reason = persons_problem(value)
    return (None, reason) if reason else (value, None)


def import_plan(*, county, year: int, content: bytes, filename: str, document: Document | None = None) -> ImportPlan:
    """Validate the whole file and work out what would change; writes nothing.

    ``document``: the date and reference of the document the file comes from (see :mod:`.sources`).
    """
    plan = ImportPlan(county_id=county.pk, year=year, document=document or Document())
    try:
        table = read_table(content, filename)
    except FileError as error:
        plan.errors.append(str(error))
        return plan
    # Blank rows are skipped, but every row keeps its number in the file (for the messages).
    numbered = [(n, row) for n, row in enumerate(table, start=1) if any(str(c).strip() for c in row if c is not None)]
    if not numbered:
        plan.errors.append("Filen er tom.")
        return plan
    header_number, first_row = numbered[0]
    header, key_column = _read_header(plan, first_row, header_number)
    if plan.errors or key_column is None:  # no key column is an error
        return plan
    plan.errors.extend(formula_errors(content, filename, known={*COLUMNS, *DETAIL_COLUMNS, key_column}))
    row_numbers = _read_rows(plan, numbered[1:], header, key_column, county)
    _compare_with_stored(plan, row_numbers)
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
                        f"Rad {row_number}, kolonne «{column}»: formel uten beregnet verdi; lagre filen i Excel først."
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
        plan.errors.append(f"Rad {row_number}: filen mangler kolonnen «kommunenummer» eller «kommune».")
    plan.columns = [h for h in header if h in COLUMNS]
    plan.detail_columns = [h for h in header if h in DETAIL_COLUMNS]
    known = {*COLUMNS, *DETAIL_COLUMNS, "kommunenummer", "kommune", *IGNORED}
    plan.ignored_columns = [str(first_row[i]) for i, h in enumerate(header) if h not in known and h]
    if not plan.columns and not plan.detail_columns:
        plan.errors.append(f"Rad {row_number}: filen har ingen tallkolonner (" + ", ".join(COLUMNS) + ").")
    warning = document_warning(plan.columns, {DETAIL_COLUMNS[c] for c in plan.detail_columns}, plan.document)
    if warning:
        plan.warnings.append(warning)
    duplicates = [h for h in plan.columns + plan.detail_columns if header.count(h) > 1]
    if duplicates:
        plan.errors.append(f"Rad {row_number}: kolonnen «{duplicates[0]}» står flere ganger.")
    return header, key_column


def _read_rows(plan: ImportPlan, rows: list[tuple[int, list]], header: list[str], key_column: str, county) -> list[int]:
    """Fill ``plan.rows`` (municipality, values) and ``plan.errors`` from (file row number, cells);
    returns each planned row's file row number."""
    index = MunicipalityIndex(plan.year)
    key_at = header.index(key_column)
    seen: dict[int, int] = {}
    row_numbers: list[int] = []
    for row_number, row in rows:
        row = list(row) + [None] * (len(header) - len(row))
        if _is_total_row(row, header):
            continue
        where = f"Rad {row_number}, kolonne «{key_column}»"
        municipality, reason = _municipality_of(row[key_at], index, county)
        if municipality is not None and municipality.pk in seen:
            reason = f"{municipality} står også på rad {seen[municipality.pk]}"
            municipality = None
        if municipality is None:
            plan.errors.append(f"{where}: {reason}.")
            continue
        seen[municipality.pk] = row_number
        values: dict[str, object] = {}
        for column in plan.columns:
            value, reason = _parse_number(row[header.index(column)])
            if reason:
                plan.errors.append(f"Rad {row_number}, kolonne «{column}»: {reason}.")
            else:
                values[COLUMNS[column]] = value
        for column in plan.detail_columns:
            detail, reason = parse_detail(DETAIL_COLUMNS[column], row[header.index(column)])
            if reason:
                plan.errors.append(f"Rad {row_number}, kolonne «{column}»: {reason}.")
            else:
                values[DETAIL_COLUMNS[column]] = detail
        plan.rows.append((municipality, values))
        row_numbers.append(row_number)
    return row_numbers


def _blank(value) -> bool:
    return value is None or str(value).strip() == ""


def _is_total_row(row: list, header: list[str]) -> bool:
    """The total row of our own export (and of most published tables): no kommunenummer, kommune «Sum»."""
    if "kommune" not in header:
        return False
    if "kommunenummer" in header and not _blank(row[header.index("kommunenummer")]):
        return False
    name = row[header.index("kommune")]
    return not _blank(name) and _fold(name) in TOTAL_LABELS


def _municipality_of(key, index: MunicipalityIndex, county):
    """(municipality, None) for a number or name of one of the county's municipalities, else (None, reason)."""
    if _blank(key):
        return None, "kommune mangler"
    if isinstance(key, float) and key == int(key):
        key = int(key)
    return index.find(str(key), county.pk)


def _compare_with_stored(plan: ImportPlan, row_numbers: list[int]) -> None:
    """Fill ``plan.changes`` and check minors ≤ total against what the stored record would become."""
    settlement_year = SettlementYear.objects.filter(county_id=plan.county_id, year=plan.year).first()
    stored = {}
    frozen = False  # a recommendation is frozen: «anbefalt» changes only by a new version of it, with a reason
    if settlement_year is not None:
        stored = {f.municipality_id: f for f in SettlementFigure.objects.filter(settlement_year=settlement_year)}
        frozen = settlement_year.recommendations.exists()
    file_fields = {DETAIL_COLUMNS[c] for c in plan.detail_columns}
    for (municipality, values), row_number in zip(plan.rows, row_numbers, strict=True):
        old = _stored_values(stored.get(municipality.pk))
        merged = {name: values.get(name, old[name]) for name in COLUMNS.values()}
        for ema, main in EMA_PAIRS:
            if merged[ema] is not None and merged[main] is not None and merged[ema] > merged[main]:
                column = FIELD_COLUMN[ema] if ema in values else FIELD_COLUMN[main]
                plan.errors.append(
                    f"Rad {row_number}, kolonne «{column}»: enslige mindreårige ({merged[ema]}) "
                    f"er flere enn «{FIELD_COLUMN[main]}» ({merged[main]})."
                )
        values.update(document_values(values, old, plan.document, file_fields))
        for name, new in values.items():
            if old[name] != new and name == "recommended" and frozen:
                plan.errors.append(
                    f"Rad {row_number}, kolonne «anbefalt»: fylkets anbefaling for {plan.year} er låst "
                    f"({_text(old[name])} → {_text(new)}); lag en ny versjon av anbefalingen i stedet."
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
    return "tom" if value is None else str(value)
