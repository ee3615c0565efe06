"""Findings: what a rule says about a participant's case."""

from __future__ import annotations

from dataclasses import dataclass, replace

from integrering.i18n import gettext, gettext_noop

ERROR = "error"
WARNING = "warning"
INFO = "info"

#: Severities, most serious first.
SEVERITIES: tuple[str, ...] = (ERROR, WARNING, INFO)

#: English source strings (marked, not translated): show them through gettext.
SEVERITY_LABELS: dict[str, str] = {
    ERROR: gettext_noop("Error"),
    WARNING: gettext_noop("Warning"),
    INFO: gettext_noop("Information"),
}


@dataclass(frozen=True, order=True)
class Finding:
    """One finding: a stable ``code`` (a contract), its severity, the section it rests on, a message.

    ``section`` and ``message`` are English source strings in a rule set's definition (marked with
    ``gettext_noop``); the findings the registry hands out (evaluations and catalogues) are :meth:`translated`.
    """

    code: str
    severity: str
    section: str
    message: str

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity: {self.severity!r}")

    def translated(self) -> Finding:
        """This finding with its section and message in the current language (:mod:`integrering.i18n`)."""
        return replace(self, section=gettext(self.section), message=gettext(self.message))
