"""Reads of calls: the county's (caseworker, leader, auditor) and the published ones (anyone)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import NotFound
from integrering.grants.calls.models import Call


def calls_for_user(user: Any) -> QuerySet[Call]:
    return Call.objects.scoped_for(user).select_related("scheme")


def call_for_user(user: Any, pk: int) -> Call:
    call = calls_for_user(user).filter(pk=pk).first()
    if call is None:
        raise NotFound(_("No such call."))
    return call


def calls_published() -> QuerySet[Call]:
    """Every county's published calls, newest year first (the public page)."""
    return (
        Call.objects.filter(published=True, scheme__active=True)
        .select_related("scheme", "county")
        .order_by("county__number", "-year", "scheme__name", "pk")
    )


def call_published(pk: int) -> Call:
    call = calls_published().filter(pk=pk).first()
    if call is None:
        raise NotFound(_("No such call."))
    return call


def call_link_options(*, county: Any) -> list[tuple[int, str]]:
    """The county's calls, for a plan measure to link to (``core.registry.linkable_register``)."""
    return [(c.pk, f"{c.title} ({c.year})") for c in Call.objects.for_county(county).order_by("-year", "title")]


def call_link_describe(*, county: Any, ids: list[int]) -> dict[int, tuple[str, str]]:
    from django.urls import reverse

    calls = Call.objects.for_county(county).filter(pk__in=ids)
    return {c.pk: (f"{c.title} ({c.year})", reverse("grants:call", kwargs={"pk": c.pk})) for c in calls}
