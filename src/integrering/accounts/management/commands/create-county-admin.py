import getpass
import os
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.accounts.forms import CountyAdminForm
from integrering.accounts.services import user_create
from integrering.core.roles import Role

PASSWORD_VARIABLE = "INTEGRERING_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # django-stubs: str; a lazy string is fine, argparse formats it
        "Creates a county administrator (the first user of a county). The password is read from standard input "
        "(--password-stdin), from the environment variable INTEGRERING_ADMIN_PASSWORD, or asked for twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help=_("username"))
        parser.add_argument("--county", required=True, help=_("county number, e.g. 50"))
        parser.add_argument("--email", default="", help=_("e-mail address"))
        parser.add_argument("--first-name", default="", help=_("first name"))
        parser.add_argument("--last-name", default="", help=_("last name"))
        parser.add_argument(
            "--password-stdin", action="store_true", help=_("read the password from the first line of standard input")
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
            raise CommandError(_("The user was not created.") + "\n" + "\n".join(lines), returncode=2)
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
            _(
                "Created the county administrator «%(username)s» for %(county)s. "
                "Log in and create the other users under Administration → Users."
            )
            % {"username": user.username, "county": data["county"]}
        )

    def _password(self, from_stdin: bool) -> str:
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        if os.environ.get(PASSWORD_VARIABLE):
            return os.environ[PASSWORD_VARIABLE]
        if not sys.stdin.isatty():
            raise CommandError(
                _("No password: use --password-stdin or the environment variable %(variable)s.")
                % {"variable": PASSWORD_VARIABLE},
                returncode=2,
            )
        first = getpass.getpass(_("Password: "))
        if first != getpass.getpass(_("Password again: ")):
            raise CommandError(_("The passwords are not the same. The user was not created."), returncode=2)
        return first
