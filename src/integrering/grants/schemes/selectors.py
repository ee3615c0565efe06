"""Reads of grant schemes, scoped to the user's county."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from integrering.core.exceptions import NotFound
from integrering.grants.schemes.models import Scheme


def schemes_for_user(user: Any) -> QuerySet[Scheme]:
    return Scheme.objects.scoped_for(user).order_by("name", "pk")


def scheme_for_user(user: Any, pk: int) -> Scheme:
    scheme = schemes_for_user(user).filter(pk=pk).first()
    if scheme is None:
        from django.utils.translation import gettext_lazy as _

        raise NotFound(_("No such grant scheme."))
    return scheme
