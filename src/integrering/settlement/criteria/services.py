"""Writes for the county's distribution criteria: definitions and values per municipality and year.

Population (``folketall``) is built in from the reference data and cannot be defined here.
Values are imported from CSV/XLSX (column ``kommunenummer`` plus one column per criterion code)
all-or-nothing: any bad cell gives Norwegian messages naming row and column and nothing is
written. Each value carries its source and date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import SimpleNamespace

from django.db import transaction
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from integrering.allocation.io import parse_number
from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.file_errors import table_error_message, table_error_messages
from integrering.core.models import County
from integrering.core.versioning import expect_version
from integrering.municipalities.models import Municipality
from integrering.settlement.criteria.models import POPULATION, CriterionDefinition, CriterionValue
from integrering.settlement.figures.imports import FileError, MunicipalityIndex, Reason, formula_errors
from integrering.settlement.figures.imports import read_table as read_file_table
from integrering.settlement.scenarios.models import Scenario
from integrering.tabular import (
    Column,
    InvalidTable,
    ParsedRow,
    TableError,
    cell_text,
    content_read,
    normalise_header,
    text,
)
from integrering.tabular import read_table as columns_read

IGNORED_COLUMNS = {"navn", "kommune", "kommunenavn"}
MAX_VALUE = Decimal("9999999999.9999")  # what the column holds (14 digits, 4 of them decimals)


@transaction.atomic
def criterion_create(
    *, county: County, code: str, name: str, unit: str = "", higher_is_better: bool = True, description: str = ""
) -> CriterionDefinition:
    code = code.strip().lower()
    if code in (POPULATION, "kommunenummer", "navn"):
        raise ApplicationError(_("The code «%(code)s» is reserved."), params={"code": code}, field="code")
    if CriterionDefinition.objects.filter(county=county, code=code).exists():
        raise ApplicationError(
            _("There is already a criterion with the code «%(code)s»."), params={"code": code}, field="code"
        )
    return CriterionDefinition.objects.create(
        county=county, code=code, name=name, unit=unit, higher_is_better=higher_is_better, description=description
    )


@transaction.atomic
def criterion_update(
    *,
    definition: CriterionDefinition,
    name: str,
    unit: str = "",
    higher_is_better: bool = True,
    description: str = "",
    version: int | None = None,
) -> CriterionDefinition:
    """Change the name, unit, direction and description (the code stays: scenarios refer to it).

    ``version``: the version the user saw; if someone else saved since, ``ConcurrentEdit`` and nothing is written.
    """
    expect_version(definition, version)
    definition.name, definition.unit = name, unit
    definition.higher_is_better, definition.description = higher_is_better, description
    definition.save()
    return definition


def criterion_in_use(*, definition: CriterionDefinition) -> bool:
    scenarios = Scenario.objects.filter(settlement_year__county_id=definition.county_id)
    return any(c.get("code") == definition.code for s in scenarios.only("criteria") for c in s.criteria)


@transaction.atomic
def criterion_delete(*, definition: CriterionDefinition) -> None:
    if criterion_in_use(definition=definition):
        raise ApplicationError(_("The criterion is used in a scenario and cannot be deleted."))
    definition.delete()


@transaction.atomic
def criterion_value_set(
    *,
    definition: CriterionDefinition,
    municipality: Municipality,
    year: int,
    value: Decimal | None,
    source: str = "",
    source_date: datetime.date | None = None,
) -> CriterionValue | None:
    """Set one value (None removes it: unknown)."""
    if municipality.county_id != definition.county_id:
        raise ApplicationError(_("The municipality does not belong to the county."), field="municipality")
    if value is None:
        CriterionValue.objects.filter(definition=definition, municipality=municipality, year=year).delete()
        return None
    obj = CriterionValue.objects.update_or_create(
        definition=definition,
        municipality=municipality,
        year=year,
        defaults={"value": value, "source": source, "source_date": source_date},
    )[0]
    return obj


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    values: dict[tuple[int, int], Decimal] = field(default_factory=dict)  # (definition id, municipality id) → value
    codes: list[str] = field(default_factory=list)
    rows: int = 0
    file_error: bool = False  # the file as a whole cannot be read (a limit, not CSV/XLSX): the upload field's error


def _too_large(text: str) -> str:
    return gettext("«%(value)s» is too large (at most %(limit)s)") % {
        "value": text,
        "limit": "9\u00a0999\u00a0999\u00a0999,9999",
    }


def _decimal(text: str) -> tuple[Decimal | None, str | None]:
    """(the value to 4 decimals, None) or (None, Norwegian reason)."""
    number = parse_number(text)
    if number is None:
        return None, gettext("«%(value)s» is not a number") % {"value": text}
    if abs(number) > MAX_VALUE:  # checked first: quantizing a huge number raises InvalidOperation
        return None, _too_large(text)
    try:
        value = Decimal(text.replace("\u00a0", "").replace(" ", "").replace("−", "-").replace(",", "."))
    except InvalidOperation:
        value = Decimal(str(number))
    value = value.quantize(Decimal("0.0001"))
    if abs(value) > MAX_VALUE:  # 9999999999.99999 rounds up past the limit
        return None, _too_large(text)
    return value, None


class _Invalid:
    """A criterion cell that does not parse; reported by the row check so that every problem of a row is named."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _criterion_cell(value) -> Decimal | _Invalid:
    parsed, reason = _decimal(cell_text(value))
    return _Invalid(reason or "") if reason or parsed is None else parsed


def _file(filename: str, message: str) -> str:
    return gettext("File «%(file)s»: %(message)s") % {"file": filename, "message": message}


def criterion_values_parse(*, county: County, year: int, content: bytes, filename: str) -> ImportResult:
    """Read and check a file through the column framework; returns the values or the errors (row 1 is the header).

    Columns: ``kommunenummer`` (a number or a name, looked up among the municipalities valid in ``year``, as the
    figures import does), one column per criterion code; ``navn``/``kommune`` are ignored.
    """
    result = ImportResult()
    try:
        table = read_file_table(content, filename)
    except FileError as error:
        result.errors.append(_file(filename, error.user_message))
        result.file_error = True
        return result
    header_row = next((row for row in table if any(cell not in (None, "") for cell in row)), [])
    header = [normalise_header(cell) for cell in header_row]
    if "kommunenummer" not in header:
        result.errors.append(_file(filename, gettext("lacks the column «kommunenummer».")))
        return result
    definitions = {normalise_header(d.code): d for d in CriterionDefinition.objects.filter(county=county)}
    written = {normalise_header(cell): str(cell).strip() for cell in header_row if cell not in (None, "")}
    columns = [h for h in header if h and h != "kommunenummer" and h not in IGNORED_COLUMNS]
    for column in columns:
        if column not in definitions:
            known = ", ".join(sorted(d.code for d in definitions.values()))
            result.errors.append(
                gettext("Column «%(column)s»: unknown criterion. Known codes: %(codes)s.")
                % {
                    "column": written.get(column, column),
                    "codes": known or gettext("none (create the criterion first)"),
                }
            )
    if not columns:
        result.errors.append(gettext("The file has no criterion columns (one column per criterion code)."))
    if result.errors:
        return result
    result.errors.extend(
        formula_errors(content, filename, known={"kommunenummer", *columns}, normalise=normalise_header)
    )
    index = MunicipalityIndex(year)
    file_columns = (
        Column("municipality", "kommunenummer", required=True, blank=False, parse=text()),
        *(Column(column, definitions[column].code, parse=_criterion_cell) for column in columns),
        *(Column(name, name, parse=text()) for name in sorted(IGNORED_COLUMNS)),
    )
    seen: dict[int, int] = {}

    def row_check(row: ParsedRow):
        for column in columns:
            value = row.get(column)
            if isinstance(value, _Invalid):
                yield Reason("%(reason)s.", reason=value.reason).located(column=column)
        municipality = row["municipality"]
        if municipality.pk in seen:
            yield Reason(
                gettext_noop("%(municipality)s is also on row %(row)s."),
                municipality=str(municipality),
                row=seen[municipality.pk],
            ).located(column="municipality")
        seen.setdefault(municipality.pk, row.number)

    try:
        parsed = columns_read(
            table,
            file_columns,
            parsers={"municipality": lambda value: index.find(value, county.pk)},
            row_checks=(row_check,),
            require_rows=False,
        )
    except InvalidTable as error:
        result.errors.extend(table_error_messages(error))
        return result
    for row in parsed.rows:
        result.rows += 1
        for column in columns:
            value = row.get(column)
            if value is not None:
                result.values[(definitions[column].pk, row["municipality"].pk)] = value
    result.codes = [definitions[column].code for column in columns]
    return result


@transaction.atomic
def criterion_values_import(
    *, county: County, year: int, uploaded, source: str, source_date: datetime.date | None
) -> ImportResult:
    """Import an uploaded CSV/XLSX file all-or-nothing. Empty cells leave existing values alone."""
    name = Path(getattr(uploaded, "name", "fil.csv")).name or "fil.csv"
    try:
        content = content_read(uploaded)  # at most the size limit (+1 byte) is read
    except TableError as error:
        return ImportResult(errors=[_file(name, table_error_message(error))], file_error=True)
    result = criterion_values_parse(county=county, year=year, content=content, filename=name)
    if result.errors:
        return result
    existing = {
        (v.definition_id, v.municipality_id): v
        for v in CriterionValue.objects.filter(
            definition__county=county, year=year, definition_id__in={d for d, _ in result.values}
        )
    }
    # Saved one by one so that every change is in the audit log.
    for (definition_id, municipality_id), value in result.values.items():
        current = existing.get((definition_id, municipality_id))
        if current is None:
            CriterionValue.objects.create(
                definition_id=definition_id,
                municipality_id=municipality_id,
                year=year,
                value=value,
                source=source,
                source_date=source_date,
            )
        elif (current.value, current.source, current.source_date) != (value, source, source_date):
            current.value, current.source, current.source_date = value, source, source_date
            current.save(update_fields=["value", "source", "source_date"])
    return result


@transaction.atomic
def criterion_values_save(
    *,
    definition: CriterionDefinition,
    year: int,
    values: dict[Municipality, Decimal | None],
    source: str,
    source_date: datetime.date | None,
    versions: dict[str, int | None] | None = None,
) -> int:
    """Save the edited values of one criterion; only values that changed get the new source. Returns how many changed.

    ``versions``: per municipality number, the version of its value the user saw (0: there was none). When any
    value has been changed (or added, or removed) by someone else since, nothing is written and
    :class:`ConcurrentEdit` carries the current values (``v_<number>``) and versions (``versions``).
    """
    rows = {
        v.municipality_id: v
        for v in CriterionValue.objects.select_for_update().filter(definition=definition, year=year)
    }
    if versions is not None:
        stale = [
            m
            for m in values
            if versions.get(m.number) is not None and versions[m.number] != (rows[m.pk].version if m.pk in rows else 0)
        ]
        if stale:
            theirs = {f"v_{m.number}": rows[m.pk].value if m.pk in rows else None for m in stale}
            now = {m.number: rows[m.pk].version if m.pk in rows else 0 for m in values}
            raise ConcurrentEdit(current=SimpleNamespace(**theirs, versions=now))
    current = {pk: v.value for pk, v in rows.items()}
    changed = 0
    for municipality, value in values.items():
        if current.get(municipality.pk) == value:
            continue
        criterion_value_set(
            definition=definition,
            municipality=municipality,
            year=year,
            value=value,
            source=source,
            source_date=source_date,
        )
        changed += 1
    return changed
