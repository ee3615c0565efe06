"""Indicators per goal: a unit, a baseline, a target per year and values over time; the values are entered by hand,
or — for an automatic indicator — computed from another app's figure registered as a metric in ``core.registry``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.plans.plans.models import Goal


class Indicator(Versioned):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("goal"))
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=32, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    # Empty: entered by hand; otherwise the key of a metric in ``core.registry`` (computed from that app's data).
    metric_key = models.CharField(_("computed from"), max_length=64, blank=True)

    county_path = "goal__focus_area__plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["goal", "name", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    @property
    def automatic(self) -> bool:
        return bool(self.metric_key)


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="unique_indicator_target_year")]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}: {self.value}"


class IndicatorValue(models.Model):
    """A value entered by hand for a year (the newest entry of a year counts; earlier ones are kept)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=255, blank=True)
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("entered by")
    )

    class Meta:
        ordering = ["indicator", "year", "-entered_at", "-pk"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}: {self.value}"
