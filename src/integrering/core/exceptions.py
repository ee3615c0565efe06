"""The one error protocol of the application.

Services raise :class:`ApplicationError` (or a subclass) when the user's input or the state of the data
breaks a rule. The message is for the user: a gettext string, translated when shown. ``field`` names the
form field it concerns, when there is one.

Where it ends up:

- a view with a form calls :func:`integrering.core.error_handling.form_error_add` (the form shows it at the field,
  or at the top);
- anything else that escapes a view becomes a 400 page (or, for htmx, a fragment) with the reason, through
  :class:`integrering.core.middleware.ApplicationErrorMiddleware` — never a 500;
- a management command: the ``integrering`` command prints the message and exits with status 2.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class ApplicationError(Exception):
    """A rule of the application was broken; ``message`` says which, in words for the user.

    ``message`` is a (lazy) gettext string, formatted with ``params`` (``%(name)s`` placeholders) when shown,
    so that it is translated into the language active at that moment. ``code`` is a stable English
    identifier for tests and logs.
    """

    status = 400
    default_code = "invalid"

    def __init__(
        self,
        message: Any,
        *,
        field: str | None = None,
        params: Mapping[str, Any] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.params = dict(params or {})
        self.code = code or self.default_code

    @property
    def user_message(self) -> str:
        """The message in the active language, with its parameters filled in."""
        text = str(self.message)
        return text % self.params if self.params else text

    def __str__(self) -> str:
        return self.user_message


class NotFound(ApplicationError):
    """A record the user named does not exist, or is not theirs to see (the two are never told apart)."""

    status = 404
    default_code = "not_found"


class ConcurrentEdit(ApplicationError):
    """The record was changed by someone else since the user opened it (see :mod:`integrering.core.versioning`).

    ``current`` holds the record as it is now (a fresh instance, or a mapping of field → value), so that the
    user can see the other person's values before deciding what to do. Nothing has been written.
    """

    status = 409
    default_code = "concurrent_edit"

    def __init__(self, message: Any = None, *, current: Any = None, field: str | None = None) -> None:
        if message is None:
            from django.utils.translation import gettext_lazy as _

            message = _("Someone else has changed this since you opened it.")
        super().__init__(message, field=field)
        self.current = current


class Busy(ApplicationError):
    """The database stayed busy with other writes longer than we wait; the user may simply try again."""

    status = 503
    default_code = "busy"
