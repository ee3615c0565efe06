"""The recommendation (innstilling) and the batch decision of a call, with the budget guard.

    recommendation_set(*, application, recommendation, amount=None, codes=()) -> Application   # → innstilt
    decisions_make(*, call, application_ids, today) -> list[Application]   # innstilt → innvilget / avslatt
                                                                            # + the frozen letter, e-mailed

**The budget is never overspent**: inside one transaction the call's row is locked (``select_for_update``), the
granted sum is read under that lock, and a batch that would take it over the frame is refused as a whole. A second
caseworker deciding at the same time waits for the lock and then sees the first one's grants.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.letterhead.selectors import Letterhead, letterhead_of
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import COMMITTED, Status, transition_check
from integrering.grants.calls.models import Call
from integrering.grants.decisions.letters import letter_freeze, letter_send


class BudgetExceeded(ApplicationError):
    default_code = "budget_exceeded"


@transaction.atomic
def recommendation_set(
    *, application: Application, recommendation: str, amount: int | None = None, codes: Iterable[str] = ()
) -> Application:
    application = Application.objects.select_for_update().select_related("call__scheme").get(pk=application.pk)
    transition_check(application.status, Status.RECOMMENDED)
    codes = list(codes)
    if recommendation == "grant":
        if amount is None or not 0 < amount <= (application.amount_applied or 0):
            raise ApplicationError(
                _("The proposed grant must be more than 0 and at most the amount applied for."), field="amount"
            )
        codes = []
    elif recommendation == "reject":
        known = {reason["code"] for reason in application.call.scheme.rejection_reasons}
        if not codes or set(codes) - known:
            raise ApplicationError(_("Choose one of the scheme's rejection reasons."), field="codes")
        amount = None
    else:
        raise ApplicationError(_("Recommend a grant or a rejection."), field="recommendation")
    application.recommendation, application.proposed_amount, application.rejection_codes = recommendation, amount, codes
    application.status = Status.RECOMMENDED
    application.save(update_fields=["recommendation", "proposed_amount", "rejection_codes", "status"])
    return application


def call_granted_sum(call: Call) -> int:
    committed = Application.objects.filter(call=call, status__in=COMMITTED)
    return committed.aggregate(total=Sum("granted_amount"))["total"] or 0


@transaction.atomic
def decisions_make(
    *, call: Call, application_ids: Iterable[int], today: datetime.date, language: str | None = None
) -> list[Application]:
    """Decide the recommended applications ``application_ids`` of ``call`` as recommended, all or nothing.

    The decision letters are written in ``language`` (``nb`` or ``nn``; default the site's default language)."""
    call = Call.objects.select_for_update(of=("self",)).select_related("scheme", "county").get(pk=call.pk)
    ids = set(application_ids)
    applications = list(
        Application.objects.select_for_update()
        .filter(call=call, pk__in=ids)
        .select_related("organisation")
        .order_by("pk")
    )
    if not ids or len(applications) != len(ids):
        raise ApplicationError(_("Choose recommended applications of this call."))
    for application in applications:
        if application.status != Status.RECOMMENDED:
            raise ApplicationError(
                _("%(reference)s is not recommended yet."), params={"reference": application.reference}
            )
    new = sum(a.proposed_amount or 0 for a in applications if a.recommendation == "grant")
    granted = call_granted_sum(call)
    if granted + new > call.budget_frame:
        raise BudgetExceeded(
            _(
                "The budget would be overspent: %(granted)s kr is granted already, these grants are %(new)s kr, "
                "and the frame is %(frame)s kr. Nothing was decided."
            ),
            params={"granted": granted, "new": new, "frame": call.budget_frame},
        )
    head = letterhead_of(call.county)
    for application in applications:
        _decide(application, call, today, head, language)
    return applications


def _decide(
    application: Application, call: Call, today: datetime.date, head: Letterhead, language: str | None = None
) -> None:
    application.call, application.county = call, call.county  # read once for the batch
    granted = application.recommendation == "grant"
    application.status = Status.GRANTED if granted else Status.REJECTED
    application.granted_amount = application.proposed_amount if granted else None
    application.decided_on = today
    application.acceptance_deadline = today + datetime.timedelta(days=call.acceptance_days) if granted else None
    application.save(update_fields=["status", "granted_amount", "decided_on", "acceptance_deadline"])
    # The letter is written now and stored as sent: the PDF on the application's page is the same text.
    letter_send(letter=letter_freeze(application=application, today=today, head=head, new=True, language=language))
