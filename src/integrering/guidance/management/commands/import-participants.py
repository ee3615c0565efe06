"""``integrering import-participants FILE --county 50 [--dry-run]``.

Exit 0 on success; exit 2 with Norwegian messages naming row and column when anything is wrong, and
then nothing is written. Rows are identified by county and ``referanse``: a re-import updates.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.guidance.management.commands._common import county_get, refuse
from integrering.guidance.participants import imports


class Command(BaseCommand):
    help = gettext_lazy("Import participants (career guidance) from CSV or XLSX for one county.")  # type: ignore[assignment]  # lazy help: django-stubs types help as str

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar=gettext_lazy("FILE"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument("--county", required=True, help=gettext_lazy("county number, e.g. 50"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("check the file and show what would happen"),  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        )

    def handle(self, *args, file: str, county: str, dry_run: bool, **options) -> None:
        path = Path(file)
        if not path.is_file():
            refuse([_("Could not find the file %(file)s.") % {"file": file}])
        county_obj = county_get(county)
        with path.open("rb") as handle:  # read at most to the size limit, never the whole of a huge file
            plan = imports.import_plan(county=county_obj, content=handle, filename=path.name)
        if not plan.ok:
            refuse([f"{file}: {e}" for e in plan.errors] + [_("Nothing was saved.")])
        for column in plan.ignored_columns:
            self.stdout.write(_("The column «%(column)s» is unknown and was not read.") % {"column": column})
        new, old = plan.new_count, len(plan.rows) - plan.new_count
        if dry_run:
            self.stdout.write(
                _("Dry run: %(new)s new and %(old)s updated participants. Nothing was saved.")
                % {"new": new, "old": old}
            )
            return
        result = imports.import_apply(plan)
        self.stdout.write(
            _(
                "Imported %(total)s participants for %(county)s: %(created)s new, %(updated)s updated, "
                "%(completed)s with completed career guidance."
            )
            % {
                "total": len(plan.rows),
                "county": county_obj.name,
                "created": result.created,
                "updated": result.updated,
                "completed": result.guidance_completed,
            }
        )
