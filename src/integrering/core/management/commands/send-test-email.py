from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.core.mail.errors import MailAddressInvalid, MailNotSent
from integrering.core.mail.models import SentEmail
from integrering.core.mail.services import mail_send
from integrering.core.models import County

Failure = SentEmail.Failure

# What to check for each reason a message was not sent (the variables are named as in the README).
HINTS = {
    Failure.NOT_CONFIGURED: gettext_lazy("Set EMAIL_HOST (and the other EMAIL_ variables) and restart."),
    Failure.CONNECTION: gettext_lazy(
        "Check EMAIL_HOST and EMAIL_PORT, that the server is running, and that a firewall lets this machine reach it."
    ),
    Failure.TLS: gettext_lazy(
        "Check EMAIL_USE_TLS (STARTTLS, usually port 587) or EMAIL_USE_SSL (usually port 465) against what the "
        "server offers, and its certificate."
    ),
    Failure.AUTHENTICATION: gettext_lazy("Check EMAIL_HOST_USER and EMAIL_HOST_PASSWORD."),
    Failure.SENDER_REFUSED: gettext_lazy(
        "Check DEFAULT_FROM_EMAIL: the server must accept it as a sender for this user."
    ),
    Failure.RECIPIENT_REFUSED: gettext_lazy(
        "Check the address, and that the server relays mail to it for this sender."
    ),
}


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]  # translated when asked, not when the module is imported
        return _(
            "Sends a test e-mail to ADDRESS through the configured mail server, to check the e-mail settings. "
            "Exit status 2 when it is not sent."
        )

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, metavar="ADDRESS", help=_("the recipient's e-mail address"))
        parser.add_argument(
            "--county",
            metavar="NUMBER",
            help=_("county number: the message is listed on that county's page"),
        )

    def handle(self, *args, **options):
        county = self._county(options["county"])
        try:
            sent = mail_send(
                to=options["to"],
                template="test",
                context={"requested_by": _("the command line"), "requested_at": timezone.now()},
                county=county,
            )
        except MailAddressInvalid as error:
            raise CommandError(str(error.message), returncode=2) from None
        except MailNotSent as error:
            record = error.sent_email
            lines = [str(error.message), _("Detail: %(detail)s") % {"detail": record.error}]
            if record.failure in HINTS:
                lines.append(str(HINTS[record.failure]))
            raise CommandError("\n".join(lines), returncode=2) from None
        self.stdout.write(
            _("Test e-mail sent to %(address)s (%(server)s), recorded as number %(number)s.")
            % {"address": sent.to, "server": self._server(), "number": sent.pk}
        )

    def _county(self, number: str | None) -> County | None:
        if not number:
            return None
        county = County.objects.filter(number=number.strip().zfill(2)).first()
        if county is None:
            raise CommandError(_("There is no county with number «%(number)s».") % {"number": number}, returncode=2)
        return county

    def _server(self) -> str:
        if settings.EMAIL_HOST:
            return f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
        return _("no EMAIL_HOST: written to the console")
