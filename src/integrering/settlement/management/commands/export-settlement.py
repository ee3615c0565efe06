"""``integrering export-settlement --county 50 --year 2024 --format csv|xlsx|pdf --output FILE [--public]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.settlement.figures import exports
from integrering.settlement.management.cli_support import NorwegianErrors, any_year_argument, fail, os_error_text
from integrering.settlement.years.selectors import year_of_county


class Command(NorwegianErrors, BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Write the year's figures per municipality (recommended, requested, decided, settled …) as CSV, XLSX or PDF."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help=_("county number, e.g. 50"))
        parser.add_argument("--year", required=True, type=any_year_argument)
        parser.add_argument("--format", required=True, choices=sorted(exports.FORMATS), dest="fmt")
        parser.add_argument("--output", required=True, metavar="FIL")
        parser.add_argument(
            "--public", action="store_true", help=_("public edition: numbers from 1 to 4 are shown as «<5»")
        )

    def handle(self, *args, county: str, year: int, fmt: str, output: str, public: bool, **options) -> None:
        settlement_year = year_of_county(county, year)
        if settlement_year is None:
            fail(
                [
                    _("Could not find the settlement year %(year)s for county %(county)s.")
                    % {"year": year, "county": county}
                ]
            )
        content = exports.settlement_export(settlement_year, fmt=fmt, public=public)[0]
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            fail([_("Could not write %(file)s: %(reason)s.") % {"file": output, "reason": os_error_text(error)}])
        self.stdout.write(_("Wrote %(file)s (%(size)s bytes).") % {"file": output, "size": len(content)})
