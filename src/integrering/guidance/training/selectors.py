"""Reads of the county's Norwegian training, scoped like the participant register.

enrolments_for_user(user) -> QuerySet[TrainingEnrolment]        # participant, municipality, case selected
enrolment_for_user(user, pk) -> TrainingEnrolment               # Http404 outside scope
participants_waiting_for_training(user) -> QuerySet[Participant] # in full-time upper secondary, not enrolled
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.selectors import participants_for_user
from integrering.guidance.training.models import TrainingEnrolment


def enrolments_for_user(user) -> QuerySet[TrainingEnrolment]:
    return (
        TrainingEnrolment.objects.scoped_for(user)
        .filter(participant__anonymised_at__isnull=True)
        .select_related("participant", "participant__municipality", "participant__guidance_case")
    )


def enrolment_for_user(user, pk) -> TrainingEnrolment:
    enrolment = enrolments_for_user(user).filter(pk=pk).first()
    if enrolment is None:
        raise Http404
    return enrolment


def participants_waiting_for_training(user) -> QuerySet[Participant]:
    """Participants registered in full-time upper secondary who have no § 30 enrolment yet."""
    return (
        participants_for_user(user)
        .filter(full_time_upper_secondary=True, training_enrolments__isnull=True)
        .order_by("municipality__number", "reference")
    )
