"""``Authorization: Bearer <token>``: the request acts as the token's user (role, county, municipality).

Every call is logged with the token's id and name and the path — never the secret.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from integrering.api import errors
from integrering.api.services import api_token_authenticate

logger = logging.getLogger("integrering.api")


class TokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any:
        # Ninja's HttpBearer logs an unexpected header in DEBUG; this one never writes the header anywhere.
        scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            logger.info("api call rejected (no token) %s %s", request.method, request.path)
            raise errors.TokenRejected(errors.MISSING)
        return self.authenticate(request, secret.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            found = api_token_authenticate(secret=token)
        except errors.TokenRejected as rejected:
            logger.info("api call rejected (%s) %s %s", rejected, request.method, request.path)
            raise
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]  # read by the endpoints' logging
        logger.info(
            "api call token=%s (%s) user=%s %s %s",
            found.pk,
            found.name,
            found.user.username,
            request.method,
            request.get_full_path(),
        )
        return found.user
