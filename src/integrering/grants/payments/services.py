"""Writes of payments. Invariants: a payment never exceeds what is committed and not yet paid or underway; the
person who attests a payment does not approve it.

    payment_create(*, application, amount=None) -> Payment        # default: the next instalment of the plan
    payment_attest(*, payment, user) -> Payment
    payment_approve(*, payment, user) -> Payment                  # another caseworker than the one who attested
    payment_mark_paid(*, payment, on) -> Payment
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import Status
from integrering.grants.payments.models import Payment, PaymentStatus


def _next_instalment(application: Application, underway: int) -> int:
    granted = application.granted_amount or 0
    paid_share = 0
    for percent in application.call.scheme.payment_plan:
        amount = granted * percent // 100
        if paid_share + amount > underway:
            return paid_share + amount - underway
        paid_share += amount
    return granted - underway


@transaction.atomic
def payment_create(*, application: Application, amount: int | None = None) -> Payment:
    application = Application.objects.select_for_update().select_related("call__scheme").get(pk=application.pk)
    if application.status not in (Status.ACCEPTED, Status.CLOSED):
        raise ApplicationError(_("Only an accepted grant can be paid."))
    underway = Payment.objects.filter(application=application).aggregate(total=Sum("amount"))["total"] or 0
    left = (application.granted_amount or 0) - underway
    amount = _next_instalment(application, underway) if amount is None else amount
    if amount <= 0 or amount > left:
        raise ApplicationError(
            _("The payment must be more than 0 and at most what is granted and not yet paid: %(left)s kr."),
            params={"left": left},
            field="amount",
        )
    return Payment.objects.create(application=application, amount=amount)


@transaction.atomic
def payment_attest(*, payment: Payment, user: Any) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.REQUESTED:
        raise ApplicationError(_("Only a requested payment can be attested."))
    payment.status, payment.attested_by = PaymentStatus.ATTESTED, user
    payment.save(update_fields=["status", "attested_by"])
    return payment


@transaction.atomic
def payment_approve(*, payment: Payment, user: Any) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.ATTESTED:
        raise ApplicationError(_("Only an attested payment can be approved."))
    if payment.attested_by_id == user.pk:
        raise ApplicationError(_("The one who attested a payment cannot approve it: another caseworker must."))
    payment.status, payment.approved_by = PaymentStatus.APPROVED, user
    payment.save(update_fields=["status", "approved_by"])
    return payment


def payment_mark_paid(*, payment: Payment, on: datetime.date) -> Payment:
    if payment.status != PaymentStatus.APPROVED:
        raise ApplicationError(_("Only an approved payment can be marked paid."))
    payment.status, payment.paid_on = PaymentStatus.PAID, on
    payment.save(update_fields=["status", "paid_on"])
    return payment
