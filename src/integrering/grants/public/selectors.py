"""What the public may see: awarded grants (organisations, never persons)."""

from __future__ import annotations

from integrering.grants.applications.models import Application
from integrering.grants.applications.status import COMMITTED


def awarded_in(year: int) -> list[Application]:
    return list(
        Application.objects.filter(call__year=year, status__in=COMMITTED)
        .select_related("call__scheme", "county", "organisation__municipality")
        .only(
            "project_title",
            "granted_amount",
            "call__scheme__name",
            "county__name",
            "county__number",
            "organisation__name",
            "organisation__municipality__norwegian_name",
            "organisation__municipality__number",
        )
        .order_by("county__number", "call__scheme__name", "organisation__name", "pk")
    )
