"""The guidance app's models, one module per sub-domain, imported here so that Django and the migrations find
them under the app label ``guidance`` (moving a model between the sub-domain modules changes no migration).
"""

from django.db import models
from django.db.models import Q
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


class TargetLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"


class TrainingEnrolment(models.Model):
    """§ 30 second paragraph: Norwegian and social studies the county provides in full-time upper secondary."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="training_enrolments")
    school = models.CharField(_("school"), max_length=200)
    target_level = models.CharField(_("Norwegian target level"), max_length=2, choices=TargetLevel.choices)
    hours_planned = models.PositiveIntegerField(_("hours planned"), null=True, blank=True)
    hours_attended = models.PositiveIntegerField(_("hours attended"), null=True, blank=True)
    absence_hours = models.PositiveIntegerField(_("hours of absence"), null=True, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    completed = models.BooleanField(_("completed"), default=False)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped on every save.")

    class Meta:
        ordering = ["-start", "pk"]
        verbose_name = _("Norwegian training enrolment")
        verbose_name_plural = _("Norwegian training enrolments")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="enrolment_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} {self.school}"

    def get_additional_data(self) -> dict:
        return {"county": self.participant.county.number}
