"""Writes of calls (utlysninger).

call_create(*, scheme, **values) -> Call
call_update(*, call, version, **values) -> Call   # ConcurrentEdit when someone saved it since
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.versioning import expect_version
from integrering.grants.calls.models import Call
from integrering.grants.schemes.models import Scheme

CALL_FIELDS = (
    "year",
    "title",
    "budget_frame",
    "opens_on",
    "closes_on",
    "rolling",
    "review_dates",
    "information",
    "acceptance_days",
    "published",
)


def _call_check(values: dict[str, Any]) -> None:
    if not (values.get("title") or "").strip():
        raise ApplicationError(_("The title is missing."), field="title")
    if not isinstance(values.get("budget_frame"), int) or values["budget_frame"] <= 0:
        raise ApplicationError(_("The budget frame must be a positive whole number of kroner."), field="budget_frame")
    if values.get("opens_on") is None:
        raise ApplicationError(_("The opening date is missing."), field="opens_on")
    closes = values.get("closes_on")
    if closes is None and not values.get("rolling"):
        raise ApplicationError(
            _("Give an application deadline, or make the call rolling until the budget is spent."), field="closes_on"
        )
    if closes is not None and closes < values["opens_on"]:
        raise ApplicationError(_("The deadline is before the opening date."), field="closes_on")
    if values.get("rolling") and not values.get("review_dates"):
        raise ApplicationError(_("A rolling call needs review dates."), field="review_dates")


def _values_check(values: dict[str, Any]) -> None:
    unknown = set(values) - set(CALL_FIELDS)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(fields)s"), params={"fields": ", ".join(sorted(unknown))})


def _save(call: Call) -> Call:
    try:
        with transaction.atomic():
            call.save()
    except IntegrityError as error:
        raise ApplicationError(_("The scheme already has a call this year."), field="year") from error
    return call


def call_create(*, scheme: Scheme, **values: Any) -> Call:
    _values_check(values)
    _call_check(values)
    return _save(Call(county_id=scheme.county_id, scheme=scheme, **values))


def call_update(*, call: Call, version: int | None, **values: Any) -> Call:
    _values_check(values)
    _call_check({name: getattr(call, name) for name in CALL_FIELDS} | values)
    expect_version(call, version)
    for name, value in values.items():
        setattr(call, name, value)
    return _save(call)
