import os

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.accounts.demo import demo_data_load


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # django-stubs: str; a lazy string is fine, argparse formats it
        "Loads demo data for Trøndelag (county 50) with demo users. Only in development mode (DJANGO_DEBUG=1)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                _("Demo data is never loaded in production. Set DJANGO_DEBUG=1 for a demo or test installation.")
            )
        given = os.environ.get("DEMO_PASSWORD") or None
        if given:
            try:
                validate_password(given)
            except ValidationError as error:
                raise CommandError(
                    _(
                        "DEMO_PASSWORD does not meet the password rules: %(problems)s "
                        "Choose a longer password, or leave DEMO_PASSWORD empty for a random one."
                    )
                    % {"problems": " ".join(error.messages)},
                    returncode=2,
                ) from None
        password = demo_data_load(password=given, stdout=self.stdout)
        if given:
            self.stdout.write(_("Password of the demo users: the value of DEMO_PASSWORD."))
        else:
            self.stdout.write(
                self.style.WARNING(
                    _("Password of the demo users (generated now): %(password)s") % {"password": password}
                )
            )
