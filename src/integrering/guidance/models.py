"""Career guidance (§ 11) and the county's Norwegian training (§ 30): participants and what the county does.

Minimal data (domain.md §8): only what the county needs to do and document its duties. Persons' data of
record live in IMDi's systems; the full guidance summary belongs in IMDinett, not here.

Unknown values: dates, months and yes/no are NULL when unknown; choice fields are ``""`` when unknown.

The evaluation by the rules core (``integrering.legal``) is cached on the participant (``findings``,
``in_target_group``, ``decision_deadline``, ``evaluated_on``) and in ``ParticipantFinding`` rows (one per
code, for filtering and counting in SQL). Only ``services.participant_evaluate`` writes them; every
service that changes a fact calls it. Time-dependent findings (``DECISION_OVERDUE`` without a decision)
are refreshed by ``services.participants_refresh`` (the ``evaluate-participants`` command, nightly).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County
from integrering.legal import (
    EDUCATION_LEVEL_LABELS,
    END_GOAL_LABELS,
    PERMIT_CATEGORY_LABELS,
    SEVERITY_LABELS,
)
from integrering.municipalities.models import Municipality

PERMIT_CATEGORY_CHOICES = list(PERMIT_CATEGORY_LABELS.items())
EDUCATION_LEVEL_CHOICES = list(EDUCATION_LEVEL_LABELS.items())
END_GOAL_CHOICES = list(END_GOAL_LABELS.items())
SEVERITY_CHOICES = list(SEVERITY_LABELS.items())


def mask_national_id(number: str | None) -> str:
    """The one mask for a fødselsnummer or D-nummer on every page: «Registrert – skjult», or ``""`` if none.

    It shows no digit at all: with the birth date on the page, even the first six or the last two digits
    would narrow the number down to a handful of candidates. Seeing the number is a separate, logged action.
    """
    return str(_("Registered – hidden")) if number else ""


class Participant(models.Model):
    """A person in (or considered for) the introduction programme whom the county serves."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="participants")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="participants", verbose_name=_("municipality")
    )
    reference = models.CharField(
        _("municipality's reference"),
        max_length=64,
        help_text=_("The municipality's own reference for the person; unique within the county."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    national_id = models.CharField(
        _("national identity number or D number"),
        max_length=11,
        blank=True,
        help_text=_("Optional. 11 digits; checked against the birth date."),
    )
    duf_number = models.CharField(_("DUF number"), max_length=12, blank=True)
    permit_category = models.CharField(_("permit category"), max_length=32, choices=PERMIT_CATEGORY_CHOICES, blank=True)
    permit_date = models.DateField(_("permit date"), null=True, blank=True)
    settlement_date = models.DateField(_("settlement date"), null=True, blank=True)
    settled_by_agreement = models.BooleanField(_("settled by agreement"), null=True, blank=True)
    education_level = models.CharField(_("education level"), max_length=16, choices=EDUCATION_LEVEL_CHOICES, blank=True)
    language = models.CharField(_("language"), max_length=100, blank=True)
    interpreter_needed = models.BooleanField(_("needs an interpreter"), null=True, blank=True)
    mapping_date = models.DateField(_("competence mapping date"), null=True, blank=True)
    # The municipality's § 12 decision.
    decision_date = models.DateField(_("decision date (§ 12)"), null=True, blank=True)
    programme_start = models.DateField(_("programme start"), null=True, blank=True)
    end_goal = models.CharField(_("end goal"), max_length=20, choices=END_GOAL_CHOICES, blank=True)
    planned_duration_months = models.PositiveSmallIntegerField(_("planned duration (months)"), null=True, blank=True)
    extension_months = models.PositiveSmallIntegerField(_("extension (months)"), null=True, blank=True)
    full_time_upper_secondary = models.BooleanField(_("in full-time upper secondary"), null=True, blank=True)
    # Privacy and bookkeeping.
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped on every save.")
    # Cached evaluation (written only by services.participant_evaluate).
    ruleset_version = models.CharField(max_length=20, blank=True)
    evaluated_on = models.DateField(null=True, blank=True)
    in_target_group = models.BooleanField(_("in the target group (§ 8)"), null=True, blank=True)
    decision_deadline = models.DateField(_("decision deadline"), null=True, blank=True, db_index=True)
    findings = models.JSONField(_("findings"), default=list, blank=True)

    class Meta:
        ordering = ["municipality__number", "reference"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["county", "reference"], name="unique_participant_reference"),
        ]
        indexes = [models.Index(fields=["county", "municipality"], name="participant_scope")]

    def __str__(self) -> str:
        return self.reference

    def get_additional_data(self) -> dict:
        return {"county": self.county.number}

    @property
    def masked_national_id(self) -> str:
        """The identity number masked (``mask_national_id``: no digit shown), or ``""``."""
        return mask_national_id(self.national_id)

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


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


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("Referred")
    BOOKED = "booked", _("Booked")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "cancelled", _("Withdrawn")


class Referral(models.Model):
    """The municipality refers a participant for career guidance, with the competence-mapping date."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="referrals")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referred by"),
    )
    referred_at = models.DateTimeField(_("referred"), default=timezone.now)
    mapping_date = models.DateField(_("competence mapping date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=200, blank=True)

    class Meta:
        ordering = ["-referred_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=Q(status__in=["referred", "booked"]),
                name="one_open_referral_per_participant",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} {self.referred_at:%Y-%m-%d}"

    def get_additional_data(self) -> dict:
        return {"county": self.participant.county.number}


class CaseStatus(models.TextChoices):
    REFERRED = "referred", _("Referred, not booked")
    BOOKED = "booked", _("Booked")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Referral withdrawn")


class Recommendation(models.TextChoices):
    WORK = "work", _("Work")
    EDUCATION = "education", _("Education")
    OTHER = "other", _("Other")


class GuidanceCase(models.Model):
    """The county's career guidance of one participant (§ 11)."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="guidance_case")
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guidance_cases",
        verbose_name=_("counsellor"),
    )
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.REFERRED)
    booked_for = models.DateField(_("booked for"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=16, choices=Recommendation.choices, blank=True)
    recommendation_note = models.CharField(
        _("short note on the recommendation"),
        max_length=500,
        blank=True,
        help_text=_("The full summary belongs in IMDinett, not here."),
    )
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped on every save.")

    class Meta:
        verbose_name = _("guidance case")
        verbose_name_plural = _("guidance cases")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(completed_on__isnull=False),
                name="completed_case_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_status_display()}"

    def get_additional_data(self) -> dict:
        return {"county": self.participant.county.number}


class SessionMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")


class GuidanceSession(models.Model):
    """One guidance conversation."""

    case = models.ForeignKey(GuidanceCase, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("length (minutes)"))
    interpreter_used = models.BooleanField(_("interpreter used"), default=False)
    interpreter_language = models.CharField(_("interpreter language"), max_length=100, blank=True)
    mode = models.CharField(_("mode"), max_length=16, choices=SessionMode.choices, default=SessionMode.IN_PERSON)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("guidance session")
        verbose_name_plural = _("guidance sessions")

    def __str__(self) -> str:
        return f"{self.case.participant} {self.date:%Y-%m-%d}"

    def get_additional_data(self) -> dict:
        return {"county": self.case.participant.county.number}


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
