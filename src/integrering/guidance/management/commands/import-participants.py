"""``integrering import-participants FILE --county 50 [--dry-run]``.

Exit 0 on success; exit 2 with Norwegian messages naming row and column when anything is wrong, and
then nothing is written. Rows are identified by county and ``referanse``: a re-import updates.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from integrering.guidance.management.commands._common import county_get, refuse
from integrering.guidance.participants import imports


class Command(BaseCommand):
    help = "Les inn deltakere (karriereveiledning) fra CSV eller XLSX for ett fylke."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FIL")
        parser.add_argument("--county", required=True, help="fylkesnummer, f.eks. 50")
        parser.add_argument("--dry-run", action="store_true", help="kontroller filen og vis hva som ville skjedd")

    def handle(self, *args, file: str, county: str, dry_run: bool, **options) -> None:
        path = Path(file)
        if not path.is_file():
            refuse([f"Fant ikke filen {file}."])
        county_obj = county_get(county)
        plan = imports.import_plan(county=county_obj, content=path.read_bytes(), filename=path.name)
        if not plan.ok:
            refuse([f"{file}: {e}" for e in plan.errors] + ["Ingenting ble lagret."])
        for column in plan.ignored_columns:
            self.stdout.write(f"Kolonnen «{column}» er ukjent og ble ikke lest.")
        new, old = plan.new_count, len(plan.rows) - plan.new_count
        if dry_run:
            self.stdout.write(f"Prøvekjøring: {new} nye og {old} oppdaterte deltakere. Ingenting ble lagret.")
            return
        result = imports.import_apply(plan)
        self.stdout.write(
            f"Lest inn {len(plan.rows)} deltakere for {county_obj.name}: {result.created} nye, "
            f"{result.updated} oppdatert, {result.guidance_completed} med fullført karriereveiledning."
        )
