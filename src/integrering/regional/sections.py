"""The regional tab of the municipality page: what the county did with and for the municipality (the «360°» view
an adviser opens before a visit). A constant number of queries, however many activities there are."""

from __future__ import annotations

from django.db.models import Count, Q

from integrering.core.permissions import Perm, has_perm
from integrering.core.registry import municipality_grants
from integrering.municipalities.services import PageSection
from integrering.regional.activities.models import Activity, ActivityStatus
from integrering.regional.activities.selectors import with_lists
from integrering.regional.organisations.models import Organisation
from integrering.regional.requests.models import GuidanceRequest

LIMIT = 15


def municipality_section(request, municipality) -> PageSection | None:
    user = request.user
    county_view = has_perm(user, Perm.VIEW_REGIONAL)
    if not (county_view or has_perm(user, Perm.REQUEST_GUIDANCE)):
        return None
    requests = list(
        GuidanceRequest.objects.scoped_for(user).filter(municipality=municipality).order_by("-requested_at")[:LIMIT]
    )
    context = {"requests": requests, "county_view": county_view, "municipality": municipality}
    if county_view:
        activities = Activity.objects.for_county(user.county_id).filter(municipalities=municipality)
        context["activity_counts"] = activities.aggregate(
            total=Count("pk"),
            planned=Count("pk", filter=Q(status=ActivityStatus.PLANNED)),
            done=Count("pk", filter=~Q(status=ActivityStatus.PLANNED)),
        )
        context["activities"] = list(with_lists(activities.order_by("-start_date"))[:LIMIT])
        organisations = Organisation.objects.for_county(user.county_id).filter(municipality=municipality)
        context["organisation_count"] = organisations.count()
        context["organisations"] = list(organisations.filter(active=True, in_register=True)[:LIMIT])
        # Grants where the municipality applied or is involved, from the grants app through the registry.
        context["grants"] = municipality_grants(user=user, municipality=municipality)
    return PageSection("regional/_municipality_section.html", context)
