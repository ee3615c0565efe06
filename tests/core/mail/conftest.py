"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the tests that send through Django's SMTP backend."""

import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

SMTP_USER = "integrering"
SMTP_PASSWORD = "et-hemmelig-smtp-passord"


def free_port() -> int:
    """A port nothing listens on now (the operating system's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)


@dataclass
class CollectingHandler:
    """Keeps every message it accepts; answers 550 for the addresses in ``refused``."""

    received: list[Received] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


def _password_check(handler: CollectingHandler):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            SMTP_USER.encode(),
            SMTP_PASSWORD.encode(),
        )
        if ok:
            handler.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)  # handled=False: the server itself answers 235 or 535

    return authenticator


@dataclass
class SmtpServer:
    port: int
    handler: CollectingHandler

    @property
    def received(self) -> list[Received]:
        return self.handler.received


def _serve(**smtp_options):
    handler = CollectingHandler()
    if smtp_options.pop("with_password", False):
        smtp_options |= dict(auth_required=True, auth_require_tls=False, authenticator=_password_check(handler))
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **smtp_options)
    controller.start()
    return controller, SmtpServer(port=controller.port, handler=handler)


@pytest.fixture
def smtp_server():
    controller, server = _serve()
    yield server
    controller.stop()


@pytest.fixture
def smtp_server_with_password():
    """A server that accepts mail only after AUTH LOGIN/PLAIN (over plain SMTP, as a test allows)."""
    controller, server = _serve(with_password=True)
    yield server
    controller.stop()


def point_django_at(settings, port: int, **options) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    for name, value in options.items():
        setattr(settings, name, value)


@pytest.fixture
def smtp(settings, smtp_server) -> SmtpServer:
    """Django's SMTP backend pointed at the local server."""
    point_django_at(settings, smtp_server.port)
    return smtp_server
