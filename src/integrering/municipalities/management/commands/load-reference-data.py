from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.municipalities.reference_data import reference_data_load

# What the loader counts («Opprettet 471 kommuner»).
KINDS = {
    "county": gettext_lazy("counties"),
    "municipality": gettext_lazy("municipalities"),
    "name": gettext_lazy("municipality names (per year)"),
    "succession": gettext_lazy("changes of municipality number"),
    "population": gettext_lazy("population figures (per year)"),
}


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Loads counties, municipalities, names per year and population from the reference data (idempotent)."
    )

    def handle(self, *args, **options):
        report = reference_data_load()
        if not report.changed:
            self.stdout.write(_("The reference data was already up to date. No changes."))
            return
        for verb, counts in ((_("Created"), report.created), (_("Updated"), report.updated)):
            for kind, n in sorted(counts.items(), key=lambda item: list(KINDS).index(item[0])):
                self.stdout.write(
                    _("%(action)s %(count)s %(kind)s") % {"action": verb, "count": n, "kind": KINDS.get(kind, kind)}
                )
