"""Reads of the organisation register, scoped to the user's county."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.regional.organisations.models import Organisation


def organisations_for_user(
    user: Any, *, query: str = "", municipality: Any = None, active: bool | None = None
) -> QuerySet[Organisation]:
    qs = Organisation.objects.scoped_for(user).select_related("municipality")
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(orgnr=query.replace(" ", "")))
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    if active is True:
        qs = qs.filter(active=True, in_register=True)
    elif active is False:
        qs = qs.filter(Q(active=False) | Q(in_register=False))
    return qs


def organisation_for_user(user: Any, pk: int) -> Organisation:
    organisation = (
        Organisation.objects.scoped_for(user)
        .select_related("municipality")
        .prefetch_related("contacts", "activities")
        .filter(pk=pk)
        .first()
    )
    if organisation is None:
        raise Http404(_("There is no such organisation."))
    return organisation
