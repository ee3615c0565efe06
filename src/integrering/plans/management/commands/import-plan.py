"""``integrering import-plan FILE --county 50 --plan SLUG [--title T --first-year Y --last-year Y] [--dry-run]``.

Reads an XLSX or CSV with the columns ``nivå;id;tittel;beskrivelse;ansvarlig;start;slutt`` into the plan with the
address name SLUG (created as a draft when it does not exist: then --title, --first-year and --last-year are
needed). All or nothing; errors name the row and column; exit status 2."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.plans.management.commands._common import county_get, refuse
from integrering.plans.plans.imports import plan_file_read, plan_import
from integrering.plans.plans.models import Plan
from integrering.plans.plans.services import plan_create
from integrering.tabular import DEFAULT_LIMITS


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Import a plan's focus areas, goals and measures from an XLSX or CSV file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--county", required=True)
        parser.add_argument("--plan", required=True, help=gettext_lazy("the plan's address name (slug)"))  # type: ignore[arg-type]  # lazy text: the stubs type argparse's help as str
        parser.add_argument("--title")
        parser.add_argument("--first-year", type=int)
        parser.add_argument("--last-year", type=int)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, file: str, county: str, plan: str, dry_run: bool, **options) -> None:
        county_obj = county_get(county)
        path = Path(file)
        try:
            if path.stat().st_size > DEFAULT_LIMITS.max_bytes:
                refuse(
                    [
                        _("The file is larger than the limit of %(limit_mb)s MB.")
                        % {"limit_mb": DEFAULT_LIMITS.max_bytes // 1_000_000}
                    ]
                )
            content = path.read_bytes()
        except OSError as error:
            refuse([_("Could not read %(file)s: %(reason)s.") % {"file": file, "reason": error.strerror}])
        areas = plan_file_read(content, path.name)
        target = Plan.objects.filter(county=county_obj, slug=plan).first()
        if target is None and not (options["title"] and options["first_year"] and options["last_year"]):
            refuse(
                [
                    _(
                        "No plan has the address name «%(slug)s»; give --title, --first-year and --last-year to create it."
                    )
                    % {"slug": plan}
                ]
            )
        if dry_run:
            self.stdout.write(
                _("The file is valid: %(count)s focus areas. Nothing was written (--dry-run).") % {"count": len(areas)}
            )
            return
        with transaction.atomic():
            if target is None:
                target = plan_create(
                    county=county_obj,
                    title=options["title"],
                    slug=plan,
                    first_year=options["first_year"],
                    last_year=options["last_year"],
                )
            counts = plan_import(plan=target, areas=areas)
        self.stdout.write(
            _("Imported into «%(plan)s»: %(focus_area)s focus areas, %(goal)s goals, %(measure)s measures.")
            % {"plan": target.title, **counts}
        )
