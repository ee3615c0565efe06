"""The API's errors: members of the one :class:`~integrering.core.exceptions.ApplicationError` family."""

from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError


class TokenRejected(ApplicationError):
    """No token, or one that is unknown, revoked or expired: the API answers 401 with the reason."""

    status = 401
    default_code = "token_rejected"


MISSING = _("The request has no API token (Authorization: Bearer <token>).")
UNKNOWN = _("The API token is unknown.")
REVOKED = _("The API token has been revoked.")
EXPIRED = _("The API token has expired.")
INACTIVE = _("The API token's user is deactivated.")


class TokenCommandError(ApplicationError):
    """Bad input to ``create-api-token``/``revoke-api-token`` (``integrering`` prints it and exits 2)."""

    default_code = "command"


class PermissionMissing(ApplicationError):
    """The token's user lacks the permission the endpoint needs (403)."""

    status = 403
    default_code = "forbidden"


class InvalidParameter(ApplicationError):
    """A query parameter outside its range (400)."""

    default_code = "invalid_parameter"
