"""Writes for settlement years: create a year, and update its frame, deadlines and stage (optimistic lock)."""

from django.db import transaction

from integrering.core.models import County
from integrering.settlement.errors import StaleVersion
from integrering.settlement.limits import persons_check
from integrering.settlement.years.models import SettlementYear

YEAR_FIELDS = (
    "total",
    "total_minors",
    "frame_source",
    "frame_date",
    "recommendation_deadline",
    "decision_deadline",
    "stage",
    "notes",
)


@transaction.atomic
def settlement_year_create(*, county: County, year: int, **fields) -> SettlementYear:
    unknown = set(fields) - set(YEAR_FIELDS)
    if unknown:
        raise TypeError(f"Ukjente felt: {sorted(unknown)}")
    persons_check(fields, ("total", "total_minors"))
    return SettlementYear.objects.create(county=county, year=year, **fields)


@transaction.atomic
def settlement_year_update(*, settlement_year: SettlementYear, version: int, data: dict) -> SettlementYear:
    """Update the frame, deadlines and stage; raises :class:`StaleVersion` if changed since ``version``."""
    current = SettlementYear.objects.select_for_update().get(pk=settlement_year.pk)
    if current.version != version:
        raise StaleVersion(current)
    persons_check(data, ("total", "total_minors"))
    for name in YEAR_FIELDS:
        if name in data:
            setattr(current, name, data[name])
    current.version += 1
    current.save()
    return current
