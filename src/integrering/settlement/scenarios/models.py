"""Scenarios (ways to distribute the year's total) and their runs, saved with every input."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.settlement.years.models import SettlementYear


class Method(models.TextChoices):
    OPTIMAL = "optimal", _("Optimal (least deviation from the quota)")
    SAINTE_LAGUE = "sainte-lague", _("Sainte-Laguë")
    DHONDT = "dhondt", _("D'Hondt")
    LARGEST_REMAINDER = "largest-remainder", _("Largest remainder (Hamilton)")


class Scenario(Versioned):
    """A way to distribute the year's total, editable until it is chosen as the recommendation.

    ``criteria``: list of {"code": str, "weight": float, "exponent": float}; the code ``folketall``
    is population on 1 January of the settlement year (or the latest year available).
    ``constraints``: {kommunenummer: {"excluded": bool, "fixed": int|None, "minimum": int|None,
    "cap": int|None, "reason": str}} — an exclusion or a fixed number always carries a reason.
    """

    settlement_year = models.ForeignKey(SettlementYear, on_delete=models.CASCADE, related_name="scenarios")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    method = models.CharField(_("method"), max_length=24, choices=Method.choices, default=Method.OPTIMAL)
    total = models.PositiveIntegerField(_("total to distribute"), null=True, blank=True)
    min_lot = models.PositiveIntegerField(_("minimum lot"), default=10)
    minors_min_lot = models.PositiveIntegerField(_("minimum lot for unaccompanied minors"), default=0)
    base = models.DecimalField(_("base per participating municipality"), max_digits=8, decimal_places=2, default=0)
    criteria = models.JSONField(_("criteria and weights"), default=list)
    constraints = models.JSONField(_("exclusions, fixed numbers and caps"), default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    county_path = "settlement_year__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"county": self.settlement_year.county.number}


class ScenarioRun(models.Model):
    """One run of a scenario, saved with every input so that it can be reproduced exactly."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="runs")
    run_at = models.DateTimeField(auto_now_add=True)
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(max_length=24, choices=Method.choices)
    inputs = models.JSONField(help_text="The engine's full input: municipalities, criteria values, parameters.")
    result = models.JSONField(help_text="Rows: kommunenummer, navn, antall, kvote, forklaring, details.")
    objective = models.FloatField(null=True, blank=True)
    engine_version = models.CharField(max_length=40, blank=True)

    county_path = "scenario__settlement_year__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-run_at"]
        verbose_name = _("scenario run")
        verbose_name_plural = _("scenario runs")

    def __str__(self) -> str:
        if not self.run_at:
            return self.get_method_display()
        return f"{self.get_method_display()} {timezone.localtime(self.run_at):%d.%m.%Y %H:%M}"  # Norwegian time

    def get_additional_data(self) -> dict:
        return {"county": self.scenario.settlement_year.county.number}
