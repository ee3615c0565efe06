"""Reads of reclaims: the county's (scoped like its applications)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import NotFound
from integrering.grants.applications.selectors import applications_for_user
from integrering.grants.reclaims.models import Reclaim, ReclaimStatus


def reclaims_open(user: Any) -> QuerySet[Reclaim]:
    """The county's reclaims not yet repaid, the earliest due first."""
    return (
        Reclaim.objects.filter(application__in=applications_for_user(user), status=ReclaimStatus.OPEN)
        .select_related("application__organisation")
        .order_by("due_on", "pk")
    )


def reclaim_for_user(user: Any, pk: int) -> Reclaim:
    reclaim = Reclaim.objects.filter(application__in=applications_for_user(user), pk=pk).first()
    if reclaim is None:
        raise NotFound(_("No such reclaim."))
    return reclaim
