"""Reads of settlement years, always scoped to the user's county, and of the municipalities of a year
(valid that year, with their name and population that year).

Scenarios, criteria and recommendations are the county's working material: a municipal user never
sees them (a 404, as for anything outside the user's scope); :func:`settlement_year_get` is their year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from integrering.core.permissions import is_municipal_only
from integrering.municipalities.models import Municipality, MunicipalityName, Population
from integrering.settlement.years.models import SettlementYear

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from integrering.municipalities.selectors import YearFigures


def years_for_user(user) -> QuerySet[SettlementYear]:
    return SettlementYear.objects.filter(county_id=user.county_id).select_related("county")


def year_for_user(user, year: int) -> SettlementYear:
    found = years_for_user(user).filter(year=year).first()
    if found is None:
        raise Http404("Fant ikke bosettingsåret.")
    return found


def year_of_county(county_number: str, year: int) -> SettlementYear | None:
    """The year of the county with this number (``5`` or ``05``), for the command line, which has no user."""
    return (
        SettlementYear.objects.select_related("county").filter(county__number=county_number.zfill(2), year=year).first()
    )


def whole_county_year_for_user(user, year: int) -> SettlementYear:
    """The year for a page that shows the whole county (the map, the charts): a 404 for a municipal user."""
    if is_municipal_only(user):
        raise Http404("Siden viser hele fylket.")
    return year_for_user(user, year)


def county_only(user) -> None:
    """The county's working material (scenarios, criteria, recommendations): a 404 for a municipal user."""
    if is_municipal_only(user) or user.county_id is None:
        raise Http404("Ikke funnet.")


def settlement_year_get(user, year: int) -> SettlementYear:
    """The year for the county's working material (see :func:`county_only`)."""
    county_only(user)
    found = SettlementYear.objects.select_related("county").filter(county_id=user.county_id, year=year).first()
    if found is None:
        raise Http404("Fant ikke bosettingsåret.")
    return found


def years_of_county(user) -> list[int]:
    county_only(user)
    return list(
        SettlementYear.objects.filter(county_id=user.county_id).order_by("-year").values_list("year", flat=True)
    )


def municipalities_with_name_and_population(
    county_id: int, year: int
) -> QuerySet[WithAnnotations[Municipality, YearFigures]]:
    """The county's municipalities valid in ``year`` with ``name_in_year`` and ``population_in_year``.

    The name is the SSB name of that year (or the latest earlier one); the population that of 1 January
    of the year, or the latest earlier year when the year is beyond the reference data.
    """
    names = (
        MunicipalityName.objects.filter(municipality=OuterRef("pk"), year__lte=year)
        .order_by("-year")
        .values("name")[:1]
    )
    populations = (
        Population.objects.filter(municipality=OuterRef("pk"), year__lte=year).order_by("-year").values("total")[:1]
    )
    return (
        Municipality.objects.filter(county_id=county_id, valid_from__lte=year)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))
        .annotate(name_in_year=Subquery(names), population_in_year=Subquery(populations))
        .order_by("number")
    )


def municipalities_in_year(settlement_year: SettlementYear) -> list[Municipality]:
    year = settlement_year.year
    qs = Municipality.objects.filter(county_id=settlement_year.county_id, valid_from__lte=year)
    return list(qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year)).order_by("number"))


def names_in_year(municipalities: list[Municipality], year: int) -> dict[int, str]:
    """The SSB name of each municipality in ``year`` (or its latest name before it)."""
    names: dict[int, str] = {m.pk: m.norwegian_name for m in municipalities}
    rows = MunicipalityName.objects.filter(municipality__in=municipalities, year__lte=year).order_by("year")
    for row in rows.values("municipality_id", "name"):
        names[row["municipality_id"]] = row["name"]
    return names


def population_values(municipalities: list[Municipality], year: int) -> tuple[dict[int, float], dict[int, int]]:
    """Population per municipality id in ``year``; where missing, the latest year available."""
    values: dict[int, float] = {}
    years: dict[int, int] = {}
    rows = Population.objects.filter(municipality__in=municipalities, year=year).values("municipality_id", "total")
    for row in rows:
        values[row["municipality_id"]] = float(row["total"])
        years[row["municipality_id"]] = year
    missing = [m.pk for m in municipalities if m.pk not in values]
    if missing:
        latest = (
            Population.objects.filter(municipality_id__in=missing).values("municipality_id").annotate(y=Max("year"))
        )
        wanted = {row["municipality_id"]: row["y"] for row in latest}
        rows = Population.objects.filter(municipality_id__in=list(wanted)).values("municipality_id", "year", "total")
        for row in rows:
            if wanted.get(row["municipality_id"]) == row["year"]:
                values[row["municipality_id"]] = float(row["total"])
                years[row["municipality_id"]] = row["year"]
    return values, years
