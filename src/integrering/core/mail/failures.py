"""What went wrong when a message was handed to the mail server: a reason the user can read, and the detail."""

import smtplib
import ssl

from integrering.core.mail.errors import MailNotConfigured
from integrering.core.mail.models import SentEmail

Failure = SentEmail.Failure

# Reply codes that mean «log in first» or «wrong credentials», whichever command they answer.
_AUTHENTICATION_CODES = {530, 534, 535, 538}
_DETAIL_LENGTH = 500


def failure_of(error: BaseException) -> tuple[str, str]:
    """(reason, detail) for an exception raised while sending: the reason is a ``SentEmail.Failure``."""
    return _reason(error), _detail(error)[:_DETAIL_LENGTH]


def _reason(error: BaseException) -> str:
    if isinstance(error, MailNotConfigured):
        return Failure.NOT_CONFIGURED
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return Failure.AUTHENTICATION
    if isinstance(error, smtplib.SMTPResponseException) and error.smtp_code in _AUTHENTICATION_CODES:
        return Failure.AUTHENTICATION
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return Failure.RECIPIENT_REFUSED
    if isinstance(error, smtplib.SMTPSenderRefused):
        return Failure.SENDER_REFUSED
    if isinstance(error, ssl.SSLError) or (
        isinstance(error, smtplib.SMTPNotSupportedError) and "STARTTLS" in str(error).upper()
    ):
        return Failure.TLS
    if isinstance(error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return Failure.CONNECTION
    if isinstance(error, smtplib.SMTPException):
        return Failure.SERVER_ERROR
    if isinstance(error, OSError):  # refused, unreachable, timed out, unknown host
        return Failure.CONNECTION
    return Failure.OTHER


def _detail(error: BaseException) -> str:
    """The server's words (reply code and text) or the system's, for the administrator who reads the record."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        replies = [f"{code} {_text(reply)}" for code, reply in error.recipients.values()]
        return "; ".join(replies) or "SMTPRecipientsRefused"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    if isinstance(error, MailNotConfigured):
        return "EMAIL_HOST"
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
