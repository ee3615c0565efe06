"""§ 30 second paragraph: the Norwegian and social studies the county provides for participants in full-time
upper-secondary education, one enrolment per course with its hours and absence."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.guidance.participants.models import Participant


class TargetLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"


class TrainingEnrolment(Versioned):
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

    # Tenancy through the participant (``core.tenancy``): ``.objects.scoped_for(user)`` / ``.for_county(county)``.
    county_path = "participant__county"
    municipality_path = "participant__municipality"
    objects = CountyScopedQuerySet.as_manager()

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
