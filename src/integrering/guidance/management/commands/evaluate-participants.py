"""``integrering evaluate-participants [--county 50] [--all]``.

Refreshes the cached findings whose result depends on the date alone (no decision yet: the decision
deadline passes). Run daily, before office hours. ``--all`` re-evaluates every participant (after an
upgrade that adds a rule-set version).
"""

from django.core.management.base import BaseCommand, CommandParser

from integrering.guidance.compliance.services import participants_refresh
from integrering.guidance.management.commands._common import county_get


class Command(BaseCommand):
    help = "Oppdater funn for deltakere der fristen kan ha gått ut siden sist."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", help="bare dette fylket")
        parser.add_argument("--all", action="store_true", help="vurder alle deltakere på nytt")

    def handle(self, *args, county: str | None, all: bool, **options) -> None:
        county_obj = county_get(county) if county else None
        count = participants_refresh(county=county_obj, everything=all)
        self.stdout.write(f"Vurderte {count} deltakere på nytt.")
