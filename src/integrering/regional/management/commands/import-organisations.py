"""``integrering import-organisations FILE [--county N] [--dry-run]``: voluntary organisations from
Enhetsregisteret's bulk download (CSV, plain or .csv.gz), streamed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.regional.management.commands._common import county_get, refuse
from integrering.regional.organisations.imports import organisations_import


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Import the county's voluntary organisations from Enhetsregisteret's CSV file (plain or gzip)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=gettext_lazy("the file from Enhetsregisteret"))  # type: ignore[arg-type]  # lazy text
        parser.add_argument("--county", default="50", help=gettext_lazy("county number, e.g. 50"))  # type: ignore[arg-type]  # lazy text
        dry_run_help = gettext_lazy("show what would change, write nothing")
        parser.add_argument("--dry-run", action="store_true", help=dry_run_help)  # type: ignore[arg-type]  # lazy text

    def handle(self, *args, file: str, county: str, dry_run: bool, **options) -> None:
        county_obj = county_get(county)
        path = Path(file)
        if not path.is_file():
            refuse([_("The file %(file)s does not exist.") % {"file": file}])
        summary = organisations_import(county=county_obj, path=path, dry_run=dry_run)
        for line in summary.errors:
            self.stderr.write(line)
        self.stdout.write(
            _(
                "Rows read: %(rows)s. New: %(new)s, updated: %(updated)s, unchanged: %(unchanged)s, "
                "marked «no longer in Enhetsregisteret»: %(marked)s, skipped: %(skipped)s."
            )
            % summary.as_dict()
        )
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
