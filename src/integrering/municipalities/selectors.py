"""Reads of municipalities, always scoped to what the user may see."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypedDict

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from integrering.core.permissions import is_municipal_only
from integrering.municipalities.models import ContactAssignment, Municipality, MunicipalityName, Population

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class YearFigures(TypedDict):
    """What :func:`with_year_figures` adds to each municipality."""

    name_in_year: str | None
    population_in_year: int | None


class Contacts(TypedDict):
    """What :func:`with_contacts` adds to each municipality (prefetched lists)."""

    current_contacts: list[ContactAssignment]
    upcoming_contacts: list[ContactAssignment]


def municipalities_for_user(user, *, year: int | None = None) -> QuerySet[Municipality]:
    """The municipalities of the user's county (valid in ``year`` if given); a municipal user gets only their own."""
    qs = Municipality.objects.filter(county_id=user.county_id).select_related("county")
    if year is not None:
        qs = qs.filter(valid_from__lte=year).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))
    if is_municipal_only(user):
        qs = qs.filter(pk=user.municipality_id)
    return qs


def with_year_figures(qs: QuerySet[Municipality], year: int) -> QuerySet[WithAnnotations[Municipality, YearFigures]]:
    """Annotate ``name_in_year`` and ``population_in_year`` for one year (one query, no N+1).

    The name is the official name in force that year: for a year after the last year with names, the
    latest official name. A population that is not known is None («–»).
    """
    names = (
        MunicipalityName.objects.filter(municipality=OuterRef("pk"), year__lte=year)
        .order_by("-year")
        .values("name")[:1]
    )
    populations = Population.objects.filter(municipality=OuterRef("pk"), year=year).values("total")[:1]
    return qs.annotate(name_in_year=Subquery(names), population_in_year=Subquery(populations))


def active_contacts(on: datetime.date) -> QuerySet[ContactAssignment]:
    """Assignments in force on ``on``; a deactivated user is never anybody's contact person."""
    return (
        ContactAssignment.objects.filter(start__lte=on, person__is_active=True)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .select_related("person")
    )


def upcoming_contacts(on: datetime.date) -> QuerySet[ContactAssignment]:
    """Assignments registered to begin after ``on`` (shown as «fra dd.mm.åååå»)."""
    return (
        ContactAssignment.objects.filter(start__gt=on, person__is_active=True)
        .select_related("person")
        .order_by("start")
    )


def with_contacts(qs: QuerySet[Municipality], on: datetime.date) -> QuerySet[WithAnnotations[Municipality, Contacts]]:
    """Prefetch ``current_contacts`` (in force on ``on``) and ``upcoming_contacts`` (beginning later)."""
    return qs.prefetch_related(
        Prefetch("contact_assignments", queryset=active_contacts(on), to_attr="current_contacts"),
        Prefetch("contact_assignments", queryset=upcoming_contacts(on), to_attr="upcoming_contacts"),
    )


def municipality_for_user(user, number: str) -> Municipality:
    """One municipality the user may see, or a 404 (also for one that exists elsewhere)."""
    municipality = municipalities_for_user(user).filter(number=number).first()
    if municipality is None:
        raise Http404("Fant ingen kommune med dette nummeret.")
    return municipality


def municipalities_of_contact(user, on: datetime.date) -> QuerySet[Municipality]:
    ids = active_contacts(on).filter(person=user).values("municipality_id")
    return Municipality.objects.filter(pk__in=ids, county_id=user.county_id)


def name_in(municipality: Municipality, year: int) -> str:
    """The official name in force in ``year`` (the latest one for a year after the last year with names)."""
    names = [name for name in municipality.names.all() if name.year <= year]
    return max(names, key=lambda name: name.year).name if names else municipality.norwegian_name
