"""Writes of the county's Norwegian training (§ 30 second paragraph).

Signatures (keyword-only; all raise ``ApplicationError`` with a translated message on bad input and
``ConcurrentEdit`` when ``version`` is stale; nothing is half-written)::

    training_enrol(*, participant, school, target_level, start, hours_planned=None, end=None) -> TrainingEnrolment
        # only a participant registered in full-time upper secondary
    training_update(*, enrolment, version, **fields) -> TrainingEnrolment  # hours, absence, end, completed …
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.versioning import expect_version
from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.services import (
    participant_fields_save,
    participant_refuse_if_anonymised,
    participant_touch,
)
from integrering.guidance.training.models import TargetLevel, TrainingEnrolment

NOT_FULL_TIME_UPPER_SECONDARY = _(
    "The participant is not registered in full-time upper-secondary education. The county provides Norwegian "
    "training under § 30 second paragraph only to them; the municipality or the career counsellor must register "
    "it on the participant first."
)
TRAINING_FIELDS = (
    "school",
    "target_level",
    "hours_planned",
    "hours_attended",
    "absence_hours",
    "start",
    "end",
    "completed",
)


def _training_clean(values: dict) -> dict:
    if not (values.get("school") or "").strip():
        raise ApplicationError(_("The school is missing."))
    if values.get("target_level") not in TargetLevel.values:
        raise ApplicationError(_("Unknown Norwegian target level."))
    if values.get("start") is None:
        raise ApplicationError(_("The start date is missing."))
    if values.get("end") is not None and values["end"] < values["start"]:
        raise ApplicationError(_("The end date is before the start date."))
    for name in ("hours_planned", "hours_attended", "absence_hours"):
        value = values.get(name)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ApplicationError(_("Hours cannot be negative."))
    values["school"] = values["school"].strip()
    return values


@transaction.atomic
def training_enrol(
    *,
    participant: Participant,
    school: str,
    target_level: str,
    start: datetime.date,
    hours_planned: int | None = None,
    end: datetime.date | None = None,
) -> TrainingEnrolment:
    """§ 30 second paragraph: enrol a participant in full-time upper secondary in Norwegian training.

    Refused unless the participant is registered as in full-time upper secondary: the county provides the
    training only for them (the rest is the municipality's).
    """
    participant_refuse_if_anonymised(participant=participant)
    if participant.full_time_upper_secondary is not True:
        raise ApplicationError(NOT_FULL_TIME_UPPER_SECONDARY)
    values = _training_clean(
        {"school": school, "target_level": target_level, "start": start, "hours_planned": hours_planned, "end": end}
    )
    enrolment = TrainingEnrolment.objects.create(participant=participant, **values)
    participant_touch(participant=participant)
    participant_fields_save(participant=participant, fields=["last_activity_at"])
    return enrolment


@transaction.atomic
def training_update(*, enrolment: TrainingEnrolment, version: int | None, **fields) -> TrainingEnrolment:
    """Change hours, absence, end or completion of an enrolment."""
    participant = enrolment.participant
    participant_refuse_if_anonymised(participant=participant)
    unknown = set(fields) - set(TRAINING_FIELDS)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(fields)s"), params={"fields": ", ".join(sorted(unknown))})
    values = _training_clean({name: getattr(enrolment, name) for name in TRAINING_FIELDS} | fields)
    expect_version(enrolment, version)
    for name, value in values.items():
        setattr(enrolment, name, value)
    enrolment.completed = bool(enrolment.completed)
    enrolment.save()
    participant_touch(participant=participant)
    participant_fields_save(participant=participant, fields=["last_activity_at"])
    return enrolment
