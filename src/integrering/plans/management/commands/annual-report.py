"""``integrering annual-report --county 50 --year 2025 --format json|pdf|docx [--output FILE]``."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.plans.annual_report.builder import annual_report_build
from integrering.plans.annual_report.render import FORMATS, annual_report_render
from integrering.plans.management.commands._common import county_get, refuse


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "The county's annual report on integration, written from the data of every app."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True)
        parser.add_argument("--year", required=True)
        parser.add_argument("--format", default="json")
        parser.add_argument("--output")

    def handle(self, *args, county: str, year: str, format: str, output: str | None, **options) -> None:
        county_obj = county_get(county)
        if format not in FORMATS:
            refuse([_("Unknown format «%(format)s»; use json, pdf or docx.") % {"format": format}])
        year = str(year)
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            refuse([_("Invalid year «%(year)s».") % {"year": year}])
        content = annual_report_render(annual_report_build(county=county_obj, year=int(year)), format)
        if not output:
            if format != "json":
                refuse([_("A PDF or DOCX needs --output FILE.")])
            sys.stdout.write(content.decode("utf-8"))
            return
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            refuse([_("Could not write %(file)s: %(reason)s.") % {"file": output, "reason": error.strerror}])
        self.stdout.write(_("Wrote %(file)s (%(size)s bytes).") % {"file": output, "size": len(content)})
