import getpass
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from integrering.core.forms import CountyAdminForm
from integrering.core.roles import Role
from integrering.core.services import user_create

PASSWORD_VARIABLE = "INTEGRERING_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = (
        "Oppretter en fylkesadministrator (den første brukeren i et fylke). Passordet leses fra standard inn "
        f"(--password-stdin), fra miljøvariabelen {PASSWORD_VARIABLE}, eller spørres om to ganger."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="brukernavn")
        parser.add_argument("--county", required=True, help="fylkesnummer, f.eks. 50")
        parser.add_argument("--email", default="", help="e-postadresse")
        parser.add_argument("--first-name", default="", help="fornavn")
        parser.add_argument("--last-name", default="", help="etternavn")
        parser.add_argument(
            "--password-stdin", action="store_true", help="les passordet fra første linje på standard inn"
        )

    def handle(self, *args, **options):
        form = CountyAdminForm(
            {
                "username": options["username"],
                "county": options["county"],
                "email": options["email"],
                "first_name": options["first_name"],
                "last_name": options["last_name"],
                "password": self._password(options["password_stdin"]),
            }
        )
        if not form.is_valid():
            lines = [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]
            raise CommandError("Brukeren ble ikke opprettet.\n" + "\n".join(lines), returncode=2)
        data = form.cleaned_data
        user = user_create(
            username=data["username"],
            county=data["county"],
            roles={Role.COUNTY_ADMIN},
            password=data["password"],
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        self.stdout.write(
            f"Opprettet fylkesadministrator «{user.username}» for {data['county']}. "
            "Logg inn og opprett de andre brukerne under Administrasjon → Brukere."
        )

    def _password(self, from_stdin: bool) -> str:
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        if os.environ.get(PASSWORD_VARIABLE):
            return os.environ[PASSWORD_VARIABLE]
        if not sys.stdin.isatty():
            raise CommandError(
                f"Ingen passord: bruk --password-stdin eller miljøvariabelen {PASSWORD_VARIABLE}.", returncode=2
            )
        first = getpass.getpass("Passord: ")
        if first != getpass.getpass("Passord igjen: "):
            raise CommandError("Passordene er ikke like. Brukeren ble ikke opprettet.", returncode=2)
        return first
