"""Tokens for the read API: other systems act as a user of the county, with that user's role and scope.

Only a hash of the secret is stored (SHA-256: the secret is 32 random bytes, so a slow hash adds nothing);
the secret is shown once, when the token is made.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet


class ApiTokenQuerySet(CountyScopedQuerySet):
    pass


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    secret_hash = models.CharField(_("hash of the secret"), max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires = models.DateField(_("expires"), null=True, blank=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    county_path: ClassVar[str] = "user__county"
    municipality_path: ClassVar[str | None] = None

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="api_token_unique_name_per_user")]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"
