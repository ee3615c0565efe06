"""``integrering create-api-token --user USERNAME --name NAME [--expires YYYY-MM-DD]``: prints the token once."""

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.api.errors import TokenCommandError
from integrering.api.services import api_token_create
from integrering.core.models import User
from integrering.settlement.management.cli_support import NorwegianErrors


def expiry_parse(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise TokenCommandError(
            _("«%(value)s» is not a date: write it as YYYY-MM-DD, e.g. 2027-12-31.") % {"value": text}
        ) from None


def user_get(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise TokenCommandError(_("No user is named «%(user)s».") % {"user": username})
    return user


class Command(NorwegianErrors, BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # lazy help: django-stubs types help as str
        "Make an API token that acts as the user (role and county); the token is shown once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, metavar="BRUKERNAVN")
        parser.add_argument("--name", required=True, metavar="NAVN")
        parser.add_argument("--expires", metavar="YYYY-MM-DD")

    def handle(self, *args, user: str, name: str, expires: str | None, **options) -> None:
        token, secret = api_token_create(user=user_get(user), name=name, expires=expiry_parse(expires))
        self.stdout.write(
            _("Made the token «%(name)s» (id %(id)s) for %(user)s. It is shown only this once:")
            % {"name": token.name, "id": token.pk, "user": token.user.username}
        )
        self.stdout.write(secret)
