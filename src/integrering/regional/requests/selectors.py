"""Reads of guidance requests: a municipal user sees their municipality's, the county all of its own."""

from __future__ import annotations

import statistics
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.municipalities.selectors import municipalities_of_contact
from integrering.regional.activities.models import Activity
from integrering.regional.requests.models import GuidanceRequest, RequestStatus

OPEN = (RequestStatus.RECEIVED, RequestStatus.PLANNED)


def requests_for_user(user: Any) -> QuerySet[GuidanceRequest]:
    return (
        GuidanceRequest.objects.scoped_for(user)
        .select_related("municipality", "requested_by")
        .prefetch_related(Prefetch("activities", queryset=Activity.objects.order_by("start_date")))
    )


def request_for_user(user: Any, pk: int) -> GuidanceRequest:
    request = requests_for_user(user).filter(pk=pk).first()
    if request is None:
        raise Http404(_("There is no such guidance request."))
    return request


def requests_for_contact(user: Any) -> QuerySet[GuidanceRequest]:
    """Open requests from the municipalities ``user`` is the contact person for (their start page)."""
    mine = municipalities_of_contact(user, timezone.localdate())
    return requests_for_user(user).filter(municipality__in=mine, status__in=OPEN)


def response_days(requests: QuerySet[GuidanceRequest]) -> dict[str, Any]:
    """The response time (request → first activity) in days: median and count of answered requests."""
    days = [
        (answered - asked).days
        for asked, answered in requests.filter(answered_at__isnull=False).values_list("requested_at", "answered_at")
        if answered is not None
    ]
    return {"answered": len(days), "median": statistics.median(days) if days else None}
