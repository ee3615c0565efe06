"""Writes of applications, by the applicant (draft, submit) and the caseworker (reopen, move through the statuses).

application_start(*, call, organisation, user, today) -> Application
application_update(*, application, version, **fields) -> Application      # while utkast or mangler_info
application_submit(*, application, user, now, base_url="") -> Application   # reference + receipt e-mail
application_reopen(*, application, until, reason, today) -> Application   # late submission allowed until
application_move(*, application, target) -> Application                  # through the status table only
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.mail.services import mail_send
from integrering.core.versioning import expect_version
from integrering.grants.applicants.models import Organisation
from integrering.grants.applications.checks import application_complete_check
from integrering.grants.applications.models import Application, ReferenceCounter
from integrering.grants.applications.status import Status, transition_check
from integrering.grants.calls.models import Call

EDITABLE = (Status.DRAFT, Status.MISSING_INFO)
FIELDS = (
    "project_title",
    "project_summary",
    "starts_on",
    "ends_on",
    "activities",
    "target_group",
    "participant_count",
    "costs",
    "financing",
    "amount_applied",
)


def application_start(*, call: Call, organisation: Organisation, user: Any, today: datetime.date) -> Application:
    if organisation.county_id != call.county_id:
        raise ApplicationError(_("The organisation is not registered in this county."))
    if organisation.kind not in call.scheme.applicant_kinds:
        raise ApplicationError(
            _("%(kind)s cannot apply for this scheme."), params={"kind": organisation.get_kind_display()}
        )
    if not call.is_open_on(today):
        raise ApplicationError(_("The call is not open for applications."))
    return Application.objects.create(county_id=call.county_id, call=call, organisation=organisation, created_by=user)


@transaction.atomic
def application_update(*, application: Application, version: int | None, **fields: Any) -> Application:
    if application.status not in EDITABLE:
        raise ApplicationError(_("The application has been submitted and can no longer be changed."))
    municipalities = fields.pop("municipalities", None)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(fields)s"), params={"fields": ", ".join(sorted(unknown))})
    expect_version(application, version)
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    if municipalities is not None:
        application.municipalities.set(municipalities)
    return application


def _reference_next(*, county_id: int, year: int) -> str:
    """``TS-<year>-<nnnn>``: the UPDATE takes the counter's row lock, so two submissions never get the same."""
    ReferenceCounter.objects.get_or_create(county_id=county_id, year=year)
    ReferenceCounter.objects.filter(county_id=county_id, year=year).update(last=F("last") + 1)
    number = ReferenceCounter.objects.get(county_id=county_id, year=year).last
    return f"TS-{year}-{number:04d}"


def _deadline_check(application: Application, today: datetime.date) -> None:
    call = application.call
    if application.status == Status.MISSING_INFO or call.is_open_on(today):
        return
    if application.late_until is not None and today <= application.late_until:
        return
    raise ApplicationError(
        _("The deadline has passed. Ask the county's caseworker to reopen the application if you have a reason.")
    )


@transaction.atomic
def application_submit(*, application: Application, user: Any, now: datetime.datetime) -> Application:
    """Submit a draft (or send back a supplemented one): checks, reference, status, and a receipt by e-mail."""
    application = (
        Application.objects.select_for_update().select_related("call__scheme", "organisation").get(pk=application.pk)
    )
    target = Status.SCREENING if application.status == Status.MISSING_INFO else Status.SUBMITTED
    transition_check(application.status, target)
    today = timezone.localdate(now)
    _deadline_check(application, today)
    application_complete_check(application)
    if not application.reference:
        application.reference = _reference_next(county_id=application.county_id, year=today.year)
        application.submitted_at = now
    application.status = target
    application.save()
    for address in sorted({user.email, application.organisation.email} - {""}):
        mail_send(
            to=address,
            template="grants_receipt",
            context={"application": application, "call": application.call, "organisation": application.organisation},
            county=application.county,
            related=application,
        )
    return application


@transaction.atomic
def application_reopen(
    *, application: Application, until: datetime.date, reason: str, today: datetime.date
) -> Application:
    """Let a draft be submitted after the call's deadline, until ``until`` (the caseworker's decision, with its
    reason; the change is in the audit log with who made it). The organisation is told by e-mail."""
    application = Application.objects.select_for_update().select_related("call", "organisation").get(pk=application.pk)
    if application.status != Status.DRAFT:
        raise ApplicationError(_("Only a draft can be reopened for late submission."))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Give the reason for reopening."), field="reason")
    if until < today:
        raise ApplicationError(_("The new deadline cannot be in the past."), field="until")
    closes = application.call.closes_on
    if closes is not None and until <= closes:
        raise ApplicationError(
            _("The new deadline must be after the call's deadline (%(day)s)."),
            field="until",
            params={"day": closes.strftime("%d.%m.%Y")},
        )
    application.late_until, application.reopen_reason = until, reason
    application.save(update_fields=["late_until", "reopen_reason"])
    mail_send(
        to=application.organisation.email,
        template="grants_reopened",
        context={"application": application, "call": application.call, "until": until},
        county=application.county,
        related=application,
    )
    return application


@transaction.atomic
def application_move(*, application: Application, target: str) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    transition_check(application.status, target)
    application.status = target
    application.save(update_fields=["status"])
    return application
