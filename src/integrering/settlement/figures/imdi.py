"""IMDi's own statistics files («Anmodning, vedtak og faktisk bosetting», long format).

One row per municipality, category, unit and year::

    Kommunenummer;Kommune;Anmodning, vedtak og faktisk bosetting;Enhet;År;Antall
    301;Oslo;Anmodning om bosetting;Personer;2024;1200

(also the older layout ``Enhet;År;Kommunenummer;Kommune;Bosetting;Antall``), ``;``-separated, UTF-8 or
ISO-8859-1, or XLSX. The format is detected from the header (:func:`is_imdi_header`).

- Category: «Anmodning om bosetting» → requested, «Vedtak om bosetting» → decided, «Faktisk bosetting» →
  settled, «Opprinnelig anmodning» → the original request (``original_requested``).
- Unit: «Personer» is the total, «Enslige mindreårige» the unaccompanied minors (the ``_ema`` figures).
- Antall: «.» or empty = no figure (stored as empty, never 0); «:» = suppressed by IMDi (stored as empty,
  counted in the summary).
- Municipality numbers that lost their leading zero (``301``) are read as ``0301``; a name's «(t.o.m. 2019)»
  or «(2020-2023)» is ignored (the number decides). A number not in use in the row's year is mapped with the
  shipped number table (:class:`~integrering.municipalities.models.Succession`) to that year's municipality
  when the mapping is one to one; a row with a figure that cannot be mapped is an error naming the row.
- Other counties' municipalities are skipped and counted; years before the municipality register are skipped
  and counted.
- Each year becomes an :class:`~.imports.ImportPlan` compared with the stored figures like any import; a figure
  the file does not have for a municipality leaves the stored one alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from integrering.core.file_errors import table_error_messages
from integrering.municipalities.models import Municipality, Succession
from integrering.settlement.figures.models import FIGURE_FILE_COLUMNS
from integrering.settlement.figures.sources import Document
from integrering.tabular import (
    Column,
    InvalidTable,
    cell_text,
    choice,
    municipality_number,
    normalise_header,
    text,
    whole_number,
)
from integrering.tabular import read_table as columns_read

REQUESTED, DECIDED, SETTLED, ORIGINAL = "requested", "decided", "settled", "original"
PERSONS, MINORS = "persons", "minors"
CATEGORIES = {
    "Anmodning om bosetting": REQUESTED,
    "Anmodning": REQUESTED,
    "Vedtak om bosetting": DECIDED,  # i18n: not user text
    "Vedtak": DECIDED,  # i18n: not user text
    "Faktisk bosetting": SETTLED,
    "Bosatt": SETTLED,
    "Opprinnelig anmodning": ORIGINAL,
}
UNITS = {
    "Personer": PERSONS,
    "Enslige mindreårige": MINORS,  # i18n: not user text
    "Enslige mindreårige flyktninger": MINORS,  # i18n: not user text
}
YEAR_HEADER = "År"  # i18n: not user text
# CATEGORIES, UNITS and YEAR_HEADER are IMDi's file vocabulary (matched in files, never translated): the gettext
# guard (tests/settlement/test_gettext.py) lists them as such.
# (category, unit) → model field; the original request of minors has no field and is left out (noted).
FIELDS = {
    (REQUESTED, PERSONS): "requested",
    (REQUESTED, MINORS): "requested_ema",
    (DECIDED, PERSONS): "decided",
    (DECIDED, MINORS): "decided_ema",
    (SETTLED, PERSONS): "settled",
    (SETTLED, MINORS): "settled_ema",
    (ORIGINAL, PERSONS): "original_requested",
}
NO_FIGURE = "."
SUPPRESSED = ":"


class _Suppressed:
    """«:» in Antall: IMDi has hidden the figure (few persons)."""


SUPPRESSED_FIGURE = _Suppressed()


def _amount(value):
    """Antall: «.» → no figure (None), «:» → suppressed, otherwise a number of persons."""
    from integrering.settlement.figures.imports import persons

    written = cell_text(value)
    if written == NO_FIGURE:
        return None
    if written == SUPPRESSED:
        return SUPPRESSED_FIGURE
    return persons(value)


COLUMNS = (
    Column("number", "Kommunenummer", required=True, blank=False, parse=municipality_number()),
    Column("name", "Kommune", parse=text()),  # i18n: not user text
    Column(
        "category",
        "Anmodning, vedtak og faktisk bosetting",  # i18n: not user text
        aliases=("Bosetting",),
        required=True,
        blank=False,
        parse=choice(CATEGORIES),
    ),
    Column("unit", "Enhet", required=True, blank=False, parse=choice(UNITS)),
    Column("year", YEAR_HEADER, required=True, blank=False, parse=whole_number(minimum=2000, maximum=2100)),
    Column("amount", "Antall", required=True, parse=_amount),
)
_HEADERS = {c.key: c.names for c in COLUMNS}


def is_imdi_header(row: list) -> bool:
    """Whether a header row is IMDi's long format (new or old layout)."""
    header = {normalise_header(cell) for cell in row}
    return all(header & _HEADERS[key] for key in ("number", "category", "unit", "year", "amount"))


class Municipalities:
    """The municipality a file's number means in a year, with the shipped number table (2024's changes)."""

    def __init__(self):
        self.by_number = {m.number: m for m in Municipality.objects.all()}
        self.first_year = min((m.valid_from for m in self.by_number.values()), default=None)
        self.successors: dict[int, list[Municipality]] = defaultdict(list)
        self.predecessors: dict[int, list[Municipality]] = defaultdict(list)
        for succession in Succession.objects.select_related("old", "new"):
            self.successors[succession.old_id].append(succession.new)
            self.predecessors[succession.new_id].append(succession.old)

    def in_year(self, number: str, year: int) -> Municipality | None:
        """The municipality valid in ``year`` that ``number`` means, or None (unknown, or split/merged)."""
        found = self.by_number.get(number)
        if found is None or found.is_valid_in(year):
            return found
        if found.valid_to is not None and year > found.valid_to:
            after = self.successors[found.pk]
            return after[0] if len(after) == 1 and after[0].is_valid_in(year) else None
        before = self.predecessors[found.pk]
        if len(before) == 1 and len(self.successors[before[0].pk]) == 1 and before[0].is_valid_in(year):
            return before[0]
        return None

    def in_county(self, number: str, county) -> bool:
        """Whether ``number`` is (or was, or became) a municipality of ``county``; an unknown number by its
        county digits."""
        found = self.by_number.get(number)
        if found is None:
            return number[:2] == county.number
        related = [found, *self.successors[found.pk], *self.predecessors[found.pk]]
        return any(m.county_id == county.pk for m in related)


@dataclass
class ImdiFile:
    """What an IMDi file holds for a county: per year the rows (municipality, values) and their file rows."""

    years: dict[int, list[tuple[Municipality, dict, int]]] = field(default_factory=dict)
    field_rows: dict[tuple[int, int], dict[str, int]] = field(default_factory=dict)  # (year, municipality) → rows
    amount_header: str = "Antall"
    errors: list[str] = field(default_factory=list)
    other_county_rows: int = 0
    suppressed: dict[int, int] = field(default_factory=dict)
    early_rows: int = 0  # rows of years before the municipality register
    original_minors_rows: int = 0
    first_year: int | None = None
    file_years: set[int] = field(default_factory=set)  # every year in the file (also those not read)

    def notes(self, year: int | None = None) -> list[str]:
        """The import summary's notes (for one year, or the whole file)."""
        notes = []
        if self.other_county_rows:
            notes.append(
                ngettext(
                    "%(n)s row about another county's municipalities was skipped.",
                    "%(n)s rows about other counties' municipalities were skipped.",
                    self.other_county_rows,
                )
                % {"n": self.other_county_rows}
            )
        for each_year, count in sorted(self.suppressed.items()):
            if year is None or each_year == year:
                notes.append(
                    ngettext(
                        "%(year)s: %(n)s figure is suppressed by IMDi («:») and is stored as empty.",
                        "%(year)s: %(n)s figures are suppressed by IMDi («:») and are stored as empty.",
                        count,
                    )
                    % {"year": each_year, "n": count}
                )
        if self.early_rows and year is None:
            notes.append(
                ngettext(
                    "%(n)s row from before %(first)s was skipped: the municipality register starts in %(first)s.",
                    "%(n)s rows from before %(first)s were skipped: the municipality register starts in %(first)s.",
                    self.early_rows,
                )
                % {"n": self.early_rows, "first": self.first_year}
            )
        if self.original_minors_rows:
            notes.append(
                _("The original request's unaccompanied minors are not stored (%(n)s rows).")
                % {"n": self.original_minors_rows}
            )
        return notes


def imdi_read(table: list[list], county, *, year: int | None = None) -> ImdiFile:
    """Read an IMDi long-format table for ``county``: every year in it, or only ``year``."""
    result = ImdiFile()
    try:
        parsed = columns_read(table, COLUMNS, require_rows=False)
    except InvalidTable as error:
        result.errors.extend(table_error_messages(error))
        return result
    index = Municipalities()
    result.first_year = index.first_year
    headers = parsed.headers
    result.amount_header = headers["amount"]
    values: dict[int, dict[Municipality, dict]] = defaultdict(dict)
    first_row: dict[tuple[int, int], int] = {}
    seen: dict[tuple[int, int, str], int] = {}
    for row in parsed.rows:
        row_year, number, amount = row["year"], row["number"], row.get("amount")
        result.file_years.add(row_year)
        if year is not None and row_year != year:
            continue
        if not index.in_county(number, county):
            result.other_county_rows += 1
            continue
        if result.first_year is None or row_year < result.first_year:
            result.early_rows += 1
            continue
        name = FIELDS.get((row["category"], row["unit"]))
        if name is None:
            result.original_minors_rows += 1
            continue
        municipality = index.in_year(number, row_year)
        if municipality is None:
            if amount is None:
                continue  # no figure for a municipality that did not exist that year: nothing to store
            result.errors.append(
                _(
                    "Row %(row)s, column «%(column)s»: municipality number %(number)s cannot be mapped to one "
                    "municipality of %(year)s."
                )
                % {"row": row.number, "column": headers["number"], "number": number, "year": row_year}
            )
            continue
        if municipality.county_id != county.pk:
            result.other_county_rows += 1
            continue
        key = (row_year, municipality.pk, name)
        if key in seen:
            result.errors.append(
                _("Row %(row)s, column «%(column)s»: %(municipality)s %(year)s has this figure on row %(first)s too.")
                % {
                    "row": row.number,
                    "column": headers["category"],
                    "municipality": municipality,
                    "year": row_year,
                    "first": seen[key],
                }
            )
            continue
        seen[key] = row.number
        result.field_rows.setdefault((row_year, municipality.pk), {})[name] = row.number
        if amount is SUPPRESSED_FIGURE:
            result.suppressed[row_year] = result.suppressed.get(row_year, 0) + 1
            amount = None
        values[row_year].setdefault(municipality, {})[name] = amount
        first_row.setdefault((row_year, municipality.pk), row.number)
    for row_year in sorted(values):
        result.years[row_year] = [
            (municipality, figures, first_row[(row_year, municipality.pk)])
            for municipality, figures in sorted(values[row_year].items(), key=lambda item: item[0].number)
        ]
    if not result.years and not result.errors:
        if year is None:
            result.errors.append(_("The file has no figures for this county."))
        else:
            result.errors.append(_("The file has no figures for %(year)s.") % {"year": year})
    return result


def imdi_plans(
    *, county, table: list[list], year: int | None, document: Document | None = None
) -> tuple[list, ImdiFile]:
    """(an :class:`~.imports.ImportPlan` per year, the file read): validated and compared with the stored figures;
    writes nothing. The errors are in the plans and in the file read's ``errors``."""
    from integrering.settlement.figures.imports import ImportPlan, compare_with_stored

    read = imdi_read(table, county, year=year)
    plans = []
    for row_year, rows in read.years.items():
        plan = ImportPlan(county_id=county.pk, year=row_year, document=document or Document())
        names = {name for _m, figures, _n in rows for name in figures}
        plan.columns = [column for column, name in FIGURE_FILE_COLUMNS.items() if name in names]
        plan.rows = [(municipality, dict(figures)) for municipality, figures, _n in rows]
        compare_with_stored(
            plan,
            [number for _m, _f, number in rows],
            field_rows=[read.field_rows[(row_year, municipality.pk)] for municipality, _f, _n in rows],
            column=read.amount_header,
        )
        plans.append(plan)
    return plans, read
