"""The settlement year: the county's frame, criteria, scenarios, the recommendation, and the figures
per municipality (recommended, requested, decided, settled).

An empty figure (NULL) means unknown / not registered; 0 means zero («said no»). That difference is
kept in storage, forms, imports, exports, sums and display.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County
from integrering.municipalities.models import Municipality


class Stage(models.TextChoices):
    PLANNING = "planning", _("Planning")
    RECOMMENDED = "recommended", _("Recommended")
    REQUESTED = "requested", _("Requested")
    DECIDED = "decided", _("Decided")
    SETTLING = "settling", _("Settling")


class Method(models.TextChoices):
    OPTIMAL = "optimal", _("Optimal (least deviation from the quota)")
    SAINTE_LAGUE = "sainte-lague", _("Sainte-Laguë")
    DHONDT = "dhondt", _("D'Hondt")
    LARGEST_REMAINDER = "largest-remainder", _("Largest remainder (Hamilton)")


class SettlementYear(models.Model):
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="settlement_years")
    year = models.PositiveSmallIntegerField(_("year"))
    total = models.PositiveIntegerField(_("county total"), null=True, blank=True)
    total_minors = models.PositiveIntegerField(_("of which unaccompanied minors"), null=True, blank=True)
    frame_source = models.CharField(_("source of the frame"), max_length=255, blank=True)
    frame_date = models.DateField(_("date of the frame"), null=True, blank=True)
    recommendation_deadline = models.DateField(_("deadline for the recommendation"), null=True, blank=True)
    decision_deadline = models.DateField(_("deadline for the municipalities' decisions"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.PLANNING)
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped on every save.")

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["county", "year"], name="unique_settlement_year")]
        verbose_name = _("settlement year")
        verbose_name_plural = _("settlement years")

    def __str__(self) -> str:
        return f"{self.county.name} {self.year}"

    def get_additional_data(self) -> dict:
        return {"county": self.county.number}


FIGURE_FIELDS = (
    "recommended",
    "requested",
    "requested_ema",
    "decided",
    "decided_ema",
    "settled",
    "settled_ema",
    "agreed_not_settled",
)


class SettlementFigure(models.Model):
    """One municipality's figures for one settlement year. NULL = unknown; 0 = zero."""

    settlement_year = models.ForeignKey(SettlementYear, on_delete=models.CASCADE, related_name="figures")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="settlement_figures")
    recommended = models.PositiveIntegerField(_("recommended"), null=True, blank=True)
    requested = models.PositiveIntegerField(_("requested"), null=True, blank=True)
    requested_ema = models.PositiveIntegerField(_("requested, unaccompanied minors"), null=True, blank=True)
    decided = models.PositiveIntegerField(_("decided"), null=True, blank=True)
    decided_ema = models.PositiveIntegerField(_("decided, unaccompanied minors"), null=True, blank=True)
    settled = models.PositiveIntegerField(_("settled"), null=True, blank=True)
    settled_ema = models.PositiveIntegerField(_("settled, unaccompanied minors"), null=True, blank=True)
    agreed_not_settled = models.PositiveIntegerField(_("agreed, not yet settled"), null=True, blank=True)
    requested_on = models.DateField(_("date of the request"), null=True, blank=True)
    request_reference = models.CharField(_("reference to the request"), max_length=255, blank=True)
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    decision_reference = models.CharField(_("reference to the council decision"), max_length=255, blank=True)
    settled_as_of = models.DateField(_("settled figures as of"), null=True, blank=True)
    settled_source = models.CharField(_("source of the settled figures"), max_length=255, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped on every save.")

    class Meta:
        ordering = ["municipality__number"]
        constraints = [
            models.UniqueConstraint(fields=["settlement_year", "municipality"], name="unique_figure_per_year"),
            models.CheckConstraint(
                condition=Q(requested_ema__isnull=True)
                | Q(requested__isnull=True)
                | Q(requested_ema__lte=models.F("requested")),
                name="requested_ema_within_requested",
            ),
            models.CheckConstraint(
                condition=Q(decided_ema__isnull=True)
                | Q(decided__isnull=True)
                | Q(decided_ema__lte=models.F("decided")),
                name="decided_ema_within_decided",
            ),
            models.CheckConstraint(
                condition=Q(settled_ema__isnull=True)
                | Q(settled__isnull=True)
                | Q(settled_ema__lte=models.F("settled")),
                name="settled_ema_within_settled",
            ),
        ]
        verbose_name = _("settlement figure")
        verbose_name_plural = _("settlement figures")

    def __str__(self) -> str:
        return f"{self.municipality} {self.settlement_year.year}"

    def get_additional_data(self) -> dict:
        return {"county": self.settlement_year.county.number}


class CriterionDefinition(models.Model):
    """A criterion the county uses to distribute (population is built in, from the reference data)."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="criteria")
    code = models.SlugField(_("code"), max_length=40, help_text=_("Short name used in files and formulas."))
    name = models.CharField(_("name"), max_length=120)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["county", "code"], name="unique_criterion_code")]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"county": self.county.number}


class CriterionValue(models.Model):
    definition = models.ForeignKey(CriterionDefinition, on_delete=models.CASCADE, related_name="values")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="criterion_values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    source = models.CharField(_("source"), max_length=255, blank=True)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["definition", "municipality", "year"], name="unique_criterion_value"),
        ]
        verbose_name = _("criterion value")
        verbose_name_plural = _("criterion values")

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.year}: {self.value}"

    def get_additional_data(self) -> dict:
        return {"county": self.definition.county.number}


class Scenario(models.Model):
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
    base = models.DecimalField(_("base per participating municipality"), max_digits=8, decimal_places=2, default=0)
    criteria = models.JSONField(_("criteria and weights"), default=list)
    constraints = models.JSONField(_("exclusions, fixed numbers and caps"), default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped on every save.")

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

    class Meta:
        ordering = ["-run_at"]
        verbose_name = _("scenario run")
        verbose_name_plural = _("scenario runs")

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.run_at:%d.%m.%Y %H:%M}" if self.run_at else self.get_method_display()

    def get_additional_data(self) -> dict:
        return {"county": self.scenario.settlement_year.county.number}


class Recommendation(models.Model):
    """The county's recommendation for a year, frozen when made; a change makes a new version with a reason."""

    settlement_year = models.ForeignKey(SettlementYear, on_delete=models.CASCADE, related_name="recommendations")
    version = models.PositiveIntegerField(_("version"))
    run = models.ForeignKey(ScenarioRun, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    numbers = models.JSONField(help_text="{kommunenummer: number}")
    method_description = models.TextField(_("method and criteria"), blank=True)
    reason = models.TextField(_("reason"), blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["settlement_year", "version"], name="unique_recommendation_version")
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.settlement_year} v{self.version}"

    def get_additional_data(self) -> dict:
        return {"county": self.settlement_year.county.number}
