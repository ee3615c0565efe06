import os

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from integrering.core.demo import demo_data_load


class Command(BaseCommand):
    help = "Laster demodata for Trøndelag (fylke 50) med demobrukere. Bare i utviklingsmodus (DJANGO_DEBUG=1)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demodata lastes aldri i produksjon. Sett DJANGO_DEBUG=1 for en demo- eller testinstallasjon."
            )
        given = os.environ.get("DEMO_PASSWORD") or None
        if given:
            try:
                validate_password(given)
            except ValidationError as error:
                raise CommandError(
                    "DEMO_PASSWORD oppfyller ikke passordreglene: "
                    + " ".join(error.messages)
                    + " Velg et lengre passord, eller la DEMO_PASSWORD være tom for et tilfeldig.",
                    returncode=2,
                ) from None
        password = demo_data_load(password=given, stdout=self.stdout)
        if given:
            self.stdout.write("Passord for demobrukerne: verdien av DEMO_PASSWORD.")
        else:
            self.stdout.write(self.style.WARNING(f"Passord for demobrukerne (generert nå): {password}"))
