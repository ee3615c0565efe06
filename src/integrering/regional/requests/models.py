"""A municipality asks the county for guidance (area 2); the contact person turns it into one or more activities."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned
from integrering.regional.validation import NATIONAL_ID_HELP, no_national_id


class RequestTopic(models.TextChoices):
    SETTLEMENT = "settlement", _("Settlement")
    INTRODUCTION = "introduction_programme", _("Introduction programme")
    CAREER = "career_guidance", _("Career guidance")
    NORWEGIAN = "norwegian_training", _("Norwegian training")
    SOCIAL_CONTROL = "negative_social_control", _("Negative social control")
    VOLUNTARY = "voluntary_sector", _("Voluntary sector")
    OTHER = "other", _("Other")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PLANNED = "planned", _("Activity planned")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


class GuidanceRequest(CountyOwned, Versioned):
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="regional_guidance_requests",
        verbose_name=_("municipality"),
    )
    topic = models.CharField(_("topic"), max_length=32, choices=RequestTopic.choices)
    description = models.TextField(
        _("what the municipality needs"), max_length=3000, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )
    preferred_dates = models.CharField(
        _("preferred dates"), max_length=200, blank=True, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )
    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED)
    decline_reason = models.TextField(
        _("why it was declined"), blank=True, max_length=2000, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("asked by")
    )
    requested_at = models.DateTimeField(_("asked"), auto_now_add=True)
    # When the first activity was registered for it: the response time is answered_at − requested_at.
    answered_at = models.DateTimeField(_("first activity registered"), null=True, blank=True)

    municipality_path = "municipality"

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("guidance request")
        verbose_name_plural = _("guidance requests")

    def __str__(self) -> str:
        return f"{self.municipality.norwegian_name}: {self.get_topic_display()}"

    @property
    def response_days(self) -> int | None:
        if self.answered_at is None:
            return None
        return (self.answered_at - self.requested_at).days
