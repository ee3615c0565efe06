"""Regional sector partners (area 6): partners, agreements, forums with meetings, minutes and action points."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned
from integrering.regional.validation import NATIONAL_ID_HELP, no_national_id


class PartnerKind(models.TextChoices):
    STATE_ADMINISTRATOR = "state_administrator", _("The State Administrator")
    NAV = "nav", _("NAV")
    IMDI = "imdi", _("IMDi's regional office")
    BUFETAT = "bufetat", _("Bufetat")
    POLICE = "police", _("The police")
    HEALTH_TRUST = "health_trust", _("Health trust")
    UNIVERSITY = "university", _("University or university college")
    RVTS = "rvts", _("RVTS")
    MUNICIPAL_NETWORK = "municipal_network", _("Municipalities' network")
    KS = "ks", _("KS")
    HUSBANKEN = "husbanken", _("Husbanken")
    OTHER = "other", _("Other")


class Partner(CountyOwned, Versioned):
    name = models.CharField(_("name"), max_length=200, validators=[no_national_id])
    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind.choices)
    notes = models.TextField(
        _("notes"), blank=True, max_length=5000, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("partner"))
    title = models.CharField(_("title"), max_length=200, validators=[no_national_id])
    purpose = models.TextField(_("purpose"), max_length=3000, validators=[no_national_id], help_text=NATIONAL_ID_HELP)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="regional_agreement_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Forum(CountyOwned, Versioned):
    name = models.CharField(_("name"), max_length=200, validators=[no_national_id])
    purpose = models.TextField(
        _("purpose"), blank=True, max_length=3000, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )
    partners = models.ManyToManyField(Partner, blank=True, related_name="forums", verbose_name=_("partners"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("forum"))
    date = models.DateField(_("date"))
    # The minutes: a file in core's private file storage (its owner is the meeting).
    minutes_file = models.OneToOneField(
        "core.StoredFile", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("minutes")
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.forum} {self.date}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class ActionPoint(Versioned):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="action_points", verbose_name=_("meeting")
    )
    description = models.CharField(_("what"), max_length=300, validators=[no_national_id], help_text=NATIONAL_ID_HELP)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="regional_action_points",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")

    def __str__(self) -> str:
        return self.description
