"""The daily job: reminders that are due, each at most once, and grants that lapse.

    reminders_due(*, today) -> list[Reminder]
    reminders_send(*, today, dry_run=False) -> list[Reminder]   # the ones sent now (or that would be)
    grants_lapse(*, today, dry_run=False) -> list[Application]  # innvilget past the acceptance deadline → bortfalt
    application_accept(*, application, today) -> Application   # the applicant accepts within the deadline

The reminders: the acceptance deadline in 7 days (``accept-7``), and the final report (due the project's end plus
the scheme's months, :func:`~integrering.grants.reports.services.report_due_on`) due in 60 days (``report-60``), in
14 days (``report-14``), today (``report-0``) and 14 days overdue (``report-overdue-14``) — each report reminder at
most once per grant and kind (its key is ``<kind>:<application>``), and only while the final report has not been
sent. A report reminder's window runs from its day to the next kind's day: a day the job did not run is caught up
the next day with the reminder of the window that day is in, never with an earlier one that no longer fits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.mail.services import mail_send
from integrering.grants.applications.models import Application
from integrering.grants.applications.services import application_move
from integrering.grants.applications.status import Status
from integrering.grants.reminders.models import SentReminder

ACCEPTANCE_NOTICE_DAYS = 7
# Report reminders: kind → days before the final report is due (negative: after), in the order they come.
REPORT_REMINDERS = [("report-60", 60), ("report-14", 14), ("report-0", 0), ("report-overdue-14", -14)]


@dataclass(frozen=True)
class Reminder:
    key: str
    kind: str
    application: Application
    due: datetime.date


def reminders_due(*, today: datetime.date) -> list[Reminder]:
    due = today + datetime.timedelta(days=ACCEPTANCE_NOTICE_DAYS)
    granted = Application.objects.filter(status=Status.GRANTED, acceptance_deadline=due).select_related(
        "organisation", "call", "county"
    )
    reminders = [Reminder(f"accept-7:{a.pk}:{due.isoformat()}", "accept-7", a, due) for a in granted.order_by("pk")]
    reminders += _report_reminders(today)
    sent = set(SentReminder.objects.filter(key__in=[r.key for r in reminders]).values_list("key", flat=True))
    return [r for r in reminders if r.key not in sent]


def report_reminder_kind(*, due: datetime.date, today: datetime.date) -> str | None:
    """The report reminder whose window ``today`` is in (the last kind whose day has come), or None before any."""
    current = None
    for kind, days in REPORT_REMINDERS:
        if today >= due - datetime.timedelta(days=days):
            current = kind
    return current


def _report_reminders(today: datetime.date) -> list[Reminder]:
    from integrering.grants.reports.services import report_due_on
    from integrering.grants.reports.status import ReportKind

    running = (
        Application.objects.filter(status=Status.ACCEPTED, ends_on__isnull=False)
        .exclude(reports__kind=ReportKind.FINAL)
        .select_related("organisation", "call__scheme", "county")
        .order_by("pk")
    )
    reminders = []
    for application in running:
        due = report_due_on(application)
        kind = report_reminder_kind(due=due, today=today) if due is not None else None
        if kind is not None and due is not None:
            reminders.append(Reminder(f"{kind}:{application.pk}", kind, application, due))
    return reminders


def _mail(reminder: Reminder) -> None:
    application = reminder.application
    if reminder.kind.startswith("report-"):
        template = "grants_report_reminder"
        context = {"application": application, "due": reminder.due, "overdue": reminder.kind == "report-overdue-14"}
    else:
        template, context = "grants_acceptance_reminder", {"application": application, "due": reminder.due}
    mail_send(
        to=application.organisation.email,
        template=template,
        context=context,
        county=application.county,
        related=application,
    )


def reminders_send(*, today: datetime.date, dry_run: bool = False) -> list[Reminder]:
    reminders = reminders_due(today=today)
    if dry_run:
        return reminders
    sent = []
    for reminder in reminders:
        try:
            with transaction.atomic():
                SentReminder.objects.create(
                    key=reminder.key, application=reminder.application, kind=reminder.kind, sent_on=today
                )
                _mail(reminder)
        except IntegrityError:
            continue  # another server sent it a moment ago
        sent.append(reminder)
    return sent


def grants_lapse(*, today: datetime.date, dry_run: bool = False) -> list[Application]:
    """Grants not accepted by their deadline lapse; their money returns to the call's budget."""
    lapsing = list(Application.objects.filter(status=Status.GRANTED, acceptance_deadline__lt=today).order_by("pk"))
    if not dry_run:
        for application in lapsing:
            application_move(application=application, target=Status.LAPSED)
    return lapsing


def application_accept(*, application: Application, today: datetime.date) -> Application:
    if application.status != Status.GRANTED:
        raise ApplicationError(_("Only a granted application can be accepted."))
    if application.acceptance_deadline is not None and today > application.acceptance_deadline:
        raise ApplicationError(_("The deadline for accepting the grant has passed."))
    return application_move(application=application, target=Status.ACCEPTED)
