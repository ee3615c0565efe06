"""``integrering import-settlement FILE --county 50 --year 2024 [--dry-run]``.

Exit 0 on success; exit 2 with Norwegian messages naming row and column when anything is wrong, and
then nothing is written. A year that does not exist yet is created.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from integrering.core.models import County
from integrering.settlement import imports, services


def fail(messages: list[str]) -> None:
    for message in messages:
        sys.stderr.write(message + "\n")
    sys.exit(2)


class Command(BaseCommand):
    help = "Les inn IMDis tall (anmodet, vedtatt, bosatt …) fra CSV eller XLSX for ett fylke og ett år."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FIL")
        parser.add_argument("--county", required=True, help="fylkesnummer, f.eks. 50")
        parser.add_argument("--year", required=True, type=int, help="bosettingsåret, f.eks. 2024")
        parser.add_argument("--dry-run", action="store_true", help="vis hva som ville blitt endret, skriv ingenting")

    def handle(self, *args, file: str, county: str, year: int, dry_run: bool, **options) -> None:
        path = Path(file)
        if not path.is_file():
            fail([f"Fant ikke filen {file}."])
        county_obj = County.objects.filter(number=county.zfill(2)).first()
        if county_obj is None:
            fail([f"Ukjent fylkesnummer: {county}."])
        if not 2000 <= year <= 2100:
            fail([f"Ugyldig år: {year}."])
        plan = imports.import_plan(county=county_obj, year=year, content=path.read_bytes(), filename=path.name)
        if not plan.ok:
            fail([f"{file}: {e}" for e in plan.errors] + ["Ingenting ble lagret."])
        for column in plan.ignored_columns:
            self.stdout.write(f"Kolonnen «{column}» er ukjent og ble ikke lest.")
        for change in plan.changes:
            old = "tom" if change.old is None else change.old
            new = "tom" if change.new is None else change.new
            self.stdout.write(f"{change.municipality}: {change.column} {old} → {new}")
        if dry_run:
            self.stdout.write(
                f"Prøvekjøring: {len(plan.changes)} verdier i {plan.changed_municipalities} kommuner ville blitt endret. Ingenting ble lagret."
            )
            return
        try:
            _, changed = services.figures_apply(county=county_obj, year=year, rows=plan.rows)
        except services.InvalidFigures as error:
            fail([str(error), "Ingenting ble lagret."])
        self.stdout.write(f"Lest inn {len(plan.rows)} kommuner for {county_obj.name} {year}; {changed} endret.")
