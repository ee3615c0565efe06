"""``integrering revoke-api-token --user USERNAME --name NAME`` (or ``--id ID``); ``--list`` shows a user's tokens."""

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.api.errors import TokenCommandError
from integrering.api.models import ApiToken
from integrering.api.services import api_token_revoke
from integrering.settlement.management.cli_support import NorwegianErrors


class Command(NorwegianErrors, BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Revoke an API token (it answers 401 from then on); --list shows the user's tokens."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, metavar="BRUKERNAVN")
        parser.add_argument("--name", metavar="NAVN")
        parser.add_argument("--list", action="store_true")

    def handle(self, *args, user: str, name: str | None, list: bool, **options) -> None:
        tokens = ApiToken.objects.filter(user__username=user).order_by("created")
        if list:
            for token in tokens:
                state = _("revoked") if token.revoked else _("active")
                self.stdout.write(
                    f"{token.pk}\t{token.name}\t{token.created:%d.%m.%Y}\t{token.expires or '-'}\t{state}"
                )
            return
        if not name:
            raise TokenCommandError(_("Name the token to revoke with --name (or show them with --list)."))
        token = tokens.filter(name=name).first()
        if token is None:
            raise TokenCommandError(_("%(user)s has no token named «%(name)s».") % {"user": user, "name": name})
        api_token_revoke(token=token)
        self.stdout.write(_("Revoked the token «%(name)s» of %(user)s.") % {"name": name, "user": user})
