"""The county's recommendation for a year: frozen versions, each from a scenario run (or plain numbers)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.settlement.scenarios.models import ScenarioRun
from integrering.settlement.years.models import SettlementYear


class Recommendation(models.Model):
    """The county's recommendation for a year, frozen when made; a change makes a new version with a reason."""

    settlement_year = models.ForeignKey(SettlementYear, on_delete=models.CASCADE, related_name="recommendations")
    version = models.PositiveIntegerField(_("version"))
    run = models.ForeignKey(ScenarioRun, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    numbers = models.JSONField(help_text="{kommunenummer: number}")
    minors = models.JSONField(
        _("of which unaccompanied minors"),
        null=True,
        blank=True,
        help_text="{kommunenummer: of which unaccompanied minors}, or null (no minors' frame)",
    )
    method_description = models.TextField(_("method and criteria"), blank=True)
    reason = models.TextField(_("reason"), blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)
    # The letter to IMDi, chosen when the version is frozen (and frozen with it).
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case officer"),
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signer"),
    )
    our_reference = models.CharField(_("our reference"), max_length=100, blank=True)
    their_reference = models.CharField(_("your reference"), max_length=100, blank=True)

    county_path = "settlement_year__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["settlement_year", "version"], name="unique_recommendation_version")
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.settlement_year} v{self.version}"

    @property
    def minors_total(self) -> int | None:
        """The sum of the unaccompanied minors, or None when the recommendation has none (no frame)."""
        return None if self.minors is None else sum(int(v) for v in self.minors.values())

    def get_additional_data(self) -> dict:
        return {"county": self.settlement_year.county.number}
