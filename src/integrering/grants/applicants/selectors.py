"""Reads for applicants: only the organisations the user is a member of (never another's, whatever the id)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import NotFound
from integrering.grants.applicants.models import Organisation


def organisations_for_applicant(user: Any) -> QuerySet[Organisation]:
    if not getattr(user, "is_authenticated", False) or user.county_id is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(county_id=user.county_id, memberships__user=user).select_related("municipality")


def organisation_for_applicant(user: Any, pk: int) -> Organisation:
    organisation = organisations_for_applicant(user).filter(pk=pk).first()
    if organisation is None:
        raise NotFound(_("No such organisation."))
    return organisation
