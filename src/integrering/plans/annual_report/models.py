"""The annual report's editable introduction per section and year, and the record of each weekly digest sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned


class SectionIntroduction(CountyOwned, Versioned):
    year = models.PositiveSmallIntegerField(_("year"))
    section = models.CharField(_("section"), max_length=32)
    text = models.TextField(_("introduction"), blank=True)

    class Meta:
        ordering = ["year", "section"]
        verbose_name = _("introduction to a section of the annual report")
        verbose_name_plural = _("introductions to the annual report")
        constraints = [
            models.UniqueConstraint(fields=["county", "year", "section"], name="unique_annual_report_introduction")
        ]


class DigestSent(CountyOwned):
    """One weekly digest to one person: the unique key (ISO year and week, user) makes the command idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(_("week"), max_length=8)  # «2026-W49»
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    measures = models.PositiveIntegerField(_("measures"), default=0)

    class Meta:
        verbose_name = _("plan digest sent")
        verbose_name_plural = _("plan digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="unique_plan_digest_per_week")]
