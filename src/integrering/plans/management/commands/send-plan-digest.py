"""``integrering send-plan-digest [--dry-run]``: the weekly e-mail to each responsible person about their measures
not followed up; idempotent per ISO week (safe to run daily from a timer, and on several servers)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.core.joblock import busy_message, single_run
from integrering.plans.plans.digest import digests_send, iso_week


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Send each responsible person the week's digest of their measures not followed up."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("show who would get it; send nothing"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str

    def handle(self, *args, dry_run: bool, **options) -> None:
        if dry_run:
            self._run(dry_run)
            return
        # Every server's timer may start this: one run at a time does the work (core/joblock.py).
        with single_run("send-plan-digest") as lease:
            if not lease.acquired:
                self.stdout.write(busy_message("send-plan-digest", lease))
                return
            self._run(dry_run)

    def _run(self, dry_run: bool) -> None:
        base_url = getattr(settings, "SITE_URL", "").rstrip("/")
        digests = digests_send(dry_run=dry_run, base_url=base_url)
        for digest in digests:
            values = {"user": digest.user.username, "count": len(digest.measures)}
            if dry_run:
                self.stdout.write(_("Would send to %(user)s: %(count)s measures.") % values)
            elif digest.sent:
                self.stdout.write(_("Sent to %(user)s: %(count)s measures.") % values)
            else:
                self.stdout.write(_("Already sent this week to %(user)s.") % values)
        sent = sum(1 for d in digests if d.sent)
        self.stdout.write(_("Week %(week)s: %(sent)s digests sent.") % {"week": iso_week(), "sent": sent})
