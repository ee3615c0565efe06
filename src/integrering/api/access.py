"""The permission an endpoint needs, checked against the token's user with the one policy (``core.permissions``)."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from integrering.api.errors import PermissionMissing
from integrering.core.permissions import Perm, has_perm


def permission_require(request: HttpRequest, perm: Perm) -> None:
    if not has_perm(request.user, perm):
        raise PermissionMissing(_("The token's user may not read this."))
