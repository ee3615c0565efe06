"""``integrering anonymise-participants [--days N] [--dry-run]``.

Anonymises participants whose last activity is older than ``--days`` (default the setting
PARTICIPANT_RETENTION_DAYS, 5 years). Meant to run daily from cron or a systemd timer.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from integrering.guidance.management.commands._common import refuse
from integrering.guidance.participants.anonymise import participants_anonymise


class Command(BaseCommand):
    help = "Anonymiser deltakere uten aktivitet i oppbevaringstiden (behold statistikken)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, help=f"dager uten aktivitet (standard {settings.PARTICIPANT_RETENTION_DAYS})"
        )
        parser.add_argument("--dry-run", action="store_true", help="vis bare hvor mange som ville blitt anonymisert")

    def handle(self, *args, days: int | None, dry_run: bool, **options) -> None:
        if days is not None and days < 1:
            refuse(["--days må være minst 1."])
        days = settings.PARTICIPANT_RETENTION_DAYS if days is None else days
        count = participants_anonymise(days=days, dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"Prøvekjøring: {count} deltakere uten aktivitet på {days} dager ville blitt anonymisert."
            )
        else:
            self.stdout.write(f"Anonymiserte {count} deltakere uten aktivitet på {days} dager.")
