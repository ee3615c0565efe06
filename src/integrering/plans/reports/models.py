"""Period reports: while open they show the plan as it is; completing one freezes a JSON snapshot of every measure
(status, light, latest update) and every indicator's values, which later edits never change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.plans.plans.models import Plan


class PeriodReport(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reports", verbose_name=_("plan"))
    title = models.CharField(_("title"), max_length=255)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by"),
    )
    snapshot = models.JSONField(_("snapshot"), null=True, blank=True, editable=False)

    county_path = "plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "-end", "-pk"]
        verbose_name = _("period report")
        verbose_name_plural = _("period reports")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="period_report_period_order"),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True, snapshot__isnull=True)
                | Q(completed_at__isnull=False, snapshot__isnull=False),
                name="period_report_completed_has_snapshot",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def completed(self) -> bool:
        return self.completed_at is not None
