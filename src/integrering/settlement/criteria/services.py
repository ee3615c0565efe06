"""Writes for the county's distribution criteria: definitions and values per municipality and year.

Population (``folketall``) is built in from the reference data and cannot be defined here.
Values are imported from CSV/XLSX (column ``kommunenummer`` plus one column per criterion code)
all-or-nothing: any bad cell gives Norwegian messages naming row and column and nothing is
written. Each value carries its source and date.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from integrering.allocation import AllocationError
from integrering.allocation.io import parse_number, read_table
from integrering.core.models import County
from integrering.municipalities.models import Municipality
from integrering.settlement.criteria.models import POPULATION, CriterionDefinition, CriterionValue
from integrering.settlement.figures.imports import formula_errors
from integrering.settlement.scenarios.models import Scenario

MAX_VALUE = Decimal("9999999999.9999")  # what the column holds (14 digits, 4 of them decimals)


@transaction.atomic
def criterion_create(
    *, county: County, code: str, name: str, unit: str = "", higher_is_better: bool = True, description: str = ""
) -> CriterionDefinition:
    code = code.strip().lower()
    if code in (POPULATION, "kommunenummer", "navn"):
        raise ValidationError(f"Koden «{code}» er reservert.")
    if CriterionDefinition.objects.filter(county=county, code=code).exists():
        raise ValidationError(f"Det finnes allerede et kriterium med koden «{code}».")
    return CriterionDefinition.objects.create(
        county=county, code=code, name=name, unit=unit, higher_is_better=higher_is_better, description=description
    )


@transaction.atomic
def criterion_update(
    *, definition: CriterionDefinition, name: str, unit: str = "", higher_is_better: bool = True, description: str = ""
) -> CriterionDefinition:
    """Change the name, unit, direction and description (the code stays: scenarios refer to it)."""
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
        raise ValidationError("Kriteriet brukes i et scenario og kan ikke slettes.")
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
        raise ValidationError("Kommunen hører ikke til fylket.")
    if value is None:
        CriterionValue.objects.filter(definition=definition, municipality=municipality, year=year).delete()
        return None
    obj, _ = CriterionValue.objects.update_or_create(
        definition=definition,
        municipality=municipality,
        year=year,
        defaults={"value": value, "source": source, "source_date": source_date},
    )
    return obj


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    values: dict[tuple[int, int], Decimal] = field(default_factory=dict)  # (definition id, municipality id) → value
    codes: list[str] = field(default_factory=list)
    rows: int = 0


def _decimal(text: str) -> tuple[Decimal | None, str | None]:
    """(the value to 4 decimals, None) or (None, Norwegian reason)."""
    number = parse_number(text)
    if number is None:
        return None, f"«{text}» er ikke et tall"
    if abs(number) > MAX_VALUE:  # checked first: quantizing a huge number raises InvalidOperation
        return None, f"«{text}» er for stort (høyst 9\u00a0999\u00a0999\u00a0999,9999)"
    try:
        value = Decimal(text.replace("\u00a0", "").replace(" ", "").replace("−", "-").replace(",", "."))
    except InvalidOperation:
        value = Decimal(str(number))
    value = value.quantize(Decimal("0.0001"))
    if abs(value) > MAX_VALUE:  # 9999999999.99999 rounds up past the limit
        return None, f"«{text}» er for stort (høyst 9\u00a0999\u00a0999\u00a0999,9999)"
    return value, None


def criterion_values_parse(*, county: County, year: int, path: Path, filename: str) -> ImportResult:
    """Read and check a file; returns the values or the errors (row 1 is the header)."""
    result = ImportResult()
    try:
        table = read_table(path)
    except AllocationError as error:
        result.errors.append(str(error).replace(str(path), filename))
        return result
    if "kommunenummer" not in table.columns:
        result.errors.append(f"Fil «{filename}»: mangler kolonnen «kommunenummer».")
        return result
    definitions = {d.code: d for d in CriterionDefinition.objects.filter(county=county)}
    columns = [c for c in table.columns if c not in ("kommunenummer", "navn", "kommune")]
    for column in columns:
        if column not in definitions:
            result.errors.append(
                f"Kolonne «{column}»: ukjent kriterium. Kjente koder: "
                f"{', '.join(sorted(definitions)) or 'ingen (opprett kriteriet først)'}."
            )
    if not columns:
        result.errors.append("Filen har ingen kriteriekolonner (én kolonne per kriteriekode).")
    if result.errors:
        return result
    result.errors.extend(
        formula_errors(
            path.read_bytes(),
            filename,
            known={"kommunenummer", *columns},
            normalise=lambda h: str(h or "").strip().lower(),
        )
    )
    municipalities = {
        m.number: m
        for m in Municipality.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year), valid_from__lte=year)
    }
    seen: dict[str, int] = {}
    for row_number, cells in table.rows:
        number = cells.get("kommunenummer", "").strip().zfill(4)
        municipality = municipalities.get(number)
        if municipality is None:
            result.errors.append(
                f"Rad {row_number}, kolonne «kommunenummer»: ukjent kommune «{cells.get('kommunenummer', '')}» i {year}."
            )
            continue
        if municipality.county_id != county.pk:
            result.errors.append(
                f"Rad {row_number}, kolonne «kommunenummer»: kommune {number} hører ikke til {county.name}."
            )
            continue
        if number in seen:
            result.errors.append(
                f"Rad {row_number}, kolonne «kommunenummer»: kommune {number} står også i rad {seen[number]}."
            )
            continue
        seen[number] = row_number
        result.rows += 1
        _values_read(result, row_number, cells, {c: definitions[c] for c in columns}, municipality)
    result.codes = columns
    return result


def _values_read(result: ImportResult, row_number: int, cells: dict, definitions: dict, municipality) -> None:
    """One row's values (an empty cell leaves the stored value alone) or its errors."""
    for column, definition in definitions.items():
        text = cells.get(column, "").strip()
        if text == "":
            continue
        value, reason = _decimal(text)
        if reason:
            result.errors.append(f"Rad {row_number}, kolonne «{column}»: {reason}.")
        elif value is not None:
            result.values[(definition.pk, municipality.pk)] = value


@transaction.atomic
def criterion_values_import(
    *, county: County, year: int, uploaded, source: str, source_date: datetime.date | None
) -> ImportResult:
    """Import an uploaded CSV/XLSX file all-or-nothing. Empty cells leave existing values alone."""
    name = Path(getattr(uploaded, "name", "fil.csv")).name or "fil.csv"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as handle:
            for chunk in uploaded.chunks() if hasattr(uploaded, "chunks") else [uploaded.read()]:
                handle.write(chunk)
        result = criterion_values_parse(county=county, year=year, path=path, filename=name)
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
) -> int:
    """Save the edited values of one criterion; only values that changed get the new source. Returns how many changed."""
    current = {v.municipality_id: v.value for v in CriterionValue.objects.filter(definition=definition, year=year)}
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
