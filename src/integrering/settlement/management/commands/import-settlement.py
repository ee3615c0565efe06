"""``integrering import-settlement FILE --county 50 --year 2024 [--dato DATO] [--kilde TEKST] [--dry-run]``.

Exit 0 on success; exit 2 with Norwegian messages naming row and column when anything is wrong, and
then nothing is written. A year that does not exist yet is created. ``--dato``/``--kilde`` are the date
and reference of the document the file comes from (see :mod:`integrering.settlement.figures.sources`).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from integrering.core.models import County
from integrering.settlement.errors import InvalidFigures
from integrering.settlement.figures import imports, services
from integrering.settlement.figures.sources import Document, display
from integrering.settlement.management.cli_support import (
    NorwegianErrors,
    date_argument,
    fail,
    os_error_text,
    plural,
    source_argument,
    year_argument,
)


class Command(NorwegianErrors, BaseCommand):
    help = "Les inn IMDis tall (anmodet, vedtatt, bosatt …) fra CSV eller XLSX for ett fylke og ett år."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FIL")
        parser.add_argument("--county", required=True, help="fylkesnummer, f.eks. 50")
        parser.add_argument("--year", required=True, type=year_argument, help="bosettingsåret, f.eks. 2024")
        parser.add_argument(
            "--dato",
            type=date_argument,
            default=None,
            metavar="DATO",
            help="dokumentets dato (dd.mm.åååå): lagres med anmodningstallene og bosettingstallene filen endrer",
        )
        parser.add_argument(
            "--kilde",
            type=source_argument,
            default="",
            metavar="TEKST",
            help="referanse til dokumentet, f.eks. «IMDi, anmodning 2025, ref. 24/01234»",
        )
        parser.add_argument("--dry-run", action="store_true", help="vis hva som ville blitt endret, skriv ingenting")

    def handle(self, *args, file: str, county: str, year: int, dato, kilde: str, dry_run: bool, **options) -> None:
        path = Path(file)
        if not path.is_file():
            fail([f"Fant ikke filen {file}."])
        # The file's limits (size, rows, columns, unpacked size) are checked first, before anything is parsed
        # into the database's terms: a hostile file costs bounded memory and is refused naming the limit.
        try:
            with path.open("rb") as handle:
                content, table = imports.file_read(handle, path.name)
        except OSError as error:
            fail([f"Kunne ikke lese {file}: {os_error_text(error)}."])
        except imports.FileError as error:
            fail([f"{file}: {error.user_message}", "Ingenting ble lagret."])
        county_obj = County.objects.filter(number=county.zfill(2)).first()
        if county_obj is None:
            fail([f"Ukjent fylkesnummer: {county}."])
        plan = imports.import_plan(
            county=county_obj,
            year=year,
            content=content,
            filename=path.name,
            document=Document(dato, kilde),
            table=table,
        )
        if not plan.ok:
            fail([f"{file}: {e}" for e in plan.errors] + ["Ingenting ble lagret."])
        for column in plan.ignored_columns:
            self.stdout.write(f"Kolonnen «{column}» er ukjent og ble ikke lest.")
        for warning in plan.warnings:
            self.stdout.write(warning)
        for change in plan.changes:
            self.stdout.write(f"{change.municipality}: {change.column} {display(change.old)} → {display(change.new)}")
        if dry_run:
            self.stdout.write(
                f"Prøvekjøring: {plural(len(plan.changes), 'verdi', 'verdier')} i "
                f"{plural(plan.changed_municipalities, 'kommune', 'kommuner')} ville blitt endret. "
                "Ingenting ble lagret."
            )
            return
        try:
            _, changed = services.figures_apply(county=county_obj, year=year, rows=plan.rows)
        except InvalidFigures as error:
            fail([error.user_message, "Ingenting ble lagret."])
        self.stdout.write(
            f"Lest inn {plural(len(plan.rows), 'kommune', 'kommuner')} for {county_obj.name} {year}; {changed} endret."
        )
