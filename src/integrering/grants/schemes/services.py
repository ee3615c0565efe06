"""Writes of grant schemes.

    scheme_create(*, county, **values) -> Scheme
    scheme_update(*, scheme, version, **values) -> Scheme   # ConcurrentEdit when someone saved it since

Both check the structured parts (criteria weights add up to 100, instalments add up to 100, rejection reason
codes unique) and raise ``ApplicationError`` naming the field; nothing is half-written.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.versioning import expect_version
from integrering.grants.schemes.models import ApplicantKind, Scheme

SCHEME_FIELDS = (
    "code",
    "name",
    "legal_basis",
    "purpose",
    "applicant_kinds",
    "max_share_percent",
    "max_share_small_business_percent",
    "criteria",
    "conditions",
    "report_due_months",
    "accountant_threshold",
    "payment_plan",
    "rejection_reasons",
    "active",
)


def _scheme_check(values: dict[str, Any]) -> None:
    if not values.get("applicant_kinds") or set(values["applicant_kinds"]) - set(ApplicantKind.values):
        raise ApplicationError(_("Choose who may apply."), field="applicant_kinds")
    share = values.get("max_share_percent")
    if not isinstance(share, int) or not 1 <= share <= 100:
        raise ApplicationError(_("The maximum share must be between 1 and 100 %."), field="max_share_percent")
    criteria = values.get("criteria") or []
    if not criteria or sum(c["weight"] for c in criteria) != 100:
        raise ApplicationError(_("The criteria's weights must add up to 100."), field="criteria")
    if len({c["code"] for c in criteria}) != len(criteria):
        raise ApplicationError(_("Two criteria have the same code."), field="criteria")
    plan = values.get("payment_plan") or []
    if not plan or sum(plan) != 100 or any(p <= 0 for p in plan):
        raise ApplicationError(_("The instalments must be positive and add up to 100 %."), field="payment_plan")
    reasons = values.get("rejection_reasons") or []
    if not reasons:
        raise ApplicationError(_("Give at least one standard rejection reason."), field="rejection_reasons")
    if len({r["code"] for r in reasons}) != len(reasons):
        raise ApplicationError(_("Two rejection reasons have the same code."), field="rejection_reasons")


def _save(scheme: Scheme) -> Scheme:
    try:
        with transaction.atomic():
            scheme.save()
    except IntegrityError as error:
        raise ApplicationError(_("Another scheme already has this code."), field="code") from error
    return scheme


def scheme_create(*, county: Any, **values: Any) -> Scheme:
    unknown = set(values) - set(SCHEME_FIELDS)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(fields)s"), params={"fields": ", ".join(sorted(unknown))})
    _scheme_check(values)
    return _save(Scheme(county=county, **values))


def scheme_update(*, scheme: Scheme, version: int | None, **values: Any) -> Scheme:
    unknown = set(values) - set(SCHEME_FIELDS)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(fields)s"), params={"fields": ", ".join(sorted(unknown))})
    _scheme_check({name: getattr(scheme, name) for name in SCHEME_FIELDS} | values)
    expect_version(scheme, version)
    for name, value in values.items():
        setattr(scheme, name, value)
    return _save(scheme)
