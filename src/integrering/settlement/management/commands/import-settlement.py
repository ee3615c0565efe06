"""``integrering import-settlement FILE --county 50 [--year 2024] [--dato DATO] [--kilde TEKST] [--dry-run]``.

``--year`` is needed for the application's own columns; an IMDi statistics file (long format, see
:mod:`integrering.settlement.figures.imdi`) imports every year in it without ``--year``, or only ``--year``.

Exit 0 on success; exit 2 with Norwegian messages naming row and column when anything is wrong, and
then nothing is written. A year that does not exist yet is created. ``--dato``/``--kilde`` are the date
and reference of the document the file comes from (see :mod:`integrering.settlement.figures.sources`).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.core.models import County
from integrering.settlement.errors import InvalidFigures
from integrering.settlement.figures import imports, services
from integrering.settlement.figures.imdi import imdi_plans
from integrering.settlement.figures.sources import Document, display
from integrering.settlement.management.cli_support import (
    NorwegianErrors,
    date_argument,
    fail,
    municipalities_text,
    os_error_text,
    source_argument,
    values_text,
    year_argument,
)

NOTHING_SAVED = gettext_lazy("Nothing was saved.")


class Command(NorwegianErrors, BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Import IMDi's figures (requested, decided, settled …) from CSV or XLSX for one county: one year, or "
        "every year of an IMDi statistics file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FIL")
        parser.add_argument("--county", required=True, help=_("county number, e.g. 50"))
        parser.add_argument(
            "--year",
            type=year_argument,
            default=None,
            help=_("the settlement year, e.g. 2024 (for an IMDi statistics file: all years in it when omitted)"),
        )
        parser.add_argument(
            "--dato",
            type=date_argument,
            default=None,
            metavar="DATO",
            help=_("the document's date (dd.mm.yyyy): stored with the requested and settled figures the file changes"),
        )
        parser.add_argument(
            "--kilde",
            type=source_argument,
            default="",
            metavar="TEKST",
            help=_("reference to the document, e.g. «IMDi, anmodning 2025, ref. 24/01234»"),
        )
        parser.add_argument("--dry-run", action="store_true", help=_("show what would change, write nothing"))

    def handle(
        self, *args, file: str, county: str, year: int | None, dato, kilde: str, dry_run: bool, **options
    ) -> None:
        path = Path(file)
        if not path.is_file():
            fail([_("Could not find the file %(file)s.") % {"file": file}])
        # The file's limits (size, rows, columns, unpacked size) are checked first, before anything is parsed
        # into the database's terms: a hostile file costs bounded memory and is refused naming the limit.
        try:
            with path.open("rb") as handle:
                content, table = imports.file_read(handle, path.name)
        except OSError as error:
            fail([_("Could not read %(file)s: %(reason)s.") % {"file": file, "reason": os_error_text(error)}])
        except imports.FileError as error:
            fail([f"{file}: {error.user_message}", NOTHING_SAVED])
        county_obj = County.objects.filter(number=county.zfill(2)).first()
        if county_obj is None:
            fail([_("Unknown county number: %(county)s.") % {"county": county}])
        if imports.is_imdi_table(table):
            self._imdi(file, county_obj, year, table, Document(dato, kilde), dry_run)
            return
        if year is None:
            fail([_("Give the year with --year (only IMDi's statistics files have the year in the file).")])
        plan = imports.import_plan(
            county=county_obj,
            year=year,
            content=content,
            filename=path.name,
            document=Document(dato, kilde),
            table=table,
        )
        if not plan.ok:
            fail([f"{file}: {e}" for e in plan.errors] + [NOTHING_SAVED])
        for column in plan.ignored_columns:
            self.stdout.write(_("The column «%(column)s» is unknown and was not read.") % {"column": column})
        for warning in plan.warnings:
            self.stdout.write(warning)
        for change in plan.changes:
            self.stdout.write(f"{change.municipality}: {change.column} {display(change.old)} → {display(change.new)}")
        if dry_run:
            self.stdout.write(
                _("Dry run: %(values)s in %(municipalities)s would have been changed. Nothing was saved.")
                % {
                    "values": values_text(len(plan.changes)),
                    "municipalities": municipalities_text(plan.changed_municipalities),
                }
            )
            return
        try:
            changed = services.figures_apply(county=county_obj, year=year, rows=plan.rows)[1]
        except InvalidFigures as error:
            fail([error.user_message, NOTHING_SAVED])
        self.stdout.write(
            _("Imported %(municipalities)s for %(county)s %(year)s; %(changed)s changed.")
            % {
                "municipalities": municipalities_text(len(plan.rows)),
                "county": county_obj.name,
                "year": year,
                "changed": changed,
            }
        )

    def _imdi(self, file: str, county, year: int | None, table: list[list], document: Document, dry_run: bool) -> None:
        """IMDi's long format: every year in the file (or only ``year``), all years in one transaction."""
        plans, read = imdi_plans(county=county, table=table, year=year, document=document)
        errors = read.errors + [error for plan in plans for error in plan.errors]
        if errors:
            fail([f"{file}: {e}" for e in errors] + [NOTHING_SAVED])
        for note in read.notes():
            self.stdout.write(note)
        for plan in plans:
            for change in plan.changes:
                self.stdout.write(
                    f"{plan.year} {change.municipality}: {change.column} {display(change.old)} → {display(change.new)}"
                )
        if dry_run:
            for plan in plans:
                self.stdout.write(
                    _("Dry run: %(year)s: %(values)s in %(municipalities)s would have been changed.")
                    % {
                        "year": plan.year,
                        "values": values_text(len(plan.changes)),
                        "municipalities": municipalities_text(plan.changed_municipalities),
                    }
                )
            self.stdout.write(str(NOTHING_SAVED))
            return
        try:
            changed = services.figures_apply_years(county=county, plans=plans)
        except InvalidFigures as error:
            fail([error.user_message, NOTHING_SAVED])
        for plan in plans:
            self.stdout.write(
                _("Imported %(municipalities)s for %(county)s %(year)s; %(changed)s changed.")
                % {
                    "municipalities": municipalities_text(len(plan.rows)),
                    "county": county.name,
                    "year": plan.year,
                    "changed": changed[plan.year],
                }
            )
