"""Reads of settlement years, always scoped to the user's county, and of the municipalities of a year
(valid that year, with their name and population that year).

Scenarios, criteria and recommendations are the county's working material: a municipal user never
sees them (a 404, as for anything outside the user's scope); :func:`settlement_year_get` is their year.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.core.permissions import is_municipal_only
from integrering.municipalities.models import Municipality
from integrering.settlement.years.models import SettlementYear

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from integrering.municipalities.models import YearFigures


def years_for_user(user) -> QuerySet[SettlementYear]:
    """The years of the user's county (a municipal user sees the years too: their own figures are in them)."""
    if user.county_id is None:
        return SettlementYear.objects.none()
    return SettlementYear.objects.for_county(user.county_id).select_related("county")


def year_for_user(user, year: int) -> SettlementYear:
    found = years_for_user(user).filter(year=year).first()
    if found is None:
        raise Http404(_("The settlement year was not found."))
    return found


def year_of_county(county_number: str, year: int) -> SettlementYear | None:
    """The year of the county with this number (``5`` or ``05``), for the command line, which has no user."""
    return (
        SettlementYear.objects.select_related("county").filter(county__number=county_number.zfill(2), year=year).first()
    )


def whole_county_year_for_user(user, year: int) -> SettlementYear:
    """The year for a page that shows the whole county (the map, the charts): a 404 for a municipal user."""
    if is_municipal_only(user):
        raise Http404(_("The page shows the whole county."))
    return year_for_user(user, year)


def county_only(user) -> None:
    """The county's working material (scenarios, criteria, recommendations): a 404 for a municipal user."""
    if is_municipal_only(user) or user.county_id is None:
        raise Http404(_("Not found."))


def settlement_year_get(user, year: int) -> SettlementYear:
    """The year for the county's working material (see :func:`county_only`)."""
    county_only(user)
    found = SettlementYear.objects.scoped_for(user).select_related("county").filter(year=year).first()
    if found is None:
        raise Http404(_("The settlement year was not found."))
    return found


def years_of_county(user) -> list[int]:
    county_only(user)
    return list(SettlementYear.objects.scoped_for(user).order_by("-year").values_list("year", flat=True))


def municipalities_with_name_and_population(
    county_id: int, year: int
) -> QuerySet[WithAnnotations[Municipality, YearFigures]]:
    """The county's municipalities valid in ``year`` with ``name_in_year``, ``population_in_year`` and
    ``population_year`` (see :meth:`MunicipalityQuerySet.with_name_and_population` for the fallback)."""
    return Municipality.objects.for_county(county_id).valid_in(year).with_name_and_population(year).order_by("number")


def municipalities_in_year(settlement_year: SettlementYear) -> list[WithAnnotations[Municipality, YearFigures]]:
    """The county's municipalities valid in the settlement year, annotated as
    :func:`municipalities_with_name_and_population`."""
    return list(municipalities_with_name_and_population(settlement_year.county_id, settlement_year.year))


def _annotated(municipalities: Sequence[Municipality], year: int) -> list[WithAnnotations[Municipality, YearFigures]]:
    return list(Municipality.objects.filter(pk__in=[m.pk for m in municipalities]).with_name_and_population(year))


def names_in_year(municipalities: Sequence[Municipality], year: int) -> dict[int, str]:
    """The SSB name of each municipality in ``year`` (or its latest name before it), in the given order."""
    names = {m.pk: m.name_in_year for m in _annotated(municipalities, year)}
    return {m.pk: names[m.pk] for m in municipalities}


def population_values(municipalities: Sequence[Municipality], year: int) -> tuple[dict[int, float], dict[int, int]]:
    """(population, the year of that figure) per municipality id, by the one fallback of
    :meth:`MunicipalityQuerySet.with_name_and_population`; a municipality without a figure is left out."""
    values: dict[int, float] = {}
    years: dict[int, int] = {}
    for m in _annotated(municipalities, year):
        if m.population_in_year is not None and m.population_year is not None:  # both or neither
            values[m.pk] = float(m.population_in_year)
            years[m.pk] = m.population_year
    return values, years
