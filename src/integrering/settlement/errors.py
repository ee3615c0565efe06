"""The errors the settlement services raise for the user: members of the one
:class:`~integrering.core.exceptions.ApplicationError` family, each with a gettext message.

Views show them as a form error (``core.error_handling.form_error_add``; for :class:`StaleVersion` with the
current values) or let ``ApplicationErrorMiddleware`` answer 400/409; the ``integrering`` command prints the
message and exits with status 2.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError, ConcurrentEdit


class StaleVersion(ConcurrentEdit):
    """The record was changed by someone else since it was read (optimistic lock); ``current`` is it now."""

    def __init__(self, current):
        super().__init__(current=current)  # «Noen andre har endret dette siden du åpnet det.»


class InvalidFigures(ApplicationError):
    """Minors exceed the total, or similar: a message for the user."""

    default_code = "invalid_figures"


class RecommendationLocked(InvalidFigures):
    """«Anbefalt» changes only by a new version of the year's (frozen) recommendation."""

    default_code = "recommendation_locked"

    def __init__(self, settlement_year):
        super().__init__(
            _(
                "«Recommended» is locked by the county's recommendation for %(year)s. Make a new version "
                "of the recommendation (with a reason) to change it."
            ),
            params={"year": settlement_year.year},
            field="recommended",
        )


class CommandError(ApplicationError):
    """Bad input to a settlement command (``integrering`` prints it and exits with status 2)."""

    default_code = "command"


class ScenarioInvalid(ApplicationError):
    """A scenario breaks one or more rules; ``messages`` lists each (already in the user's language)."""

    default_code = "invalid_scenario"

    def __init__(self, messages, *, field: str | None = None):
        messages = [str(m) for m in ([messages] if isinstance(messages, str | Promise) else messages)]
        super().__init__(" ".join(messages), field=field)
        self.messages = messages
