"""The settlement year: the county's frame from IMDi, the deadlines and the stage of the yearly cycle.

The stage follows the data (``years.phase``); ``stage_override`` is a manual override with a reason
(empty: follow the data). Changes of both are in the audit log (the model is tracked in ``apps.py``).
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned


class Stage(models.TextChoices):
    PLANNING = "planning", _("Planning")
    RECOMMENDED = "recommended", _("Recommended")
    REQUESTED = "requested", _("Requested")
    DECIDED = "decided", _("Decided")
    SETTLING = "settling", _("Settling")


class SettlementYear(CountyOwned, Versioned):
    """The county's year: a :class:`CountyOwned` record (``objects.scoped_for(user)``), edited with a version."""

    year = models.PositiveSmallIntegerField(_("year"))
    total = models.PositiveIntegerField(_("county total"), null=True, blank=True)
    total_minors = models.PositiveIntegerField(_("of which unaccompanied minors"), null=True, blank=True)
    frame_source = models.CharField(_("source of the frame"), max_length=255, blank=True)
    frame_date = models.DateField(_("date of the frame"), null=True, blank=True)
    recommendation_deadline = models.DateField(_("deadline for the recommendation"), null=True, blank=True)
    decision_deadline = models.DateField(_("deadline for the municipalities' decisions"), null=True, blank=True)
    stage_override = models.CharField(
        _("stage set by hand"),
        max_length=16,
        choices=Stage.choices,
        blank=True,
        default="",
        help_text=_("Empty: the stage follows the registered figures."),
    )
    stage_override_reason = models.TextField(_("reason for setting the stage by hand"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["county", "year"], name="unique_settlement_year"),
            # The frame's unaccompanied minors are part of the total (services and forms say so in words first).
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(total_minors__isnull=True) | Q(total_minors__lte=F("total")),
                name="settlement_year_minors_within_total",
            ),
            # A stage set by hand always says why (the form and the service say so in words first).
            models.CheckConstraint(
                condition=Q(stage_override="") | ~Q(stage_override_reason=""),
                name="settlement_year_stage_override_has_reason",
            ),
        ]
        verbose_name = _("settlement year")
        verbose_name_plural = _("settlement years")

    def __str__(self) -> str:
        return f"{self.county.name} {self.year}"
