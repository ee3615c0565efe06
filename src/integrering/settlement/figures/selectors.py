"""Reads of the figures of a year, always scoped to the user's county (and municipality).

Query counts are constant: one query for the municipalities (name and population annotated),
one for the year's figures, whatever the number of municipalities or years.
"""

from dataclasses import dataclass, field
from typing import cast

from django.db.models import Aggregate, Count, Field, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from integrering.core.permissions import is_municipal_only
from integrering.municipalities.models import Municipality
from integrering.settlement.figures.models import FIGURE_FIELDS, SettlementFigure
from integrering.settlement.years.models import SettlementYear
from integrering.settlement.years.selectors import municipalities_with_name_and_population

# Short column headings for the figures (the model's verbose names are the long form).
FIGURE_LABELS = {
    "recommended": _("Recommended"),
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
    municipalities = municipalities_with_name_and_population(settlement_year.county_id, settlement_year.year)
    if user is not None and is_municipal_only(user):
        municipalities = municipalities.filter(pk=user.municipality_id)
    figures = {f.municipality_id: f for f in SettlementFigure.objects.filter(settlement_year=settlement_year)}
    return [Row(m, m.name_in_year or m.norwegian_name, m.population_in_year, figures.get(m.pk)) for m in municipalities]


def totals(rows: list[Row]) -> dict[str, Total]:
    """Per figure: the sum of known values and the number of unknown ones (an empty total when all are unknown)."""
    result = {}
    for name in FIGURE_FIELDS:
        known = [v for r in rows if (v := r.value(name)) is not None]
        result[name] = Total(sum(known) if known else None, len(rows) - len(known), len(rows))
    return result


def figure_for_user(user, settlement_year: SettlementYear, number: str) -> tuple[Municipality, SettlementFigure | None]:
    """One municipality of the year the user may see (404 otherwise) and its figure, if any."""
    municipalities = municipalities_with_name_and_population(settlement_year.county_id, settlement_year.year).filter(
        number=number
    )
    if is_municipal_only(user):
        municipalities = municipalities.filter(pk=user.municipality_id)
    municipality = municipalities.first()
    if municipality is None:
        raise Http404("Fant ingen kommune med dette nummeret.")
    figure = SettlementFigure.objects.filter(settlement_year=settlement_year, municipality=municipality).first()
    return municipality, figure


def municipality_history(municipality: Municipality) -> list[SettlementFigure]:
    """A municipality's figures over the years, newest first (one query)."""
    return list(
        SettlementFigure.objects.filter(municipality=municipality, settlement_year__county_id=municipality.county_id)
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
        SettlementYear.objects.filter(county_id=county_id)
        .annotate(**aggregates)
        .order_by("year")
        .values("year", "total", "stage", *aggregates.keys())
    )
    validity = list(Municipality.objects.filter(county_id=county_id).values_list("valid_from", "valid_to"))
    for entry in years:
        valid = sum(1 for start, end in validity if start <= entry["year"] and (end is None or end >= entry["year"]))
        entry["municipalities"] = valid
        for name in FIGURE_FIELDS:
            entry[f"{name}__unknown"] = max(0, valid - entry[f"{name}__known"])
    return years


# (field, short heading, long label) for tables and the labels of inline inputs.
FIGURE_COLUMNS = [
    (name, FIGURE_LABELS[name], cast(Field, SettlementFigure._meta.get_field(name)).verbose_name)  # all columns
    for name in FIGURE_FIELDS
]
