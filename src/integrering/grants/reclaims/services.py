"""Writes of reclaims. Invariant: the sum of an application's reclaims never exceeds what has been paid.

paid_total(application) -> int
reclaim_create(*, application, amount, reason, due_on, user, today) -> Reclaim   # and e-mails the letter
reclaim_mark_repaid(*, reclaim, on) -> Reclaim
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.mail.services import mail_send
from integrering.grants.applications.models import Application
from integrering.grants.payments.models import Payment, PaymentStatus
from integrering.grants.reclaims.models import Reclaim, ReclaimStatus


def paid_total(application: Application) -> int:
    paid = Payment.objects.filter(application=application, status=PaymentStatus.PAID)
    return paid.aggregate(total=Sum("amount"))["total"] or 0


@transaction.atomic
def reclaim_create(
    *,
    application: Application,
    amount: int,
    reason: str,
    due_on: datetime.date,
    user: Any,
    today: datetime.date,
) -> Reclaim:
    """Reclaim part of what was paid; the application's row lock keeps two reclaims from passing the sum paid."""
    application = (
        Application.objects.select_for_update().select_related("organisation", "call__scheme").get(pk=application.pk)
    )
    claimed = Reclaim.objects.filter(application=application).aggregate(total=Sum("amount"))["total"] or 0
    left = paid_total(application) - claimed
    if amount is None or amount <= 0 or amount > left:
        raise ApplicationError(
            _("A reclaim must be more than 0 and at most what is paid and not already reclaimed: %(left)s kr."),
            params={"left": max(left, 0)},
            field="amount",
        )
    if not (reason or "").strip():
        raise ApplicationError(_("Give the reason for the reclaim."), field="reason")
    if due_on is None or due_on < today:
        raise ApplicationError(_("The day to repay by cannot be in the past."), field="due_on")
    reclaim = Reclaim.objects.create(
        application=application, amount=amount, reason=reason.strip(), due_on=due_on, created_by=user
    )
    mail_send(
        to=application.organisation.email,
        template="grants_reclaim_letter",
        context={"application": application, "reclaim": reclaim, "scheme": application.call.scheme},
        county=application.county,
        related=application,
    )
    return reclaim


@transaction.atomic
def reclaim_mark_repaid(*, reclaim: Reclaim, on: datetime.date) -> Reclaim:
    reclaim = Reclaim.objects.select_for_update().get(pk=reclaim.pk)
    if reclaim.status != ReclaimStatus.OPEN:
        raise ApplicationError(_("The reclaim is already registered as repaid."))
    if on is None:
        raise ApplicationError(_("Give the day it was repaid."), field="repaid_on")
    reclaim.status, reclaim.repaid_on = ReclaimStatus.REPAID, on
    reclaim.save(update_fields=["status", "repaid_on"])
    return reclaim
