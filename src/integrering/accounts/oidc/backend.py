"""The authentication backend: mozilla-django-oidc's code flow, with the endpoints from ``config`` and more checks.

Besides the library's checks (the state, the nonce, the token's signature and expiry), the ID token must be for
this client (``aud``) and from the configured provider (``iss``). Which user the person is: ``services``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from integrering.accounts.oidc import config, services


class OidcBackend(OIDCAuthenticationBackend):
    """Listed in AUTHENTICATION_BACKENDS always; answers only the callback, and only when single sign-on is on."""

    get_settings = staticmethod(config.setting)

    def __init__(self, *args, **kwargs):
        # The library reads its settings here; Django makes a backend for every password log-in too, so they
        # are read only when a callback arrives (authenticate).
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        # The callback view passes the nonce; a password log-in never does.
        if request is None or "nonce" not in kwargs or not config.enabled():
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is not for this client (aud).")
        issuer = self.get_settings("OIDC_OP_ISSUER")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("The ID token is not from the configured provider (iss).")
        return payload

    def get_userinfo(self, access_token, id_token, payload) -> dict[str, Any]:
        """The ID token's claims, completed by the userinfo endpoint when the token lacks a claim that is needed.

        Entra ID puts the groups (and, with the optional claim, the e-mail) in the ID token; other providers give
        them at the userinfo endpoint only.
        """
        info: dict[str, Any] = {}
        wanted = [settings.OIDC_USERNAME_CLAIM] + ([settings.OIDC_GROUPS_CLAIM] if settings.OIDC_GROUP_ROLES else [])
        if self.OIDC_OP_USER_ENDPOINT and any(claim not in payload for claim in wanted):
            info = super().get_userinfo(access_token, id_token, payload)
            if info.get("sub") and info.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("The userinfo is of another subject than the ID token.")
        return {**info, **payload}

    def verify_claims(self, claims) -> bool:
        return True  # the e-mail and its domain: services.email_from_claims, with a reason for the person

    def get_user(self, user_id):
        # A user deactivated since they logged in is logged out at their next request (as ModelBackend does).
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None

    def get_or_create_user(self, access_token, id_token, payload):
        return services.user_for_login(self.get_userinfo(access_token, id_token, payload))
