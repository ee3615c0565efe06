from django.core.management.base import BaseCommand

from integrering.municipalities.reference_data import reference_data_load

# What the loader counts, in Norwegian («Opprettet 471 kommuner»).
KINDS = {
    "county": "fylker",
    "municipality": "kommuner",
    "name": "kommunenavn (per år)",
    "succession": "endringer av kommunenummer",
    "population": "folketall (per år)",
}


class Command(BaseCommand):
    help = "Laster inn fylker, kommuner, navn per år og folketall fra referansedataene (idempotent)."

    def handle(self, *args, **options):
        report = reference_data_load()
        if not report.changed:
            self.stdout.write("Referansedataene var allerede oppdatert. Ingen endringer.")
            return
        for verb, counts in (("Opprettet", report.created), ("Oppdatert", report.updated)):
            for kind, n in sorted(counts.items(), key=lambda item: list(KINDS).index(item[0])):
                self.stdout.write(f"{verb} {n} {KINDS.get(kind, kind)}")
