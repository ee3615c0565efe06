"""A payment (utbetaling) of a grant: an instalment requested, attested by one caseworker, approved by another
(never the same person: a database constraint too), and marked paid."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from integrering.grants.applications.models import Application


class PaymentStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ATTESTED = "attested", _("Attested")
    APPROVED = "approved", _("Approved")
    PAID = "paid", _("Paid")


class Payment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payments")
    amount = models.PositiveBigIntegerField(_("amount (kr)"))
    status = models.CharField(
        _("status"), max_length=12, choices=PaymentStatus.choices, default=PaymentStatus.REQUESTED
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # The applicant who asked for it (a member of the organisation); empty when a caseworker created it.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    attested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    paid_on = models.DateField(_("paid"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grants_payment_positive"),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("attested_by")),
                name="grants_payment_two_persons",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.amount}"
