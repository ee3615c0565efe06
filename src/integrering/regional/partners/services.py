"""Writes of partners, agreements, forums, meetings (with minutes) and action points."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.files.services import file_store
from integrering.core.versioning import expect_version
from integrering.regional.partners.models import ActionPoint, ActionStatus, Agreement, Forum, Meeting, Partner
from integrering.regional.validation import full_clean_or_raise


def partner_create(*, county: Any, name: str, kind: str, notes: str = "") -> Partner:
    partner = Partner(county=county, name=name, kind=kind, notes=notes)
    full_clean_or_raise(partner, exclude=["county"])
    partner.save()
    return partner


def agreement_add(
    *, partner: Partner, title: str, purpose: str, start: datetime.date, end: datetime.date | None = None
) -> Agreement:
    if end is not None and end < start:
        raise ApplicationError(_("The agreement cannot end before it begins."), field="end")
    agreement = Agreement(partner=partner, title=title, purpose=purpose, start=start, end=end)
    full_clean_or_raise(agreement)
    agreement.save()
    return agreement


def forum_create(*, county: Any, name: str, purpose: str = "", partners: list[Partner] | None = None) -> Forum:
    forum = Forum(county=county, name=name, purpose=purpose)
    full_clean_or_raise(forum, exclude=["county"])
    with transaction.atomic():
        forum.save()
        forum.partners.set([p for p in partners or [] if p.county_id == county.pk])
    return forum


def meeting_add(*, forum: Forum, date: datetime.date, minutes: Any = None, user: Any = None) -> Meeting:
    """A meeting, with its minutes if given (checked and stored by core's file service)."""
    with transaction.atomic():
        meeting = Meeting.objects.create(forum=forum, date=date)
        if minutes is not None:
            meeting.minutes_file = file_store(upload=minutes, owner=meeting, purpose="minutes", user=user)
            meeting.save(update_fields=["minutes_file"])
    return meeting


def action_point_add(*, meeting: Meeting, description: str, owner: Any, due_date: datetime.date) -> ActionPoint:
    if owner.county_id != meeting.forum.county_id:
        raise ApplicationError(_("The owner must be a user of the county."), field="owner")
    point = ActionPoint(meeting=meeting, description=description, owner=owner, due_date=due_date)
    full_clean_or_raise(point)
    point.save()
    return point


def action_point_status(*, point: ActionPoint, status: str, version: int | None = None) -> ActionPoint:
    if status not in ActionStatus.values:
        raise ApplicationError(_("Unknown status."), field="status")
    expect_version(point, version)
    point.status = status
    with transaction.atomic():
        point.save(update_fields=["status"])
    return point
