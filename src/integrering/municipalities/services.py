"""Writes for municipalities and contact persons, and the extension point for the municipality page."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from integrering.municipalities.models import ContactAssignment, Municipality


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


@transaction.atomic
def contact_assign(*, person, municipalities: Iterable[Municipality], start: datetime.date) -> list[ContactAssignment]:
    """Make ``person`` the contact for each municipality from ``start``; ends the previous person's period."""
    created = []
    for municipality in municipalities:
        current = ContactAssignment.objects.filter(municipality=municipality, end__isnull=True)
        for assignment in current.exclude(person=person):
            contact_end(assignment=assignment, end=max(assignment.start, start - datetime.timedelta(days=1)))
        if current.filter(person=person).exists():
            continue
        created.append(ContactAssignment.objects.create(municipality=municipality, person=person, start=start))
    return created


def contact_end(*, assignment: ContactAssignment, end: datetime.date) -> ContactAssignment:
    assignment.end = max(end, assignment.start)
    assignment.save(update_fields=["end"])
    return assignment


def group_by_contact(municipalities: list[Municipality]) -> tuple[list[dict], list[Municipality]]:
    """Group municipalities (with ``current_contacts`` prefetched) by contact person; also those without one."""
    groups: dict[int, dict] = {}
    without = []
    for municipality in municipalities:
        if not municipality.current_contacts:
            without.append(municipality)
        for assignment in municipality.current_contacts:
            group = groups.setdefault(assignment.person_id, {"person": assignment.person, "items": []})
            group["items"].append((municipality, assignment))
    ordered = sorted(groups.values(), key=lambda g: (g["person"].get_full_name() or g["person"].username).lower())
    return ordered, without
