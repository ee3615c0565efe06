"""Writes of activities: create, edit, change status, follow-up actions, attachments.

Every write validates the model (``full_clean``): the identity-number guard holds whoever calls the service
(a form, an import, the demo data, a script).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.files.services import file_delete, file_store
from integrering.core.registry import GRANT_KIND, linkable_kind
from integrering.core.versioning import expect_version
from integrering.regional.activities.models import (
    Activity,
    ActivityArea,
    ActivityAttachment,
    ActivityStatus,
    FollowUpAction,
)
from integrering.regional.areas import Area, TargetGroup, Topic
from integrering.regional.requests.models import RequestStatus
from integrering.regional.validation import full_clean_or_raise

# The next status an activity may move to (never backwards: what was carried out stays carried out).
NEXT_STATUS = {ActivityStatus.PLANNED: ActivityStatus.DONE, ActivityStatus.DONE: ActivityStatus.FOLLOWED_UP}

SCALAR_FIELDS = (
    "title",
    "activity_type",
    "start_date",
    "end_date",
    "place",
    "digital",
    "description",
    "target_groups",
    "topics",
    "participants_municipal_staff",
    "participants_refugee_services",
    "participants_schools",
    "participants_nav",
    "participants_health",
    "participants_voluntary",
    "participants_themselves",
    "participants_others",
    "grant_id",
)
RELATED_FIELDS = ("municipalities", "advisers", "organisations", "partners")


def _check_lists(*, areas: Iterable[int], topics: list[str], target_groups: list[str]) -> list[int]:
    numbers = sorted({int(a) for a in areas})
    if not numbers:
        raise ApplicationError(_("Choose at least one area of responsibility."), field="areas")
    if any(n not in Area.values for n in numbers):
        raise ApplicationError(_("Unknown area of responsibility."), field="areas")
    if any(t not in Topic.values for t in topics):
        raise ApplicationError(_("Unknown topic."), field="topics")
    if topics and Area.SOCIAL_CONTROL not in numbers:
        raise ApplicationError(
            _("Topics belong to area 3 (negative social control): choose that area or remove the topics."),
            field="topics",
        )
    if any(t not in TargetGroup.values for t in target_groups):
        raise ApplicationError(_("Unknown target group."), field="target_groups")
    return numbers


def _check_grant(activity: Activity, grant_id: int | None) -> None:
    """A new link must name one of the county's awarded grants (an unchanged one stays, whatever became of it)."""
    if grant_id is None or grant_id == activity.grant_id:
        return
    kind = linkable_kind(GRANT_KIND)
    if kind is None or grant_id not in kind.describe(county=activity.county_id, ids=[grant_id]):
        raise ApplicationError(_("Choose one of the county's awarded grants."), field="grant_id")


def _write(activity: Activity, *, areas: Iterable[int], data: dict[str, Any]) -> Activity:
    if "grant_id" in data:
        data["grant_id"] = int(data["grant_id"]) if data["grant_id"] not in (None, "") else None
        _check_grant(activity, data["grant_id"])
    for name in SCALAR_FIELDS:
        if name in data:
            setattr(activity, name, data[name])
    activity.target_groups = list(activity.target_groups or [])
    activity.topics = list(activity.topics or [])
    numbers = _check_lists(areas=areas, topics=activity.topics, target_groups=activity.target_groups)
    full_clean_or_raise(activity, exclude=["county", "created_by"])
    with transaction.atomic():
        activity.save()
        for name in RELATED_FIELDS:
            if name in data and data[name] is not None:
                getattr(activity, name).set(data[name])
        ActivityArea.objects.filter(activity=activity).exclude(area__in=numbers).delete()
        existing = set(ActivityArea.objects.filter(activity=activity).values_list("area", flat=True))
        ActivityArea.objects.bulk_create(
            [ActivityArea(activity=activity, area=n) for n in numbers if n not in existing]
        )
    return activity


def activity_create(*, county: Any, user: Any, areas: Iterable[int], **data: Any) -> Activity:
    activity = Activity(county=county, created_by=user if getattr(user, "pk", None) else None)
    return _write(activity, areas=areas, data=data)


def activity_update(*, activity: Activity, areas: Iterable[int], version: int | None = None, **data: Any) -> Activity:
    expect_version(activity, version)
    return _write(activity, areas=areas, data=data)


def activity_status_change(
    *, activity: Activity, status: str, evaluation: str = "", version: int | None = None
) -> Activity:
    """Move an activity one step on: planned → carried out → followed up (which needs an evaluation note)."""
    if NEXT_STATUS.get(ActivityStatus(activity.status)) != status:
        raise ApplicationError(
            _("The status can only move one step on: planned, carried out, followed up."), field="status"
        )
    evaluation = (evaluation or activity.evaluation or "").strip()
    if status == ActivityStatus.FOLLOWED_UP and not evaluation:
        raise ApplicationError(_("Write an evaluation note before the activity is followed up."), field="evaluation")
    expect_version(activity, version)
    activity.status = status
    activity.evaluation = evaluation
    full_clean_or_raise(activity, exclude=["county", "created_by"])
    with transaction.atomic():  # a conflict rolls back to here, not the caller's transaction
        activity.save(update_fields=["status", "evaluation"])
        _request_done_when_carried_out(activity)
    return activity


def _request_done_when_carried_out(activity: Activity) -> None:
    """A guidance request is done when every activity that answers it is carried out (the municipality sees it)."""
    request = activity.request
    if request is None or request.status != RequestStatus.PLANNED:
        return
    if not request.activities.filter(status=ActivityStatus.PLANNED).exists():
        request.status = RequestStatus.DONE
        request.save(update_fields=["status"])


def follow_up_add(*, activity: Activity, description: str, owner: Any, due_date: datetime.date) -> FollowUpAction:
    if owner.county_id != activity.county_id:
        raise ApplicationError(_("The owner must be a user of the county."), field="owner")
    action = FollowUpAction(activity=activity, description=description, owner=owner, due_date=due_date)
    full_clean_or_raise(action)
    action.save()
    return action


def follow_up_done(*, action: FollowUpAction, done: bool = True) -> FollowUpAction:
    action.done = done
    action.save(update_fields=["done"])
    return action


def attachment_add(*, activity: Activity, upload: Any, name: str, user: Any) -> ActivityAttachment:
    """An agenda, a presentation: checked and stored by core's file service (size, kind from the content)."""
    attachment = ActivityAttachment(activity=activity, name=name or (upload.name or "")[:200], uploaded_by=user)
    full_clean_or_raise(attachment, exclude=["stored", "content_type", "size", "uploaded_by"])
    with transaction.atomic():
        stored = file_store(upload=upload, owner=activity, purpose="attachment", user=user)
        attachment.stored = stored
        attachment.content_type = stored.content_type
        attachment.size = stored.size
        attachment.save()
    return attachment


def attachment_delete(*, attachment: ActivityAttachment) -> None:
    """The attachment and its stored file (the object goes when the transaction commits)."""
    with transaction.atomic():
        stored = attachment.stored
        attachment.delete()
        if stored is not None:
            file_delete(stored)
