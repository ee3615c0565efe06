"""Reads of municipalities, always scoped to what the user may see."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.municipalities.models import ContactAssignment, Municipality, MunicipalityQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class Contacts(TypedDict):
    """What :func:`with_contacts` adds to each municipality (prefetched lists)."""

    current_contacts: list[ContactAssignment]
    upcoming_contacts: list[ContactAssignment]


def municipalities_for_user(user, *, year: int | None = None) -> MunicipalityQuerySet:
    """The municipalities of the user's county (valid in ``year`` if given); a municipal user gets only their own."""
    qs = Municipality.objects.scoped_for(user).select_related("county")
    if year is not None:
        qs = qs.valid_in(year)
    return qs


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
        raise Http404(_("There is no municipality with this number."))
    return municipality


def municipalities_of_contact(user, on: datetime.date) -> MunicipalityQuerySet:
    ids = active_contacts(on).filter(person=user).values("municipality_id")
    return Municipality.objects.filter(pk__in=ids, county_id=user.county_id)


def name_in(municipality: Municipality, year: int) -> str:
    """The official name in force in ``year`` (the latest one for a year after the last year with names)."""
    names = [name for name in municipality.names.all() if name.year <= year]
    return max(names, key=lambda name: name.year).name if names else municipality.norwegian_name
