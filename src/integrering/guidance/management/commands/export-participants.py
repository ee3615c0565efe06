"""``integrering export-participants --county 50 [--municipality 5001] --format csv|xlsx [--output FILE]``.

The participant register of a county (or one of its municipalities) for the municipality: CSV (``;``, UTF-8 with
byte order mark) or XLSX, formula-safe (``participants.exports``). CSV goes to standard output unless ``--output``
is given; XLSX needs ``--output``. The export is personal data and is logged (from the command line) in the
county's audit log. Anonymised participants are left out.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.guidance.management.commands._common import county_get, refuse
from integrering.guidance.participants.exports import FORMATS, participants_export
from integrering.guidance.participants.selectors import participants_of_county
from integrering.municipalities.models import Municipality


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Export the participants of a county (or one municipality) to CSV or XLSX for the municipality."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help=gettext_lazy("county number, e.g. 50"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument(
            "--municipality",
            help=gettext_lazy("only this municipality (municipality number, e.g. 5001)"),  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        )
        parser.add_argument("--format", default="csv", help=gettext_lazy("csv or xlsx"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str
        parser.add_argument("--output", help=gettext_lazy("file to write to (default for CSV: the screen)"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help/metavar as str

    def handle(self, *args, county: str, municipality: str | None, format: str, output: str | None, **options):
        county_obj = county_get(county)
        if format not in FORMATS:
            refuse([_("Unknown format «%(format)s»; use csv or xlsx.") % {"format": format}])
        if format == "xlsx" and not output:
            refuse([_("XLSX cannot be written to the screen; give a file with --output.")])
        municipality_obj = None
        if municipality:
            number = municipality.strip().zfill(4)
            municipality_obj = Municipality.objects.filter(number=number, county=county_obj).first()
            if municipality_obj is None:
                refuse(
                    [
                        _("Municipality %(number)s does not exist in county %(county)s.")
                        % {"number": municipality, "county": county_obj.number}
                    ]
                )
        where = municipality_obj.number if municipality_obj else county_obj.number
        content, count = participants_export(
            participants=participants_of_county(county_obj, municipality=municipality_obj),
            fmt=format,
            county=county_obj,
            description=_("export-participants %(where)s (command line)") % {"where": where},
        )
        if output:
            try:
                Path(output).write_bytes(content)
            except OSError as error:
                refuse([_("Could not write %(file)s: %(reason)s.") % {"file": output, "reason": error.strerror}])
            self.stderr.write(_("Wrote %(count)s participants to %(file)s.") % {"count": count, "file": output})
        else:
            self.stdout.write(content.decode("utf-8-sig"), ending="")
            sys.stdout.flush()
