"""``integrering export-organisations --county N --format csv|json [--output FILE]``."""

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.regional.management.commands._common import county_get, format_check, output_write
from integrering.regional.organisations.exports import organisations_export


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Write the county's organisation register as CSV (;) or JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help=gettext_lazy("county number, e.g. 50"))  # type: ignore[arg-type]  # lazy text
        parser.add_argument("--format", default="csv", dest="fmt", help=gettext_lazy("csv or json"))  # type: ignore[arg-type]  # lazy text
        parser.add_argument("--output", help=gettext_lazy("file to write to (default: the screen)"))  # type: ignore[arg-type]  # lazy text

    def handle(self, *args, county: str, fmt: str, output: str | None, **options) -> None:
        county_obj = county_get(county)
        format_check(fmt)
        content, count = organisations_export(county=county_obj, fmt=fmt)
        output_write(
            self, content, output, _("Wrote %(count)s organisations to %(file)s.") % {"count": count, "file": output}
        )
