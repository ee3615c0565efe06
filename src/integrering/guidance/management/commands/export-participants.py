"""``integrering export-participants --county 50 [--municipality 5001] --format csv|xlsx [--output FILE]``.

The participant register of a county (or one of its municipalities) for the municipality: CSV (``;``, UTF-8 with
byte order mark) or XLSX, formula-safe (``participants.exports``). CSV goes to standard output unless ``--output``
is given; XLSX needs ``--output``. The export is personal data and is logged (from the command line) in the
county's audit log. Anonymised participants are left out.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from integrering.guidance.management.commands._common import county_get, refuse
from integrering.guidance.participants.exports import FORMATS, participants_export
from integrering.guidance.participants.selectors import participants_of_county
from integrering.municipalities.models import Municipality


class Command(BaseCommand):
    help = "Eksporter deltakerne i et fylke (eller én kommune) til CSV eller XLSX for kommunen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help="fylkesnummer, f.eks. 50")
        parser.add_argument("--municipality", help="bare denne kommunen (kommunenummer, f.eks. 5001)")
        parser.add_argument("--format", default="csv", help="csv eller xlsx")
        parser.add_argument("--output", help="fil å skrive til (standard for CSV: skjermen)")

    def handle(self, *args, county: str, municipality: str | None, format: str, output: str | None, **options):
        county_obj = county_get(county)
        if format not in FORMATS:
            refuse([f"Ukjent format «{format}»; bruk csv eller xlsx."])
        if format == "xlsx" and not output:
            refuse(["XLSX kan ikke skrives til skjermen; oppgi en fil med --output."])
        municipality_obj = None
        if municipality:
            number = municipality.strip().zfill(4)
            municipality_obj = Municipality.objects.filter(number=number, county=county_obj).first()
            if municipality_obj is None:
                refuse([f"Kommune {municipality} finnes ikke i fylke {county_obj.number}."])
        where = municipality_obj.number if municipality_obj else county_obj.number
        content, count = participants_export(
            participants=participants_of_county(county_obj, municipality=municipality_obj),
            fmt=format,
            county=county_obj,
            description=f"export-participants {where} (kommandolinje)",
        )
        if output:
            try:
                Path(output).write_bytes(content)
            except OSError as error:
                refuse([f"Kunne ikke skrive {output}: {error.strerror}."])
            self.stderr.write(f"Skrev {count} deltakere til {output}.")
        else:
            self.stdout.write(content.decode("utf-8-sig"), ending="")
            sys.stdout.flush()
