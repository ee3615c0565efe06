"""Writes of guidance requests: a municipality asks, the contact person is told, the county answers with activities."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.mail.errors import MailError
from integrering.core.mail.links import absolute_url
from integrering.core.mail.services import mail_send
from integrering.core.versioning import expect_version
from integrering.municipalities.selectors import active_contacts
from integrering.regional.activities.models import Activity
from integrering.regional.activities.services import activity_create
from integrering.regional.requests.models import GuidanceRequest, RequestStatus
from integrering.regional.validation import full_clean_or_raise

logger = logging.getLogger(__name__)


def contact_persons(municipality: Any) -> list[Any]:
    """The county's contact persons for ``municipality`` today (usually one)."""
    rows = active_contacts(timezone.localdate()).filter(municipality=municipality)
    return [row.person for row in rows]


def request_create(
    *, user: Any, topic: str, description: str, preferred_dates: str = "", base_url: str = ""
) -> GuidanceRequest:
    """A municipal user asks for guidance; the municipality's contact person gets an e-mail after the commit."""
    if user.municipality_id is None or user.county_id is None:
        raise ApplicationError(_("Only a user of a municipality can ask for guidance."))
    request = GuidanceRequest(
        county_id=user.county_id,
        municipality_id=user.municipality_id,
        topic=topic,
        description=description,
        preferred_dates=preferred_dates,
        requested_by=user,
    )
    full_clean_or_raise(request, exclude=["county", "municipality", "requested_by"])
    with transaction.atomic():
        request.save()
        _notify(request, base_url=base_url)
    return request


def _notify(request: GuidanceRequest, *, base_url: str) -> None:
    link = absolute_url(reverse("regional:request", kwargs={"pk": request.pk}), base_url=base_url)
    for person in contact_persons(request.municipality):
        if not person.email:
            continue
        try:
            mail_send(
                to=person.email,
                template="regional/guidance_request",
                context={
                    "municipality": request.municipality.norwegian_name,
                    "topic": request.get_topic_display(),
                    "preferred_dates": request.preferred_dates,
                    "link": link,
                },
                county=request.county,
                related=request,
            )
        except MailError:  # a bad address must not lose the request; the start page shows it anyway
            logger.warning("Guidance request %s: no e-mail to the contact person", request.pk)


def request_decline(*, request: GuidanceRequest, reason: str, version: int | None = None) -> GuidanceRequest:
    if request.status != RequestStatus.RECEIVED:
        raise ApplicationError(_("Only a request not yet answered can be declined."))
    if not reason.strip():
        raise ApplicationError(_("Say why the request is declined: the municipality sees it."), field="reason")
    expect_version(request, version)
    request.status = RequestStatus.DECLINED
    request.decline_reason = reason.strip()
    full_clean_or_raise(request, exclude=["county", "municipality", "requested_by"])
    with transaction.atomic():
        request.save(update_fields=["status", "decline_reason"])
    return request


def request_activity_create(*, request: GuidanceRequest, user: Any, areas: list[int], **data: Any) -> Activity:
    """An activity that answers the request: the first one stamps the response time."""
    if request.status == RequestStatus.DECLINED:
        raise ApplicationError(_("The request was declined."))
    municipalities = list(data.pop("municipalities", None) or [])
    if request.municipality not in municipalities:
        municipalities.append(request.municipality)
    with transaction.atomic():
        activity = activity_create(county=request.county, user=user, areas=areas, municipalities=municipalities, **data)
        activity.request = request
        activity.save(update_fields=["request"])
        fields = []
        if request.answered_at is None:
            request.answered_at = timezone.now()
            fields.append("answered_at")
        if request.status == RequestStatus.RECEIVED:
            request.status = RequestStatus.PLANNED
            fields.append("status")
        if fields:
            request.save(update_fields=fields)
    return activity
