"""Deployment checks for e-mail (``integrering check --deploy``)."""

from django.conf import settings
from django.core.checks import Warning, register
from django.utils.translation import gettext as _

UNCONFIGURED_BACKEND = "integrering.core.mail.backends.UnconfiguredBackend"
# A password to a server on this machine never crosses the network.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


@register(deploy=True)
def mail_settings_check(app_configs=None, **kwargs) -> list[Warning]:
    if settings.EMAIL_BACKEND == UNCONFIGURED_BACKEND:
        return [
            Warning(
                _(
                    "E-mail is not set up: EMAIL_HOST is not set, so every message the application sends is "
                    "refused and recorded as not sent."
                ),
                hint=_(
                    "Set EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS or EMAIL_USE_SSL, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD "
                    "and DEFAULT_FROM_EMAIL, and check them with «integrering send-test-email --to ADDRESS»."
                ),
                id="integrering.W001",
            )
        ]
    unencrypted = not (settings.EMAIL_USE_TLS or settings.EMAIL_USE_SSL)
    if settings.EMAIL_HOST_PASSWORD and unencrypted and settings.EMAIL_HOST not in LOCAL_HOSTS:
        return [
            Warning(
                _(
                    "The password for the mail server would travel unencrypted: EMAIL_USE_TLS and EMAIL_USE_SSL are off."
                ),
                hint=_("Set EMAIL_USE_TLS=1 (STARTTLS, usually port 587) or EMAIL_USE_SSL=1 (usually port 465)."),
                id="integrering.W002",
            )
        ]
    return []
