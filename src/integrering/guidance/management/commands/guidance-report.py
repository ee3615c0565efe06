"""``integrering guidance-report --county 50 [--date YYYY-MM-DD] --format csv|json [--output FILE]``.

One row per participant, evaluated by the rules on ``--date`` (default today); a past date shows the
caseload as it stood then (``compliance.reports``). CSV (``;``) or JSON (an array of the same rows). Writes to
standard output unless ``--output`` is given. The report contains no names, only the municipality's references.
"""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.guidance.compliance import reports
from integrering.guidance.management.commands._common import county_get, refuse


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Report per participant: target group, right and duty to career guidance, decision deadline and findings."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help=gettext_lazy("county number, e.g. 50"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument("--date", help=gettext_lazy("evaluation date YYYY-MM-DD (default: today)"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument("--format", default="csv", help=gettext_lazy("csv or json"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument("--output", help=gettext_lazy("file to write to (default: the screen)"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str

    def handle(self, *args, county: str, date: str | None, format: str, output: str | None, **options) -> None:
        county_obj = county_get(county)
        if format not in ("csv", "json"):
            refuse([_("Unknown format «%(format)s»; use csv or json.") % {"format": format}])
        try:
            day = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            refuse([_("Invalid date «%(date)s»; use YYYY-MM-DD.") % {"date": date}])
        text, count = reports.report_export(county=county_obj, date=day, fmt=format)
        if output:
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as error:
                refuse([_("Could not write %(file)s: %(reason)s.") % {"file": output, "reason": error.strerror}])
            self.stderr.write(_("Wrote %(count)s participants to %(file)s.") % {"count": count, "file": output})
        else:
            self.stdout.write(text, ending="")
