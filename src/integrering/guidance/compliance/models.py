"""The open findings of each participant's cached evaluation, one row per code (for filtering and counting
in SQL). The evaluation itself is cached on the participant; ``services.participant_evaluate`` writes both."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.guidance.participants.models import Participant
from integrering.legal import SEVERITY_LABELS

SEVERITY_CHOICES = [(value, _(label)) for value, label in SEVERITY_LABELS.items()]  # legal's English, translated


class ParticipantFinding(models.Model):
    """One open finding of a participant's cached evaluation (for filtering and counting in SQL)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="open_findings")
    code = models.CharField(max_length=64)
    severity = models.CharField(max_length=8, choices=SEVERITY_CHOICES)

    county_path = "participant__county"
    municipality_path = "participant__municipality"
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "code"], name="unique_participant_finding")]
        indexes = [models.Index(fields=["code"], name="finding_code")]
        verbose_name = _("participant finding")
        verbose_name_plural = _("participant findings")

    def __str__(self) -> str:
        return self.code
