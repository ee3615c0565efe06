"""Reads of the figures of a year, always scoped to the user's county (and municipality).

Query counts are constant: one query for the municipalities (name and population annotated),
one for the year's figures, whatever the number of municipalities or years.
"""

from dataclasses import dataclass, field
from typing import cast

from django.db.models import Aggregate, Count, Field, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from integrering.municipalities.models import Municipality
from integrering.settlement.figures.models import FIGURE_FIELDS, SettlementFigure
from integrering.settlement.years.models import SettlementYear
from integrering.settlement.years.selectors import municipalities_with_name_and_population

# Short column headings for the figures (the model's verbose names are the long form).
FIGURE_LABELS = {
    "recommended": _("Recommended"),
    "original_requested": _("Originally requested"),
    "requested": _("Requested"),
    "requested_ema": _("of which UM"),
    "decided": _("Decided"),
    "decided_ema": _("of which UM"),
    "settled": _("Settled"),
    "settled_ema": _("of which UM"),
    "agreed_not_settled": _("Agreed, not settled"),
}


@dataclass
class Row:
    """One municipality in one year: its name and population that year, and its figures (or none)."""

    municipality: Municipality
    name: str
    population: int | None
    figure: SettlementFigure | None

    def value(self, name: str) -> int | None:
        return getattr(self.figure, name) if self.figure is not None else None

    @property
    def values(self) -> dict[str, int | None]:
        return {f: self.value(f) for f in FIGURE_FIELDS}


@dataclass
class Total:
    """The sum of the known values of a column, and how many values are unknown."""

    sum: int | None
    unknown: int
    count: int = 0
    extra: dict = field(default_factory=dict)


def year_rows(settlement_year: SettlementYear, *, user=None) -> list[Row]:
    """Every municipality of the county valid that year (a municipal user: only their own), with figures."""
    year = settlement_year.year
    if user is not None:
        municipalities = Municipality.objects.scoped_for(user).valid_in(year).with_name_and_population(year)
        figures_qs = SettlementFigure.objects.scoped_for(user)
    else:  # the exports and the command line act for the county
        municipalities = municipalities_with_name_and_population(settlement_year.county_id, year)
        figures_qs = SettlementFigure.objects.for_county(settlement_year.county_id)
    municipalities = municipalities.filter(county_id=settlement_year.county_id).order_by("number")
    figures = {f.municipality_id: f for f in figures_qs.filter(settlement_year=settlement_year)}
    return [Row(m, m.name_in_year or m.norwegian_name, m.population_in_year, figures.get(m.pk)) for m in municipalities]


def totals(rows: list[Row]) -> dict[str, Total]:
    """Per figure: the sum of known values and the number of unknown ones (an empty total when all are unknown)."""
    result = {}
    for name in (*FIGURE_FIELDS, "recommended_ema"):
        known = [v for r in rows if (v := r.value(name)) is not None]
        result[name] = Total(sum(known) if known else None, len(rows) - len(known), len(rows))
    return result


def figure_for_user(user, settlement_year: SettlementYear, number: str) -> tuple[Municipality, SettlementFigure | None]:
    """One municipality of the year the user may see (404 otherwise) and its figure, if any."""
    year = settlement_year.year
    municipality = (
        Municipality.objects.scoped_for(user)
        .filter(county_id=settlement_year.county_id, number=number)
        .valid_in(year)
        .with_name_and_population(year)
        .first()
    )
    if municipality is None:
        raise Http404(_("No municipality has this number."))
    figure = (
        SettlementFigure.objects.scoped_for(user)
        .filter(settlement_year=settlement_year, municipality=municipality)
        .first()
    )
    return municipality, figure


def municipality_history(municipality: Municipality) -> list[SettlementFigure]:
    """A municipality's figures over the years, newest first (one query)."""
    return list(
        SettlementFigure.objects.for_county(municipality.county_id)
        .filter(municipality=municipality)
        .select_related("settlement_year")
        .order_by("-settlement_year__year")
    )


def county_history(county_id: int) -> list[dict]:
    """Per year: the sum of each figure (``<name>__sum``) and how many of the municipalities valid that year
    have it unknown (``<name>__unknown``), a municipality without a figure record included (two queries)."""
    aggregates: dict[str, Aggregate] = {}
    for name in FIGURE_FIELDS:
        aggregates[f"{name}__sum"] = Sum(f"figures__{name}")
        aggregates[f"{name}__known"] = Count(f"figures__{name}")
    years = list(
        SettlementYear.objects.for_county(county_id)
        .annotate(**aggregates)
        .order_by("year")
        .values("year", "total", *aggregates.keys())
    )
    municipalities = list(Municipality.objects.for_county(county_id).only("valid_from", "valid_to"))
    for entry in years:
        valid = sum(1 for m in municipalities if m.is_valid_in(entry["year"]))
        entry["municipalities"] = valid
        for name in FIGURE_FIELDS:
            entry[f"{name}__unknown"] = max(0, valid - entry[f"{name}__known"])
    return years


# (field, short heading, long label) for tables and the labels of inline inputs.
FIGURE_COLUMNS = [
    (name, FIGURE_LABELS[name], cast(Field, SettlementFigure._meta.get_field(name)).verbose_name)  # all columns
    for name in FIGURE_FIELDS
]
