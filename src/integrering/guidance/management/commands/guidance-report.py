"""``integrering guidance-report --county 50 [--date YYYY-MM-DD] --format csv|json [--output FILE]``.

One row per participant, evaluated by the rules on ``--date`` (default today); a past date shows the
caseload as it stood then (``compliance.reports``). CSV (``;``) or JSON (an array of the same rows). Writes to
standard output unless ``--output`` is given. The report contains no names, only the municipality's references.
"""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from integrering.guidance.compliance import reports
from integrering.guidance.management.commands._common import county_get, refuse


class Command(BaseCommand):
    help = "Rapport per deltaker: målgruppe, rett og plikt til karriereveiledning, vedtaksfrist og funn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help="fylkesnummer, f.eks. 50")
        parser.add_argument("--date", help="vurderingsdato ÅÅÅÅ-MM-DD (standard: i dag)")
        parser.add_argument("--format", default="csv", help="csv eller json")
        parser.add_argument("--output", help="fil å skrive til (standard: skjermen)")

    def handle(self, *args, county: str, date: str | None, format: str, output: str | None, **options) -> None:
        county_obj = county_get(county)
        if format not in ("csv", "json"):
            refuse([f"Ukjent format «{format}»; bruk csv eller json."])
        try:
            day = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            refuse([f"Ugyldig dato «{date}»; bruk ÅÅÅÅ-MM-DD."])
        text, count = reports.report_export(county=county_obj, date=day, fmt=format)
        if output:
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as error:
                refuse([f"Kunne ikke skrive {output}: {error.strerror}."])
            self.stderr.write(f"Skrev {count} deltakere til {output}.")
        else:
            self.stdout.write(text, ending="")
