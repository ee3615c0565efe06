"""Grants as records other apps link to, through ``core.registry`` (grants imports no other app, and none imports it).

- ``grants.application`` (a linkable kind): the county's awarded grants, e.g. for a regional activity's «funded by»
  or a plan measure. The label is what the public page shows too (reference, organisation, project): no person.
- ``municipality_grants``: the grants where a municipality is the applicant or among the municipalities involved,
  for the municipality page's regional tab. A user who may read grants (``grants.view``) sees every submitted
  application with its status; anyone else only the awarded ones, which are public anyway.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse

from integrering.core.permissions import Perm, has_perm
from integrering.core.registry import MunicipalityGrant
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import COMMITTED, Status
from integrering.grants.schemes.models import ApplicantKind

OPTIONS_LIMIT = 500
MUNICIPALITY_LIMIT = 15


def _label(application: Application) -> str:
    title = application.project_title or application.call.title
    return f"{application.reference} {application.organisation.name}: {title} ({application.call.year})"


def _awarded(county: Any):
    return (
        Application.objects.for_county(county)
        .filter(status__in=COMMITTED)
        .select_related("call", "organisation")
        .order_by("-call__year", "reference")
    )


def grant_link_options(*, county: Any) -> list[tuple[int, str]]:
    return [(a.pk, _label(a)) for a in _awarded(county)[:OPTIONS_LIMIT]]


def grant_link_describe(*, county: Any, ids: list[int]) -> dict[int, tuple[str, str]]:
    rows = _awarded(county).filter(pk__in=ids)
    return {a.pk: (_label(a), reverse("grants:case", kwargs={"pk": a.pk})) for a in rows}


def municipality_grants(*, user: Any, municipality: Any) -> list[MunicipalityGrant]:
    may_read = has_perm(user, Perm.VIEW_GRANTS)
    applications = (
        Application.objects.for_county(user.county_id)
        .exclude(status=Status.DRAFT)
        .filter(
            Q(organisation__kind=ApplicantKind.MUNICIPALITY, organisation__municipality=municipality)
            | Q(municipalities=municipality)
        )
        .distinct()
        .select_related("call", "organisation")
        .order_by("-call__year", "-pk")
    )
    if not may_read:
        applications = applications.filter(status__in=COMMITTED)
    return [
        MunicipalityGrant(
            label=_label(a),
            url=reverse("grants:case", kwargs={"pk": a.pk}) if may_read else "",
            year=a.call.year,
            status=str(a.get_status_display()),
            amount=a.granted_amount if a.status in COMMITTED else None,
            applicant=a.organisation.kind == ApplicantKind.MUNICIPALITY
            and a.organisation.municipality_id == municipality.pk,
        )
        for a in applications[:MUNICIPALITY_LIMIT]
    ]
