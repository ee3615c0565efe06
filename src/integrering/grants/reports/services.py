"""Writes of reports, by the applicant (submit, send again) and the caseworker (approve, ask for more).

    report_due_on(application) -> date | None            # the final report: project end + the scheme's months
    accountant_required(application) -> bool             # the grant is at or above the scheme's threshold
    report_submit(*, application, user, kind, text, now, actual=None, total=None, accountant=None) -> Report
    report_resubmit(*, report, user, version, text, now, actual=None, total=None, accountant=None) -> Report
    report_approve(*, report, user, now) -> Report       # a final report: the grant closes when all is paid
    report_return(*, report, user, message, now) -> Report   # e-mails the organisation what is missing

Status reports are sent at any time while the grant runs (no payment request needed); there is one final report,
sent again (the same report) after the caseworker has asked for more.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.no import orgnr as orgnr_check

from integrering.core.exceptions import ApplicationError
from integrering.core.files.services import file_store, upload_check
from integrering.core.mail.services import mail_send
from integrering.core.versioning import expect_version
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import Status
from integrering.grants.payments.services import grant_close_if_done
from integrering.grants.reports.models import Report
from integrering.grants.reports.status import ReportKind, ReportStatus, report_transition_check


def months_add(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole months; a day the month lacks becomes its last (31.01 + 1 → 28.02 or 29.02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def report_due_on(application: Application) -> datetime.date | None:
    if application.ends_on is None:
        return None
    return months_add(application.ends_on, application.call.scheme.report_due_months)


def accountant_required(application: Application) -> bool:
    return (application.granted_amount or 0) >= application.call.scheme.accountant_threshold


def _accounts(application: Application, actual: Sequence[int] | None, total: int | None) -> list[dict[str, Any]]:
    """The cost plan's lines with what they actually cost; the total stated must be the sum of the lines."""
    costs = application.costs
    if actual is None or len(actual) != len(costs) or any(a is None or a < 0 for a in actual):
        raise ApplicationError(_("Give the actual cost of every line of the cost plan (0 or more kroner)."))
    if total is None or total != sum(actual):
        raise ApplicationError(
            _("The total actual costs (%(total)s kr) are not the sum of the lines (%(sum)s kr)."),
            params={"total": total if total is not None else "–", "sum": sum(actual)},
            field="total",
        )
    return [{"item": line["item"], "planned": line["amount"], "actual": amount} for line, amount in zip(costs, actual)]


def _accountant(
    application: Application, accountant: dict[str, Any] | None, today: datetime.date, has_statement: bool = False
) -> dict[str, Any]:
    """The accountant's confirmation, required from the scheme's threshold; below it, none: the declaration (name,
    organisation number, date) and the signed confirmation as a file (``statement``, an upload; a report sent
    again keeps the file it has unless a new one is given)."""
    if not accountant_required(application):
        return {"accountant_name": "", "accountant_orgnr": "", "accountant_confirmed": False, "accountant_date": None}
    given = accountant or {}
    name = (given.get("name") or "").strip()
    number = "".join(ch for ch in str(given.get("orgnr") or "") if ch.isdigit())
    day = given.get("date")
    threshold = {"threshold": application.call.scheme.accountant_threshold}
    if not name:
        raise ApplicationError(
            _("A grant of %(threshold)s kr or more needs the accountant's confirmation: give the accountant's name."),
            params=threshold,
            field="accountant_name",
        )
    if not orgnr_check.is_valid(number):
        raise ApplicationError(
            _("The accountant's organisation number is not valid (9 digits with a correct check digit)."),
            field="accountant_orgnr",
        )
    if not given.get("confirmed"):
        raise ApplicationError(
            _("Confirm that the accountant has confirmed the accounts."), field="accountant_confirmed"
        )
    if day is None or day > today:
        raise ApplicationError(
            _("Give the date of the accountant's confirmation (not in the future)."), field="accountant_date"
        )
    statement = given.get("statement")
    if statement is None and not has_statement:
        raise ApplicationError(
            _("Attach the accountant's signed confirmation (PDF or image)."), field="accountant_statement"
        )
    if statement is not None:
        try:
            upload_check(statement)  # before anything is written: a wrong file is a form error, nothing half-saved
        except ApplicationError as error:
            error.field = "accountant_statement"
            raise
    return {
        "accountant_name": name,
        "accountant_orgnr": number,
        "accountant_confirmed": True,
        "accountant_date": day,
        STATEMENT: statement,
    }


def _statement_store(report: Report, upload: Any, user: Any) -> None:
    """The signed confirmation is stored as one of the application's attachments, so the organisation and the
    caseworker download it where they download the others (permission-checked, never a public address)."""
    if upload is None:
        return
    report.accountant_statement = file_store(upload=upload, owner=report.application, purpose="attachment", user=user)
    report.save(update_fields=["accountant_statement"])


STATEMENT = "statement_upload"  # in _content's result: the file to store once the report is written


def _content(application, kind, text, actual, total, accountant, today, has_statement=False) -> dict[str, Any]:
    if not (text or "").strip():
        raise ApplicationError(_("Write what has been done."), field="text")
    if kind == ReportKind.STATUS:
        return {"text": text.strip()}
    return {
        "text": text.strip(),
        "accounts": _accounts(application, actual, total),
        **_accountant(application, accountant, today, has_statement),
    }


@transaction.atomic
def report_submit(
    *,
    application: Application,
    user: Any,
    kind: str,
    text: str,
    now: datetime.datetime,
    actual: Sequence[int] | None = None,
    total: int | None = None,
    accountant: dict[str, Any] | None = None,
) -> Report:
    application = Application.objects.select_for_update().select_related("call__scheme").get(pk=application.pk)
    if application.status != Status.ACCEPTED:
        raise ApplicationError(_("Reports are sent on an accepted grant that is not closed."))
    if kind not in ReportKind.values:
        raise ApplicationError(_("Unknown kind of report."))
    if kind == ReportKind.FINAL and application.reports.filter(kind=ReportKind.FINAL).exists():
        raise ApplicationError(
            _("The final report has already been sent. When the county asks for more, change it and send it again.")
        )
    content = _content(application, kind, text, actual, total, accountant, timezone.localdate(now))
    statement = content.pop(STATEMENT, None)
    report = Report.objects.create(application=application, kind=kind, submitted_by=user, submitted_at=now, **content)
    _statement_store(report, statement, user)
    return report


@transaction.atomic
def report_resubmit(
    *,
    report: Report,
    user: Any,
    version: int | None,
    text: str,
    now: datetime.datetime,
    actual: Sequence[int] | None = None,
    total: int | None = None,
    accountant: dict[str, Any] | None = None,
) -> Report:
    """Send a report again after the caseworker asked for more (mangler_info → sendt)."""
    report = Report.objects.select_for_update().select_related("application__call__scheme").get(pk=report.pk)
    report_transition_check(report.status, ReportStatus.SUBMITTED)
    expect_version(report, version)
    content = _content(
        report.application,
        report.kind,
        text,
        actual,
        total,
        accountant,
        timezone.localdate(now),
        has_statement=report.accountant_statement_id is not None,
    )
    statement = content.pop(STATEMENT, None)
    for name, value in content.items():
        setattr(report, name, value)
    report.status, report.submitted_by, report.submitted_at = ReportStatus.SUBMITTED, user, now
    report.save()
    _statement_store(report, statement, user)
    return report


@transaction.atomic
def report_approve(*, report: Report, user: Any, now: datetime.datetime) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    report_transition_check(report.status, ReportStatus.APPROVED)
    report.status, report.handled_by, report.handled_at = ReportStatus.APPROVED, user, now
    report.save(update_fields=["status", "handled_by", "handled_at"])
    if report.kind == ReportKind.FINAL:
        grant_close_if_done(application=report.application)
    return report


@transaction.atomic
def report_return(*, report: Report, user: Any, message: str, now: datetime.datetime) -> Report:
    """Ask for more: the report goes back to the organisation, which gets an e-mail saying what is missing."""
    report = Report.objects.select_for_update().select_related("application__organisation").get(pk=report.pk)
    report_transition_check(report.status, ReportStatus.RETURNED)
    if not (message or "").strip():
        raise ApplicationError(_("Say what is missing."), field="message")
    report.status, report.handled_by, report.handled_at = ReportStatus.RETURNED, user, now
    report.message = message.strip()
    report.save(update_fields=["status", "handled_by", "handled_at", "message"])
    application = report.application
    mail_send(
        to=application.organisation.email,
        template="grants_report_returned",
        context={"application": application, "report": report, "message": report.message},
        county=application.county,
        related=application,
    )
    return report
