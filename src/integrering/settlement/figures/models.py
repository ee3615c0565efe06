"""The figures per municipality and year: recommended, requested, decided, settled (and of them minors).

An empty figure (NULL) means unknown / not registered; 0 means zero («said no»). That difference is
kept in storage, forms, imports, exports, sums and display.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.municipalities.models import Municipality
from integrering.settlement.years.models import SettlementYear

FIGURE_FIELDS = (
    "recommended",
    "original_requested",
    "requested",
    "requested_ema",
    "decided",
    "decided_ema",
    "settled",
    "settled_ema",
    "agreed_not_settled",
)
# The column of each figure in our import and export files (file column → model field), in file order. The one
# mapping for our own files and for IMDi's long format (which has the figures from «opprinnelig_anmodet» to
# «bosatt_ema»).
FIGURE_FILE_COLUMNS = {
    "anbefalt": "recommended",
    "opprinnelig_anmodet": "original_requested",
    "anmodet": "requested",
    "anmodet_ema": "requested_ema",
    "vedtatt": "decided",
    "vedtatt_ema": "decided_ema",
    "bosatt": "settled",
    "bosatt_ema": "settled_ema",
    "avtalt_ikke_bosatt": "agreed_not_settled",
}
# Written only by the recommendation (its unaccompanied minors), never edited as a figure.
RECOMMENDED_FIELDS = ("recommended", "recommended_ema")


class SettlementFigure(Versioned):
    """One municipality's figures for one settlement year. NULL = unknown; 0 = zero."""

    settlement_year = models.ForeignKey(SettlementYear, on_delete=models.CASCADE, related_name="figures")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="settlement_figures")
    recommended = models.PositiveIntegerField(_("recommended"), null=True, blank=True)
    recommended_ema = models.PositiveIntegerField(
        _("recommended, unaccompanied minors"), null=True, blank=True, editable=False
    )
    accepts_minors = models.BooleanField(
        _("can take unaccompanied minors"),
        default=True,
        help_text=_("A scenario spreads the county's frame for unaccompanied minors only over these municipalities."),
    )
    original_requested = models.PositiveIntegerField(
        _("original request"),
        null=True,
        blank=True,
        help_text=_(
            "IMDi's first request of the year, when the request was changed later (IMDi's «Opprinnelig anmodning»)."
        ),
    )
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

    county_path = "settlement_year__county"
    municipality_path = "municipality"
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__number"]
        constraints = [
            models.UniqueConstraint(fields=["settlement_year", "municipality"], name="unique_figure_per_year"),
            models.CheckConstraint(
                condition=Q(recommended_ema__isnull=True)
                | Q(recommended__isnull=True)
                | Q(recommended_ema__lte=models.F("recommended")),
                name="recommended_ema_within_recommended",
            ),
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
