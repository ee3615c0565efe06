"""A reclaim (tilbakekrav): part or all of a paid grant that the organisation must repay, with the reason, the day
to repay by, and when it was repaid. The sum of an application's reclaims never exceeds what was paid."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.grants.applications.models import Application


class ReclaimStatus(models.TextChoices):
    OPEN = "open", _("Open")
    REPAID = "repaid", _("Repaid")


class Reclaim(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="reclaims", verbose_name=_("application")
    )
    amount = models.PositiveBigIntegerField(_("amount (kr)"))
    reason = models.TextField(_("reason"))
    due_on = models.DateField(_("repay by"))
    status = models.CharField(_("status"), max_length=10, choices=ReclaimStatus.choices, default=ReclaimStatus.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    repaid_on = models.DateField(_("repaid"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("reclaim")
        verbose_name_plural = _("reclaims")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grants_reclaim_positive"),
            models.CheckConstraint(
                condition=Q(status="open", repaid_on__isnull=True) | Q(status="repaid", repaid_on__isnull=False),
                name="grants_reclaim_repaid_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} −{self.amount}"
