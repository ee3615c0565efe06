"""``integrering send-reminders [--today YYYY-MM-DD] [--dry-run]``: the grants' daily job, for a timer.

Sends the reminders that are due (each at most once: re-running the same day sends nothing new), one line per
reminder, and ends with «N påminnelser sendt» (or «… ville blitt sendt» with ``--dry-run``). Grants not accepted
by their deadline lapse (their money returns to the call's budget).
"""

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from integrering.core.exceptions import ApplicationError
from integrering.core.joblock import busy_message, single_run
from integrering.grants.reminders.services import Reminder, grants_lapse, reminders_send


def reminder_line(reminder: Reminder) -> str:
    texts = {
        "accept-7": _("%(reference)s: accept the grant by %(day)s → %(to)s"),
        "report-60": _("%(reference)s: the final report is due %(day)s (in 60 days) → %(to)s"),
        "report-14": _("%(reference)s: the final report is due %(day)s (in 14 days) → %(to)s"),
        "report-0": _("%(reference)s: the final report is due %(day)s (today) → %(to)s"),
        "report-overdue-14": _("%(reference)s: the final report was due %(day)s (14 days overdue) → %(to)s"),
    }
    return texts[reminder.kind] % {
        "reference": reminder.application.reference,
        "day": reminder.due.strftime("%d.%m.%Y"),
        "to": reminder.application.organisation.email,
    }


class Command(BaseCommand):
    help = gettext_lazy("Send the grants' reminders that are due, once each; let unaccepted grants lapse.")  # type: ignore[assignment]  # lazy help: django-stubs types help as str

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help=gettext_lazy("the day to run for, YYYY-MM-DD (default: today)"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("only show what would be sent"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str

    def handle(self, *args, today, dry_run, **options) -> None:
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise ApplicationError(_("Invalid date «%(date)s»; use YYYY-MM-DD.") % {"date": today}) from error
        if dry_run:
            self._run(day, dry_run)
            return
        # Every server's timer may start this: one run at a time does the work (core/joblock.py).
        with single_run("send-reminders") as lease:
            if not lease.acquired:
                self.stdout.write(busy_message("send-reminders", lease))
                return
            self._run(day, dry_run)

    def _run(self, day: datetime.date, dry_run: bool) -> None:
        for application in grants_lapse(today=day, dry_run=dry_run):
            self.stdout.write(
                _("%(reference)s: not accepted by %(day)s, lapses")
                % {"reference": application.reference, "day": f"{application.acceptance_deadline:%d.%m.%Y}"}
            )
        reminders = reminders_send(today=day, dry_run=dry_run)
        for reminder in reminders:
            self.stdout.write(reminder_line(reminder))
        n = len(reminders)
        if dry_run:
            self.stdout.write(ngettext("%(n)s reminder would be sent", "%(n)s reminders would be sent", n) % {"n": n})
        else:
            self.stdout.write(ngettext("%(n)s reminder sent", "%(n)s reminders sent", n) % {"n": n})
