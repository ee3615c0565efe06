"""``integrering evaluate-participants [--county 50] [--all]``.

Refreshes the cached findings whose result depends on the date alone (no decision yet: the decision
deadline passes). Run daily, before office hours. ``--all`` re-evaluates every participant (after an
upgrade that adds a rule-set version).
"""

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.guidance.compliance.services import participants_refresh
from integrering.guidance.management.commands._common import county_get


class Command(BaseCommand):
    help = gettext_lazy("Refresh the findings of participants whose deadline may have passed since last time.")  # type: ignore[assignment]  # lazy help: django-stubs types help as str

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", help=gettext_lazy("only this county"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument("--all", action="store_true", help=gettext_lazy("evaluate every participant again"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str

    def handle(self, *args, county: str | None, all: bool, **options) -> None:
        county_obj = county_get(county) if county else None
        count = participants_refresh(county=county_obj, everything=all)
        self.stdout.write(_("Evaluated %(count)s participants again.") % {"count": count})
