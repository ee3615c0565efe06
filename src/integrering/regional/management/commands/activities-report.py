"""``integrering activities-report --county N --year Y --format csv|json [--output FILE]``: one row per activity
in the year (``dato;tittel;type;omrader;kommuner;organisasjoner;deltakere;status``), from the same selector as
the annual report's «regional» section."""

import json

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.regional.management.commands._common import county_get, format_check, output_write, refuse
from integrering.regional.report import COLUMNS, activities_report, jsonable
from integrering.tabular.csv_writer import write_csv


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Report the county's regional activities in a year as CSV (;) or JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help=gettext_lazy("county number, e.g. 50"))  # type: ignore[arg-type]  # lazy text
        parser.add_argument("--year", required=True, help=gettext_lazy("the year, e.g. 2025"))  # type: ignore[arg-type]  # lazy text
        parser.add_argument("--format", default="csv", dest="fmt", help=gettext_lazy("csv or json"))  # type: ignore[arg-type]  # lazy text
        parser.add_argument("--output", help=gettext_lazy("file to write to (default: the screen)"))  # type: ignore[arg-type]  # lazy text

    def handle(self, *args, county: str, year: str, fmt: str, output: str | None, **options) -> None:
        county_obj = county_get(county)
        format_check(fmt)
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            refuse([_("«%(year)s» is not a year (write for example 2025).") % {"year": year}])
        report = activities_report(county=county_obj, year=int(year)) or {
            "rows": [],
            "per_area": {},
            "municipalities_reached": 0,
        }
        if fmt == "json":
            data = jsonable(report)
            body = {key: data[key] for key in ("rows", "per_area", "municipalities_reached")}
            content = json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
        else:
            content = write_csv(COLUMNS, [[row[c] for c in COLUMNS] for row in report["rows"]])
        message = _("Wrote %(count)s activities to %(file)s.") % {"count": len(report["rows"]), "file": output}
        output_write(self, content, output, message)
