"""The e-mail backend of a production installation whose EMAIL_HOST is not set."""

from django.core.mail.backends.base import BaseEmailBackend

from integrering.core.mail.errors import MailNotConfigured


class UnconfiguredBackend(BaseEmailBackend):
    """Refuses every message, so that it is recorded as failed and the caller is told why.

    The console backend would write recipients and bodies (personal data) into the service's log.
    """

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        if self.fail_silently:
            return 0
        raise MailNotConfigured("EMAIL_HOST is not set")
