"""``integrering anonymise-participants [--days N] [--dry-run]``.

Anonymises participants whose last activity is older than ``--days`` (default the setting
PARTICIPANT_RETENTION_DAYS, 5 years). Meant to run daily from cron or a systemd timer.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.guidance.management.commands._common import refuse
from integrering.guidance.participants.anonymise import participants_anonymise


class Command(BaseCommand):
    help = gettext_lazy("Anonymise participants without activity in the retention period (keep the statistics).")  # type: ignore[assignment]  # lazy help: django-stubs types help as str

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            help=gettext_lazy("days without activity (default %(days)s)")
            % {"days": settings.PARTICIPANT_RETENTION_DAYS},
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("only show how many would be anonymised"),  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        )

    def handle(self, *args, days: int | None, dry_run: bool, **options) -> None:
        if days is not None and days < 1:
            refuse([_("--days must be at least 1.")])
        days = settings.PARTICIPANT_RETENTION_DAYS if days is None else days
        count = participants_anonymise(days=days, dry_run=dry_run)
        if dry_run:
            message = _("Dry run: %(count)s participants without activity for %(days)s days would be anonymised.")
        else:
            message = _("Anonymised %(count)s participants without activity for %(days)s days.")
        self.stdout.write(message % {"count": count, "days": days})
