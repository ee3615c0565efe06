"""The organisations that apply (a voluntary organisation, a business, or a municipality), and who belongs to them.

An application belongs to the organisation, not to the person who started it: every member sees and continues it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned
from integrering.grants.schemes.models import ApplicantKind


class Organisation(CountyOwned, Versioned):
    name = models.CharField(_("name"), max_length=200)
    orgnr = models.CharField(_("organisation number"), max_length=9)
    kind = models.CharField(_("kind"), max_length=20, choices=ApplicantKind.choices)
    # The municipality an applicant municipality is; for others where they are.
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    bank_account = models.CharField(_("bank account"), max_length=11)
    email = models.EmailField(_("e-mail for the organisation"))
    small_business = models.BooleanField(_("small business (state-aid rules)"), default=False)

    municipality_path = "municipality"

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("applicant organisation")
        verbose_name_plural = _("applicant organisations")
        constraints = [
            models.UniqueConstraint(fields=["county", "orgnr"], name="grants_organisation_unique_orgnr"),
            models.CheckConstraint(condition=Q(orgnr__regex=r"^[0-9]{9}$"), name="grants_organisation_orgnr_digits"),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grant_memberships")
    added = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("member of an organisation")
        verbose_name_plural = _("members of organisations")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="grants_membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"
