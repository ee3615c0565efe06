"""Reads for a municipal user: the applications and grants where their municipality is the applicant or among the
municipalities involved. Never drafts, and never the county's assessment (scores, impartiality declarations).

    applications_for_municipality(user) -> QuerySet[Application]
    application_for_municipality(user, pk) -> Application      # NotFound for anything else
    municipality_sums(user) -> dict[str, int]
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import NotFound
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import COMMITTED, Status


def applications_for_municipality(user: Any) -> QuerySet[Application]:
    if not getattr(user, "is_authenticated", False) or user.county_id is None or user.municipality_id is None:
        return Application.objects.none()
    involved = Application.municipalities.through.objects.filter(municipality_id=user.municipality_id).values(
        "application_id"
    )
    return (
        Application.objects.for_county(user.county_id)
        .exclude(status=Status.DRAFT)
        .filter(Q(organisation__municipality_id=user.municipality_id) | Q(pk__in=involved))
        .select_related("call__scheme", "organisation__municipality")
        .order_by("-call__year", "reference")
    )


def application_for_municipality(user: Any, pk: int) -> Application:
    application = applications_for_municipality(user).filter(pk=pk).first()
    if application is None:
        raise NotFound(_("No such application."))
    return application


def municipality_sums(user: Any) -> dict[str, int]:
    """Applied for and granted (a grant held: granted, accepted or closed) over the municipality's applications."""
    totals = applications_for_municipality(user).aggregate(
        applied=Sum("amount_applied"), granted=Sum("granted_amount", filter=Q(status__in=COMMITTED))
    )
    return {key: value or 0 for key, value in totals.items()}
