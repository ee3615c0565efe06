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
from integrering.core.registry import GRANT_KIND, linkable_kind
from integrering.core.versioning import expect_version
from integrering.regional.activities.models import (
    ATTACHMENT_TYPES,
    MAX_ATTACHMENT_BYTES,
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


# The first bytes of each accepted kind of file: the declared content type must match what the file is.
_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
}


def attachment_check(*, upload: Any) -> str:
    """The content type of an accepted upload; refuses other types, files too large and files that lie."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ApplicationError(
            _("The file is too large: at most %(mb)s MB."), field="file", params={"mb": MAX_ATTACHMENT_BYTES // 2**20}
        )
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    suffix = ATTACHMENT_TYPES.get(content_type)
    if suffix is None or not upload.name.lower().endswith(suffix if suffix != ".jpg" else (".jpg", ".jpeg")):
        raise ApplicationError(
            _("This kind of file is not accepted: PDF, Word, PowerPoint, Excel, text, PNG or JPEG."), field="file"
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    signatures = _SIGNATURES.get(suffix)
    if signatures and not head.startswith(signatures):
        raise ApplicationError(_("The file's content does not match its type."), field="file")
    if suffix == ".txt" and b"\x00" in head:
        raise ApplicationError(_("The file's content does not match its type."), field="file")
    return content_type


def attachment_add(*, activity: Activity, upload: Any, name: str, user: Any) -> ActivityAttachment:
    content_type = attachment_check(upload=upload)
    attachment = ActivityAttachment(
        activity=activity,
        name=name or upload.name,
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    attachment.file.save(upload.name, upload, save=False)
    try:
        full_clean_or_raise(attachment, exclude=["file", "uploaded_by"])
    except ApplicationError:
        attachment.file.delete(save=False)
        raise
    attachment.save()
    return attachment


def attachment_delete(*, attachment: ActivityAttachment) -> None:
    attachment.file.delete(save=False)
    attachment.delete()
