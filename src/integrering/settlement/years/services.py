"""Writes for settlement years: create a year, and update its frame, deadlines and stage (optimistic lock).

The stage follows the data (``years.status``); a stage set by hand needs a reason, and the audit log keeps who
set or cleared it and why (the model is tracked).
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County
from integrering.core.versioning import expect_version
from integrering.settlement.errors import InvalidFigures, StaleVersion
from integrering.settlement.limits import persons_check
from integrering.settlement.years.models import SettlementYear

YEAR_FIELDS = (
    "total",
    "total_minors",
    "frame_source",
    "frame_date",
    "recommendation_deadline",
    "decision_deadline",
    "stage_override",
    "stage_override_reason",
    "notes",
)


def stage_override_check(year: SettlementYear) -> None:
    """A stage set by hand says why (also a database check constraint); clearing it clears the reason."""
    year.stage_override_reason = (year.stage_override_reason or "").strip()
    if not year.stage_override:
        year.stage_override_reason = ""
    elif not year.stage_override_reason:
        raise InvalidFigures(
            _("Give a reason for setting the stage by hand."),
            field="stage_override_reason",
        )


def minors_check(total: int | None, total_minors: int | None) -> None:
    """The frame's unaccompanied minors are part of its total (also a database check constraint)."""
    if total is not None and total_minors is not None and total_minors > total:
        raise InvalidFigures(
            _("The frame's unaccompanied minors (%(minors)s) cannot be more than its total (%(total)s)."),
            params={"minors": total_minors, "total": total},
            field="total_minors",
        )


@transaction.atomic
def settlement_year_create(*, county: County, year: int, **fields) -> SettlementYear:
    unknown = set(fields) - set(YEAR_FIELDS)
    if unknown:
        raise TypeError(f"Ukjente felt: {sorted(unknown)}")
    persons_check(fields, ("total", "total_minors"))
    minors_check(fields.get("total"), fields.get("total_minors"))
    settlement_year = SettlementYear(county=county, year=year, **fields)
    stage_override_check(settlement_year)
    settlement_year.save()
    return settlement_year


@transaction.atomic
def settlement_year_update(*, settlement_year: SettlementYear, version: int, data: dict) -> SettlementYear:
    """Update the frame, deadlines and stage; raises :class:`StaleVersion` (a ``ConcurrentEdit``) with the year as
    it is now if it changed since ``version``, and nothing is written."""
    current = SettlementYear.objects.select_for_update().get(pk=settlement_year.pk)
    if version is not None and current.version != version:
        raise StaleVersion(current)
    expect_version(current, version)
    persons_check(data, ("total", "total_minors"))
    for name in YEAR_FIELDS:
        if name in data:
            setattr(current, name, data[name])
    minors_check(current.total, current.total_minors)
    stage_override_check(current)
    current.save()
    return current
