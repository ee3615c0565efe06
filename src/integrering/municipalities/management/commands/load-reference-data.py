from django.core.management.base import BaseCommand

from integrering.municipalities.reference_data import reference_data_load


class Command(BaseCommand):
    help = "Laster inn fylker, kommuner, navn per år og folketall fra referansedataene (idempotent)."

    def handle(self, *args, **options):
        report = reference_data_load()
        if not report.changed:
            self.stdout.write("Referansedataene var allerede oppdatert. Ingen endringer.")
            return
        for kind, n in sorted(report.created.items()):
            self.stdout.write(f"Opprettet {n} ({kind})")
        for kind, n in sorted(report.updated.items()):
            self.stdout.write(f"Oppdatert {n} ({kind})")
