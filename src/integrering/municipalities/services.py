"""Writes for municipalities and contact persons, and the extension point for the municipality page."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from integrering.core.collation import norwegian_sorted
from integrering.core.exceptions import ConcurrentEdit
from integrering.core.versioning import expect_version
from integrering.municipalities.models import ContactAssignment, Municipality

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from integrering.municipalities.selectors import Contacts


@dataclass(frozen=True)
class PageSection:
    """A section another app adds to the municipality page (settlement history, participants …)."""

    template: str
    context: dict


# Apps register a callable(request, municipality) -> PageSection | None in their AppConfig.ready.
_SECTION_PROVIDERS: list[Callable] = []


def municipality_page_section_register(provider: Callable) -> None:
    if provider not in _SECTION_PROVIDERS:
        _SECTION_PROVIDERS.append(provider)


def municipality_page_sections(*, request, municipality: Municipality) -> list[PageSection]:
    sections = (provider(request, municipality) for provider in _SECTION_PROVIDERS)
    return [s for s in sections if s is not None]


def _earliest_start(assignments: list[ContactAssignment]) -> datetime.date | None:
    """The first day a new period may begin: after every registered period's start and every ended period."""
    bounds = [a.start if a.end is None else max(a.start, a.end) for a in assignments]
    return max(bounds) + datetime.timedelta(days=1) if bounds else None


def _display(municipality: Municipality) -> str:
    return f"{municipality.number} {getattr(municipality, 'name_in_year', None) or municipality.norwegian_name}"


def _assignment_plan(municipality: Municipality, person, start: datetime.date) -> tuple[bool, str | None]:
    """(whether a new period is needed, why it cannot begin on ``start`` or None)."""
    assignments = list(ContactAssignment.objects.filter(municipality=municipality))
    if any(a.person_id == person.pk and a.end is None and a.start <= start for a in assignments):
        return False, None  # already the contact person from an earlier date: nothing to change
    earliest = _earliest_start(assignments)
    if earliest is not None and start < earliest:
        return True, _(
            "%(municipality)s: the new period must begin on %(date)s or later, after the periods already registered."
        ) % {"municipality": _display(municipality), "date": date_format(earliest, "SHORT_DATE_FORMAT")}
    return True, None


def contact_state(municipalities: Iterable[Municipality]) -> dict[str, list[list[int]]]:
    """{municipality pk: [[period pk, version], …]}: the contact periods as the assign form was opened.

    The form carries it; :func:`contact_assign` compares it with the periods when saving, so that an
    assignment never silently ends or replaces a period another administrator registered meanwhile.
    """
    state: dict[str, list[list[int]]] = {str(m.pk): [] for m in municipalities}
    rows = ContactAssignment.objects.filter(municipality__in=[int(pk) for pk in state]).order_by("pk")
    for municipality_id, pk, version in rows.values_list("municipality_id", "pk", "version"):
        state[str(municipality_id)].append([pk, version])
    return state


def _periods_text(municipality: Municipality, on: datetime.date) -> str:
    """The periods in force on ``on`` or later: «Ola Nordmann from 01.12.2026»."""
    periods = ContactAssignment.objects.filter(municipality=municipality).filter(Q(end__isnull=True) | Q(end__gte=on))
    return "; ".join(
        _("%(person)s from %(date)s") % {"person": a.person, "date": date_format(a.start, "SHORT_DATE_FORMAT")}
        for a in periods.select_related("person").order_by("start")
    )


@transaction.atomic
def contact_assign(
    *,
    person,
    municipalities: Iterable[Municipality],
    start: datetime.date,
    seen: Mapping[str, list] | None = None,
) -> list[ContactAssignment]:
    """Make ``person`` the contact for each municipality from ``start``; the current period ends the day before.

    A start on or before a registered period (the current one's start, or the end of an ended one) would
    make periods overlap: then nothing is written and a ``ValidationError`` says which municipality and
    the earliest possible date. ``seen`` is :func:`contact_state` as the user's form was opened: when a chosen
    municipality's periods have changed since, nothing is written and :class:`ConcurrentEdit` carries, for
    each such municipality, (its name, what the user wanted, the periods someone else registered).
    """
    municipalities = list(municipalities)
    # Lock the municipalities, so two administrators assigning at once cannot both pass the check.
    list(Municipality.objects.select_for_update().filter(pk__in=[m.pk for m in municipalities]))
    if seen is not None:
        now = contact_state(municipalities)
        stale = [m for m in municipalities if seen.get(str(m.pk), []) != now[str(m.pk)]]
        if stale:
            mine = _("%(person)s from %(date)s") % {"person": person, "date": date_format(start, "SHORT_DATE_FORMAT")}
            today = timezone.localdate()
            raise ConcurrentEdit(current=[(_display(m), mine, _periods_text(m, min(start, today))) for m in stale])
    plans = [(m, *_assignment_plan(m, person, start)) for m in municipalities]
    problems = [problem for _m, _needed, problem in plans if problem]
    if problems:
        raise ValidationError(problems)
    created = []
    for municipality, needed, _problem in plans:
        if not needed:
            continue
        for assignment in ContactAssignment.objects.filter(municipality=municipality, end__isnull=True):
            contact_end(assignment=assignment, end=start - datetime.timedelta(days=1))
        created.append(ContactAssignment.objects.create(municipality=municipality, person=person, start=start))
    return created


@transaction.atomic
def contact_end(
    *, assignment: ContactAssignment, end: datetime.date, expected_version: int | None = None
) -> ContactAssignment | None:
    """End the period on ``end``; a period that had not begun by then is removed (None). Audit-logged.

    ``expected_version`` is the version the user saw: a period changed (or removed) since is left alone
    and :class:`ConcurrentEdit` carries it as it is now.
    """
    if expected_version is not None:
        current = ContactAssignment.objects.select_for_update().filter(pk=assignment.pk).first()
        if current is None or current.version != expected_version:
            raise ConcurrentEdit(current=current)
    if end < assignment.start:
        assignment.delete()
        return None
    expect_version(assignment, expected_version)
    assignment.end = end
    assignment.save(update_fields=["end"])
    return assignment


@transaction.atomic
def contact_assignments_end_for_person(*, person, on: datetime.date) -> int:
    """End every period of ``person`` still running after ``on`` (a deactivated user); returns how many."""
    running = ContactAssignment.objects.filter(person=person).filter(Q(end__isnull=True) | Q(end__gt=on))
    ended = 0
    for assignment in running:
        contact_end(assignment=assignment, end=on)
        ended += 1
    return ended


def group_by_contact(
    municipalities: list[WithAnnotations[Municipality, Contacts]],
) -> tuple[list[dict], list[Municipality]]:
    """Group municipalities (with ``current_contacts`` and ``upcoming_contacts`` prefetched) by contact person.

    Each group's ``items`` are (municipality, assignment, upcoming) in number order; an upcoming period is
    shown «fra dd.mm.åååå». Also returns the municipalities without a contact person today.
    """
    groups: dict[int, dict] = {}
    without: list[Municipality] = []
    for municipality in municipalities:
        if not municipality.current_contacts:
            without.append(municipality)
        periods = [(a, False) for a in municipality.current_contacts]
        periods += [(a, True) for a in getattr(municipality, "upcoming_contacts", [])]
        for assignment, upcoming in periods:
            group = groups.setdefault(assignment.person_id, {"person": assignment.person, "items": []})
            group["items"].append((municipality, assignment, upcoming))
    ordered = norwegian_sorted(groups.values(), key=lambda g: g["person"].get_full_name() or g["person"].username)
    return ordered, without
