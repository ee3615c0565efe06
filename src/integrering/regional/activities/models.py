"""An activity: what the county did (a course, a network meeting, a guidance visit …), with counts, never names."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned
from integrering.regional.areas import PARTICIPANT_SECTORS, Area
from integrering.regional.validation import NATIONAL_ID_HELP, no_national_id

MAX_PARTICIPANTS = 100_000


class ActivityType(models.TextChoices):
    COURSE = "course", _("Course")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    CONFERENCE = "conference", _("Conference")
    GUIDANCE_VISIT = "guidance_visit", _("Guidance visit to a municipality")
    DIALOGUE_MEETING = "dialogue_meeting", _("Dialogue meeting")
    COMPETENCE_PROGRAMME = "competence_programme", _("Competence programme")
    CAMPAIGN = "campaign", _("Campaign")
    PARTNER_MEETING = "partner_meeting", _("Meeting with a partner")
    OTHER = "other", _("Other")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Carried out")
    FOLLOWED_UP = "followed_up", _("Followed up")


def _count(label) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=0, validators=[MaxValueValidator(MAX_PARTICIPANTS)])


class Activity(CountyOwned, Versioned):
    title = models.CharField(_("title"), max_length=200, validators=[no_national_id], help_text=NATIONAL_ID_HELP)
    activity_type = models.CharField(_("type"), max_length=32, choices=ActivityType.choices)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    place = models.CharField(
        _("place"), max_length=200, blank=True, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )
    digital = models.BooleanField(_("digital"), default=False)
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )
    municipalities = models.ManyToManyField(
        "municipalities.Municipality", blank=True, related_name="regional_activities", verbose_name=_("municipalities")
    )
    organisations = models.ManyToManyField(
        "regional.Organisation", blank=True, related_name="activities", verbose_name=_("organisations")
    )
    partners = models.ManyToManyField(
        "regional.Partner", blank=True, related_name="activities", verbose_name=_("partners")
    )
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="regional_activities", verbose_name=_("responsible advisers")
    )
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    topics = models.JSONField(_("topics (area 3)"), default=list, blank=True)
    participants_municipal_staff = _count(PARTICIPANT_SECTORS[0][1])
    participants_refugee_services = _count(PARTICIPANT_SECTORS[1][1])
    participants_schools = _count(PARTICIPANT_SECTORS[2][1])
    participants_nav = _count(PARTICIPANT_SECTORS[3][1])
    participants_health = _count(PARTICIPANT_SECTORS[4][1])
    participants_voluntary = _count(PARTICIPANT_SECTORS[5][1])
    participants_themselves = _count(PARTICIPANT_SECTORS[6][1])
    participants_others = _count(PARTICIPANT_SECTORS[7][1])
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    evaluation = models.TextField(
        _("evaluation"), blank=True, max_length=5000, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    request = models.ForeignKey(
        "regional.GuidanceRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("guidance request"),
    )
    # The grant that funded it: an application in the grants app, named through ``core.registry`` (kind
    # ``grants.application``); a number, not a foreign key, because the apps do not know each other.
    grant_id = models.PositiveIntegerField(_("grant"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["county", "start_date"], name="regional_activity_county_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="regional_activity_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def participants_total(self) -> int:
        return sum(getattr(self, field) for field, _label in PARTICIPANT_SECTORS)

    def participant_counts(self) -> list[tuple[str, int]]:
        return [(str(label), getattr(self, field)) for field, label in PARTICIPANT_SECTORS]

    @property
    def area_numbers(self) -> list[int]:
        return sorted(row.area for row in self.area_rows.all())


class ActivityArea(models.Model):
    """One area of responsibility an activity serves (an activity may serve several)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="area_rows")
    area = models.PositiveSmallIntegerField(_("area of responsibility"), choices=Area.choices)

    class Meta:
        verbose_name = _("area of an activity")
        verbose_name_plural = _("areas of activities")
        constraints = [models.UniqueConstraint(fields=["activity", "area"], name="regional_one_row_per_area")]
        indexes = [models.Index(fields=["area", "activity"], name="regional_area_activity")]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.area}"


class FollowUpAction(Versioned):
    """Something to do after an activity, with an owner and a due date."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("activity")
    )
    description = models.CharField(_("what"), max_length=300, validators=[no_national_id], help_text=NATIONAL_ID_HELP)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="regional_follow_ups", verbose_name=_("owner")
    )
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["done", "due_date", "pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.description


class ActivityAttachment(models.Model):
    """An agenda, a presentation: stored through Django's storage, served only to the county's users."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("activity")
    )
    name = models.CharField(_("name"), max_length=200, validators=[no_national_id])
    # The bytes: core's private file storage (the owner of the stored file is the activity).
    stored = models.OneToOneField(
        "core.StoredFile", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("file")
    )
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    # Set by the service from the checked file, never typed by a user.
    unguarded_fields = ("content_type",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name
