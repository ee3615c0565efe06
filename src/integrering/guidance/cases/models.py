"""Career guidance (§ 11): the municipality's referral, the county's guidance case and its sessions.

A referral opens (or reopens) the participant's one guidance case; the counsellor books, records sessions and
completes it with a recommendation. The full guidance summary belongs in IMDinett, not here.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.guidance.participants.models import Participant


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

    # Tenancy through the participant (``core.tenancy``): ``.objects.scoped_for(user)`` / ``.for_county(county)``.
    county_path = "participant__county"
    municipality_path = "participant__municipality"
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        # Norwegian date in local time: a referral at 00:30 in Norway is that day's, not the UTC day before.
        return f"{self.participant} {timezone.localtime(self.referred_at):%d.%m.%Y}"

    @property
    def status(self) -> ReferralStatus:
        """Where the referral stands, read from the one source of truth, the participant's case.

        Withdrawn if it was withdrawn; otherwise the latest referral shares its case's status (referred, booked,
        completed), and an earlier one was closed by a completed guidance (an open referral blocks a new one).
        """
        if self.withdrawn_at is not None:
            return ReferralStatus.WITHDRAWN
        latest = Referral.objects.filter(participant_id=self.participant_id).values_list("pk", flat=True).first()
        if latest != self.pk:
            return ReferralStatus.COMPLETED
        case = GuidanceCase.objects.filter(participant_id=self.participant_id).values_list("status", flat=True).first()
        return CASE_TO_REFERRAL.get(case, ReferralStatus.REFERRED) if case is not None else ReferralStatus.REFERRED

    def get_status_display(self) -> str:
        return str(self.status.label)

    def get_additional_data(self) -> dict:
        return {"county": self.participant.county.number}


class CaseStatus(models.TextChoices):
    REFERRED = "referred", _("Referred, not booked")
    BOOKED = "booked", _("Booked")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Referral withdrawn")


CASE_TO_REFERRAL = {
    CaseStatus.REFERRED: ReferralStatus.REFERRED,
    CaseStatus.BOOKED: ReferralStatus.BOOKED,
    CaseStatus.COMPLETED: ReferralStatus.COMPLETED,
    CaseStatus.WITHDRAWN: ReferralStatus.WITHDRAWN,
}


class Recommendation(models.TextChoices):
    WORK = "work", _("Work")
    EDUCATION = "education", _("Education")
    OTHER = "other", _("Other")


class GuidanceCase(Versioned):
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
    # The booked appointment: time, place (an address, or a video meeting) and any interpreter (issue 11 §6).
    booked_time = models.TimeField(_("appointment time"), null=True, blank=True)
    booked_video = models.BooleanField(_("video meeting"), default=False)
    booked_address = models.CharField(_("address"), max_length=200, blank=True)
    booked_interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    booked_interpreter_language = models.CharField(_("interpreter language"), max_length=100, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=16, choices=Recommendation.choices, blank=True)
    recommendation_note = models.CharField(
        _("short note on the recommendation"),
        max_length=500,
        blank=True,
        help_text=_("The full summary belongs in IMDinett, not here."),
    )

    # Tenancy through the participant (``core.tenancy``): ``.objects.scoped_for(user)`` / ``.for_county(county)``.
    county_path = "participant__county"
    municipality_path = "participant__municipality"
    objects = CountyScopedQuerySet.as_manager()

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

    @property
    def booked_place(self) -> str:
        """Where the appointment is: «Video» or the address (empty when nothing is booked)."""
        if self.booked_video:
            return str(_("Video"))
        return self.booked_address

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

    # Tenancy through the participant (``core.tenancy``): ``.objects.scoped_for(user)`` / ``.for_county(county)``.
    county_path = "case__participant__county"
    municipality_path = "case__participant__municipality"
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("guidance session")
        verbose_name_plural = _("guidance sessions")

    def __str__(self) -> str:
        return f"{self.case.participant} {self.date:%d.%m.%Y}"

    def get_additional_data(self) -> dict:
        return {"county": self.case.participant.county.number}
