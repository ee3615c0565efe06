"""Whether single sign-on is on, and the provider's endpoints: from the settings, or from its discovery document.

The discovery document is fetched once per process, at the first use, with ``OIDC_TIMEOUT``; a provider that does
not answer is a :class:`ProviderUnavailable` (a clear page, and the next log-in tries again), never a 500.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

import requests
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError

logger = logging.getLogger(__name__)

# Setting → key of the discovery document (OpenID Connect Discovery 1.0).
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
    "OIDC_OP_ISSUER": "issuer",
}
REQUIRED = ("authorization_endpoint", "token_endpoint", "jwks_uri", "issuer")


class ProviderUnavailable(ApplicationError):
    status = 503
    default_code = "oidc_unavailable"


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False) and settings.OIDC_RP_CLIENT_ID)


def provider_name() -> str:
    return settings.OIDC_PROVIDER_NAME


@functools.lru_cache(maxsize=8)
def _discovery(url: str, timeout: int) -> dict[str, Any]:
    try:
        response = requests.get(url, timeout=timeout, headers={"Accept": "application/json"})
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        logger.warning("OpenID Connect discovery at %s failed: %s", url, error)
        raise ProviderUnavailable(
            _("The log-in service does not answer just now. Try again in a little while, or contact the administrator.")
        ) from error
    missing = [key for key in REQUIRED if not isinstance(document, dict) or not document.get(key)]
    if missing:
        logger.error("OpenID Connect discovery at %s lacks %s", url, ", ".join(missing))
        raise ProviderUnavailable(
            _("The log-in service is not set up correctly. Contact the administrator."), code="oidc_discovery"
        )
    return document


def discovery_forget() -> None:
    """Fetch the discovery document again at the next use (tests; a provider that changed its keys' address)."""
    _discovery.cache_clear()


def setting(name: str, *default: Any) -> Any:
    """A setting of mozilla-django-oidc: an endpoint from the settings or else the discovery document."""
    if name in DISCOVERED:
        explicit = getattr(settings, name, "")
        if explicit:
            return explicit
        if settings.OIDC_DISCOVERY_URL:
            return _discovery(settings.OIDC_DISCOVERY_URL, settings.OIDC_TIMEOUT).get(DISCOVERED[name]) or None
        return None
    if hasattr(settings, name):
        return getattr(settings, name)
    if default:
        return default[0]
    raise ProviderUnavailable(_("The log-in service is not set up correctly. Contact the administrator."))
