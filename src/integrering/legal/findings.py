"""Findings: what a rule says about a participant's case."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"

#: Severities, most serious first.
SEVERITIES: tuple[str, ...] = (ERROR, WARNING, INFO)

SEVERITY_LABELS: dict[str, str] = {
    ERROR: "Feil",
    WARNING: "Advarsel",
    INFO: "Informasjon",
}


@dataclass(frozen=True, order=True)
class Finding:
    """One finding: a stable ``code`` (a contract), its severity, the section it rests on, a message.

    ``message`` is in Norwegian bokmål, for users.
    """

    code: str
    severity: str
    section: str
    message: str

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity: {self.severity!r}")
