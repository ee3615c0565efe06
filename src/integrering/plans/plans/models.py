"""The plan and its tree above the measures: a plan (title, period, status, public or not), its focus areas and
their goals. Read through ``Plan.objects.scoped_for(user)`` (and ``FocusArea``/``Goal`` through their plan)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned, CountyScopedQuerySet
from integrering.core.versioning import Versioned

DEFAULT_STALE_DAYS = 90


class Area(models.TextChoices):
    """The county's seven areas of responsibility for integration (domain.md §2)."""

    SETTLEMENT = "settlement", _("Settlement")
    MUNICIPAL_GUIDANCE = "municipal_guidance", _("Guidance and competence-building for municipalities")
    SOCIAL_CONTROL = "social_control", _("Preventing negative social control")
    VOLUNTARY = "voluntary", _("Regional follow-up of voluntary organisations")
    GRANTS = "grants", _("Grant schemes")
    SECTOR_COOPERATION = "sector_cooperation", _("Cooperation with regional sector authorities")
    INTEGRATION_ACT = "integration_act", _("Extended duties under the Integration Act § 4")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")
    EXPIRED = "expired", _("Expired")


class Plan(CountyOwned, Versioned):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    status = models.CharField(_("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(_("adopted by"), max_length=255, blank=True)
    public = models.BooleanField(_("public"), default=False)
    stale_days = models.PositiveSmallIntegerField(
        _("days before a measure counts as not followed up"), default=DEFAULT_STALE_DAYS
    )

    class Meta:
        ordering = ["-first_year", "title"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.CheckConstraint(condition=Q(last_year__gte=models.F("first_year")), name="plan_period_order"),
            models.CheckConstraint(
                condition=~Q(status="adopted") | (Q(adopted_on__isnull=False) & ~Q(adopted_by="")),
                name="plan_adopted_has_date_and_body",
            ),
            models.CheckConstraint(condition=Q(stale_days__gte=1), name="plan_stale_days_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> str:
        return f"{self.first_year}–{self.last_year}"


class FocusArea(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("plan"))
    identifier = models.CharField(_("number"), max_length=16)
    title = models.CharField(_("title"), max_length=255)
    area = models.CharField(_("area of responsibility"), max_length=32, choices=Area.choices, blank=True)
    description = models.TextField(_("description"), blank=True)

    county_path = "plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "identifier", "pk"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [models.UniqueConstraint(fields=["plan", "identifier"], name="unique_focus_area_identifier")]

    def __str__(self) -> str:
        return f"{self.identifier} {self.title}"


class Goal(Versioned):
    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.CASCADE, related_name="goals", verbose_name=_("focus area")
    )
    identifier = models.CharField(_("number"), max_length=16)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    county_path = "focus_area__plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["focus_area", "identifier", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [models.UniqueConstraint(fields=["focus_area", "identifier"], name="unique_goal_identifier")]

    def __str__(self) -> str:
        return f"{self.identifier} {self.title}"
