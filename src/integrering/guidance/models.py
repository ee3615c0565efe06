"""The guidance app's models, one module per sub-domain, imported here so that Django and the migrations find
them under the app label ``guidance`` (moving a model between the sub-domain modules changes no migration).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.guidance.cases.models import (
    CaseStatus,
    GuidanceCase,
    GuidanceSession,
    Recommendation,
    Referral,
    ReferralStatus,
    SessionMode,
)
from integrering.guidance.participants.models import Participant
from integrering.guidance.training.models import TargetLevel, TrainingEnrolment
from integrering.legal import SEVERITY_LABELS

__all__ = [
    "CaseStatus",
    "GuidanceCase",
    "GuidanceSession",
    "Participant",
    "ParticipantFinding",
    "Recommendation",
    "Referral",
    "ReferralStatus",
    "SessionMode",
    "TargetLevel",
    "TrainingEnrolment",
]

SEVERITY_CHOICES = list(SEVERITY_LABELS.items())


class ParticipantFinding(models.Model):
    """One open finding of a participant's cached evaluation (for filtering and counting in SQL)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="open_findings")
    code = models.CharField(max_length=64)
    severity = models.CharField(max_length=8, choices=SEVERITY_CHOICES)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "code"], name="unique_participant_finding")]
        indexes = [models.Index(fields=["code"], name="finding_code")]
        verbose_name = _("participant finding")
        verbose_name_plural = _("participant findings")

    def __str__(self) -> str:
        return self.code
