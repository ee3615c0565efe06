"""What ``mail_send`` raises; each carries a translated ``message`` a view or command can show as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from integrering.core.exceptions import ApplicationError

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from integrering.core.mail.models import SentEmail


class MailError(ApplicationError):
    """Base of the mail errors (the one error protocol): ``message`` is for the user, ``field`` the form field."""

    default_code = "mail"

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(message, field=field)


class MailAddressInvalid(MailError):
    """The recipient is not one e-mail address. Raised before anything is recorded or sent."""


class MailNotSent(MailError):
    """The mail server (or the configuration) refused the message; ``sent_email`` is recorded as failed."""

    def __init__(self, message: str | Promise, *, sent_email: SentEmail) -> None:
        super().__init__(message, field="to")
        self.sent_email = sent_email


class MailNotConfigured(Exception):
    """Raised by the backend of a production installation without EMAIL_HOST."""
