"""A report (rapport) on a grant: a status report (any number, at any time) or the one final report with the
accounts and, from the scheme's threshold, the accountant's confirmation (a declaration: the accountant's name,
organisation number, that they confirmed the accounts, and when)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import Versioned
from integrering.grants.applications.models import Application
from integrering.grants.reports.status import ReportKind, ReportStatus


class Report(Versioned):
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="reports", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED)
    text = models.TextField(_("what has been done"))
    # The final report's accounts, one line per cost line of the plan (whole kroner):
    # [{"item": "Lønn", "planned": 300000, "actual": 280000}, …]
    accounts = models.JSONField(_("accounts"), default=list, blank=True)
    accountant_name = models.CharField(_("accountant"), max_length=200, blank=True)
    accountant_orgnr = models.CharField(_("accountant's organisation number"), max_length=9, blank=True)
    accountant_confirmed = models.BooleanField(_("the accountant has confirmed the accounts"), default=False)
    accountant_date = models.DateField(_("date of the accountant's confirmation"), null=True, blank=True)
    # The accountant's signed confirmation as a file (one of the application's attachments, core/files).
    accountant_statement = models.ForeignKey(
        "core.StoredFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("the accountant's signed confirmation"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    submitted_at = models.DateTimeField(_("submitted"))
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    # What the caseworker asked for when they sent it back.
    message = models.TextField(_("what is missing"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["application"], condition=Q(kind="final"), name="grants_report_one_final"),
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.get_kind_display()}"

    @property
    def planned_total(self) -> int:
        return sum(line["planned"] for line in self.accounts)

    @property
    def actual_total(self) -> int:
        return sum(line["actual"] for line in self.accounts)
