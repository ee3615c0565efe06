"""A grant scheme (tilskuddsordning): who may apply, for what, on which terms, assessed how.

The structured parts — criteria with weights, the payment plan, the coded rejection reasons — are small lists kept
as JSON on the scheme (validated by :mod:`integrering.grants.schemes.services`): they are read and written as a
whole with the scheme and never queried on their own.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned


class ApplicantKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipalities")
    ORGANISATION = "organisation", _("Voluntary and other organisations")
    BUSINESS = "business", _("Businesses")


class Scheme(CountyOwned, Versioned):
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    purpose = models.TextField(_("purpose"))
    applicant_kinds = models.JSONField(_("who may apply"), default=list)
    max_share_percent = models.PositiveSmallIntegerField(_("maximum share of costs (%)"))
    max_share_small_business_percent = models.PositiveSmallIntegerField(
        _("maximum share of costs for small businesses (%)"), null=True, blank=True
    )
    # [{"code": "kvalitet", "name": "…", "weight": 40}, …]; the weights add up to 100.
    criteria = models.JSONField(_("assessment criteria"), default=list)
    conditions = models.TextField(_("standard conditions"), blank=True)
    report_due_months = models.PositiveSmallIntegerField(_("report due (months after the project ends)"), default=3)
    accountant_threshold = models.PositiveIntegerField(_("accountant's confirmation from (kr)"), default=200_000)
    # Instalments as percentages of the grant, in order: [75, 25] or [100]; they add up to 100.
    payment_plan = models.JSONField(_("payment plan"), default=list)
    # [{"code": "A1", "text": "…"}, …]
    rejection_reasons = models.JSONField(_("standard rejection reasons"), default=list)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("grant scheme")
        verbose_name_plural = _("grant schemes")
        constraints = [
            models.UniqueConstraint(fields=["county", "code"], name="grants_scheme_unique_code"),
            models.CheckConstraint(
                condition=Q(max_share_percent__gte=1, max_share_percent__lte=100), name="grants_scheme_share_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def applicant_kind_labels(self) -> list[str]:
        labels = dict(ApplicantKind.choices)
        return [str(labels[kind]) for kind in self.applicant_kinds if kind in labels]

    def rejection_reason_text(self, code: str) -> str:
        return next((reason["text"] for reason in self.rejection_reasons if reason["code"] == code), code)
