"""``integrering grants-report --county N --year Y [--scheme CODE] --format csv|json [--output FILE]``.

One row per application (drafts are not listed) and a final «Sum» row; CSV ``;`` with BOM, or JSON
``{"rows": [...], "sum": {...}}`` with the same keys. The same selector makes the XLSX in the UI and the annual
report's section.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.core.exceptions import ApplicationError
from integrering.core.models import County
from integrering.grants.exports.selectors import grants_report_csv, grants_report_json, grants_report_rows
from integrering.grants.models import Scheme


class Command(BaseCommand):
    help = gettext_lazy("The grants report: one row per application with amounts, and a sum row.")  # type: ignore[assignment]  # lazy help: django-stubs types help as str

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help=gettext_lazy("county number, e.g. 50"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str
        parser.add_argument("--year", required=True, help=gettext_lazy("the calls' year"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str
        parser.add_argument("--scheme", help=gettext_lazy("only this scheme's code"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str
        parser.add_argument("--format", default="csv", help=gettext_lazy("csv or json"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str
        parser.add_argument("--output", help=gettext_lazy("file to write to (default: the screen)"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str

    def handle(self, *args, county, year, scheme, format, output, **options) -> None:
        county_obj = County.objects.filter(number=str(county).strip().zfill(2)).first()
        if county_obj is None:
            raise ApplicationError(_("Unknown county number: %(number)s.") % {"number": county})
        if not str(year).isdigit():
            raise ApplicationError(_("Invalid year «%(year)s».") % {"year": year})
        if format not in ("csv", "json"):
            raise ApplicationError(_("Unknown format «%(format)s»; use csv or json.") % {"format": format})
        if scheme and not Scheme.objects.filter(county=county_obj, code=scheme).exists():
            raise ApplicationError(_("Unknown scheme code: %(code)s.") % {"code": scheme})
        rows, sums = grants_report_rows(county=county_obj, year=int(year), scheme_code=scheme)
        body = grants_report_csv(rows, sums) if format == "csv" else grants_report_json(rows, sums).encode("utf-8")
        if output:
            try:
                Path(output).write_bytes(body)
            except OSError as error:
                raise ApplicationError(
                    _("Could not write %(file)s: %(reason)s.") % {"file": output, "reason": error.strerror}
                ) from error
            self.stderr.write(_("Wrote %(count)s applications to %(file)s.") % {"count": len(rows), "file": output})
        else:
            # The CSV keeps its BOM (a U+FEFF character first), so that Excel reads it as UTF-8.
            self.stdout.write(body.decode("utf-8"), ending="")
