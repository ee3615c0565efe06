"""A call (utlysning): one scheme's round in one year, with its budget frame and deadlines.

A call either closes on a date, or is rolling (open until the budget is spent) with review dates on which the
applications received so far are assessed together.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned
from integrering.grants.schemes.models import Scheme


class Call(CountyOwned, Versioned):
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="calls", verbose_name=_("scheme"))
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    budget_frame = models.PositiveBigIntegerField(_("budget frame (kr)"))
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("application deadline"), null=True, blank=True)
    rolling = models.BooleanField(_("rolling until the budget is spent"), default=False)
    # ISO dates ("2026-04-01") on which a rolling call's applications are reviewed.
    review_dates = models.JSONField(_("review dates"), default=list, blank=True)
    information = models.TextField(_("what the application must say"), blank=True)
    acceptance_days = models.PositiveSmallIntegerField(_("days to accept a grant"), default=21)
    published = models.BooleanField(_("published"), default=False)

    class Meta:
        ordering = ["-year", "scheme__name", "pk"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "year"], name="grants_call_one_per_scheme_year"),
            models.CheckConstraint(
                condition=Q(rolling=True) | Q(closes_on__isnull=False), name="grants_call_deadline_or_rolling"
            ),
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True) | Q(closes_on__gte=F("opens_on")),
                name="grants_call_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day) -> bool:
        return self.published and self.opens_on <= day and (self.closes_on is None or day <= self.closes_on)
