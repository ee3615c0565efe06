"""``integrering export-settlement --county 50 --year 2024 --format csv|xlsx|pdf --output FILE [--public]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from integrering.settlement.figures import exports
from integrering.settlement.management.cli_support import NorwegianErrors, any_year_argument, fail, os_error_text
from integrering.settlement.years.selectors import year_of_county


class Command(NorwegianErrors, BaseCommand):
    help = "Skriv ut årets tall per kommune (anbefalt, anmodet, vedtatt, bosatt …) som CSV, XLSX eller PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help="fylkesnummer, f.eks. 50")
        parser.add_argument("--year", required=True, type=any_year_argument)
        parser.add_argument("--format", required=True, choices=sorted(exports.FORMATS), dest="fmt")
        parser.add_argument("--output", required=True, metavar="FIL")
        parser.add_argument("--public", action="store_true", help="offentlig utgave: tall fra 1 til 4 vises som «<5»")

    def handle(self, *args, county: str, year: int, fmt: str, output: str, public: bool, **options) -> None:
        settlement_year = year_of_county(county, year)
        if settlement_year is None:
            fail([f"Fant ikke bosettingsåret {year} for fylke {county}."])
        content, _, _ = exports.settlement_export(settlement_year, fmt=fmt, public=public)
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            fail([f"Kunne ikke skrive {output}: {os_error_text(error)}."])
        self.stdout.write(f"Skrev {output} ({len(content)} byte).")
