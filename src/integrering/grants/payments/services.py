"""Writes of payments. Invariants: a payment never exceeds what is committed and not yet paid or underway; the
person who attests a payment does not approve it.

    payment_create(*, application, amount=None, requested_by=None) -> Payment   # default: the plan's next instalment
    payment_request(*, application, user) -> Payment              # the applicant asks for the next instalment
    payment_attest(*, payment, user) -> Payment
    payment_approve(*, payment, user) -> Payment                  # another caseworker than the one who attested
    payment_mark_paid(*, payment, on) -> Payment                  # and closes the grant when everything is done
    grant_close_if_done(*, application) -> bool                   # akseptert → avsluttet

The payment plan is followed: when it has more than one instalment, the last one is paid only after the final
report is approved («75 % on acceptance, 25 % after the report»); a plan of one instalment pays it all at once.
A grant is closed (avsluttet) when its final report is approved and all of it is paid.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.grants.applications.models import Application
from integrering.grants.applications.services import application_move
from integrering.grants.applications.status import Status
from integrering.grants.payments.models import Payment, PaymentStatus
from integrering.grants.reports.models import Report
from integrering.grants.reports.status import ReportKind, ReportStatus


def _next_instalment(application: Application, underway: int) -> int:
    granted = application.granted_amount or 0
    paid_share = 0
    for percent in application.call.scheme.payment_plan:
        amount = granted * percent // 100
        if paid_share + amount > underway:
            return paid_share + amount - underway
        paid_share += amount
    return granted - underway


def before_report(application: Application) -> int:
    """What may be paid before the final report is approved: all but the last instalment of a plan of several."""
    plan = application.call.scheme.payment_plan
    granted = application.granted_amount or 0
    if len(plan) < 2:
        return granted
    return sum(granted * percent // 100 for percent in plan[:-1])


def final_report_approved(application: Application) -> bool:
    return Report.objects.filter(application=application, kind=ReportKind.FINAL, status=ReportStatus.APPROVED).exists()


@transaction.atomic
def payment_create(*, application: Application, amount: int | None = None, requested_by: Any = None) -> Payment:
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
    if underway + amount > before_report(application) and not final_report_approved(application):
        raise ApplicationError(
            _(
                "By the scheme's payment plan the last instalment (%(amount)s kr) is paid after the final report is "
                "approved."
            ),
            params={"amount": underway + amount - before_report(application)},
        )
    return Payment.objects.create(application=application, amount=amount, requested_by=requested_by)


def payment_request(*, application: Application, user: Any) -> Payment:
    """The applicant asks for the next instalment of the plan; the caseworkers attest, approve and pay it."""
    if application.payments.exclude(status=PaymentStatus.PAID).exists():
        raise ApplicationError(_("A payment is already being processed. Wait until it is paid before asking again."))
    return payment_create(application=application, requested_by=user)


@transaction.atomic
def grant_close_if_done(*, application: Application) -> bool:
    """Close an accepted grant whose final report is approved and which is paid in full (nothing underway)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Status.ACCEPTED or not final_report_approved(application):
        return False
    payments = Payment.objects.filter(application=application)
    if payments.exclude(status=PaymentStatus.PAID).exists():
        return False
    paid = payments.aggregate(total=Sum("amount"))["total"] or 0
    if paid < (application.granted_amount or 0):
        return False
    application_move(application=application, target=Status.CLOSED)
    return True


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


@transaction.atomic
def payment_mark_paid(*, payment: Payment, on: datetime.date) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.APPROVED:
        raise ApplicationError(_("Only an approved payment can be marked paid."))
    payment.status, payment.paid_on = PaymentStatus.PAID, on
    payment.save(update_fields=["status", "paid_on"])
    grant_close_if_done(application=payment.application)
    return payment
