"""The daily job: reminders that are due, each at most once, and grants that lapse.

    reminders_due(*, today) -> list[Reminder]
    reminders_send(*, today, dry_run=False) -> list[Reminder]   # the ones sent now (or that would be)
    grants_lapse(*, today, dry_run=False) -> list[Application]  # innvilget past the acceptance deadline → bortfalt
    application_accept(*, application, today) -> Application   # the applicant accepts within the deadline

Reminders built so far: the acceptance deadline in 7 days. (Report reminders — due in 60 and 14 days, today,
14 days overdue — need the reports sub-domain, which is not built yet.)
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
    sent = set(SentReminder.objects.filter(key__in=[r.key for r in reminders]).values_list("key", flat=True))
    return [r for r in reminders if r.key not in sent]


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
                mail_send(
                    to=reminder.application.organisation.email,
                    template="grants_acceptance_reminder",
                    context={"application": reminder.application, "due": reminder.due},
                    county=reminder.application.county,
                    related=reminder.application,
                )
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
