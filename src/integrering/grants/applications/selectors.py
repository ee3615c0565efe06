"""Reads of applications: an applicant's (their organisations' only) and the county's (caseworker, leader)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import NotFound
from integrering.grants.applications.models import Application


def applications_for_applicant(user: Any) -> QuerySet[Application]:
    """Only the applications of the organisations the user is a member of (whatever id is asked for)."""
    if not getattr(user, "is_authenticated", False) or user.county_id is None:
        return Application.objects.none()
    return Application.objects.filter(county_id=user.county_id, organisation__memberships__user=user).select_related(
        "call__scheme", "organisation"
    )


def application_for_applicant(user: Any, pk: int) -> Application:
    application = applications_for_applicant(user).filter(pk=pk).first()
    if application is None:
        raise NotFound(_("No such application."))
    return application


def applications_for_user(user: Any) -> QuerySet[Application]:
    """The county's applications (a municipal user: their municipality's), never the drafts."""
    return (
        Application.objects.scoped_for(user)
        .exclude(status="utkast")
        .select_related("call__scheme", "organisation__municipality")
    )


def application_for_user(user: Any, pk: int) -> Application:
    application = applications_for_user(user).filter(pk=pk).first()
    if application is None:
        raise NotFound(_("No such application."))
    return application


def draft_for_caseworker(user: Any, pk: int) -> Application:
    """A draft of the user's county, for the caseworker who reopens it for a late submission."""
    draft = (
        Application.objects.scoped_for(user)
        .filter(pk=pk, status="utkast")
        .select_related("call__scheme", "organisation")
        .first()
    )
    if draft is None:
        raise NotFound(_("No such draft."))
    return draft
