"""Writes of API tokens: make one (the secret is returned once, only its hash is kept), revoke one, use one."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.api import errors
from integrering.api.models import ApiToken
from integrering.core.models import User

# Prefix so that a leaked token is recognisable (secret scanners, logs); the rest is 32 random bytes.
PREFIX = "itg_"


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(*, user: User, name: str, expires: datetime.date | None = None) -> tuple[ApiToken, str]:
    """(the token, its secret): the secret is not stored and cannot be shown again."""
    name = name.strip()
    if not name:
        raise errors.TokenCommandError(_("The token needs a name."))
    if len(name) > 100:
        raise errors.TokenCommandError(_("The name is longer than 100 characters."))
    if expires is not None and expires < timezone.localdate():
        raise errors.TokenCommandError(_("The expiry date has passed."))
    if ApiToken.objects.filter(user=user, name=name).exists():
        raise errors.TokenCommandError(
            _("%(user)s already has a token named «%(name)s».") % {"user": user.username, "name": name}
        )
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, secret_hash=secret_hash(secret), expires=expires)
    return token, secret


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
    return token


def api_token_authenticate(*, secret: str) -> ApiToken:
    """The valid token with this secret (its ``last_used`` updated), or :class:`errors.TokenRejected`."""
    token = ApiToken.objects.select_related("user", "user__county").filter(secret_hash=secret_hash(secret)).first()
    if token is None:
        raise errors.TokenRejected(errors.UNKNOWN)
    if token.revoked is not None:
        raise errors.TokenRejected(errors.REVOKED)
    if token.expires is not None and token.expires < timezone.localdate():
        raise errors.TokenRejected(errors.EXPIRED)
    if not token.user.is_active:
        raise errors.TokenRejected(errors.INACTIVE)
    now = timezone.now()
    # One write per minute at most: a busy client does not turn every read into a write.
    if token.last_used is None or now - token.last_used > datetime.timedelta(minutes=1):
        with transaction.atomic():
            ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token
