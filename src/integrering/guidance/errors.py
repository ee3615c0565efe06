"""The errors of the guidance app's writes, shared by every sub-domain.

Services raise ``GuidanceError`` with a Norwegian message (and the field, when one fact is wrong); views show
it on the form (``integrering.guidance.form_page``), commands print it and exit 2. ``ConcurrentEdit`` is the
refused save over someone else's change (``integrering.guidance.versioning``).
"""


class GuidanceError(ValueError):
    """Bad input for a guidance write; ``message`` is Norwegian, ``field`` names the fact if known."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ConcurrentEdit(GuidanceError):
    """The record was changed by someone else since it was read (optimistic lock)."""
