"""A report's status machine: one table of the allowed transitions, and one check.

    report_transition_check(current, target) -> None   # raises IllegalReportTransition naming both statuses

sendt → (godkjent | mangler_info); mangler_info → sendt (the applicant sends it again); godkjent is final.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError


class ReportKind(models.TextChoices):
    STATUS = "status", _("Status report")
    FINAL = "final", _("Final report")


class ReportStatus(models.TextChoices):
    SUBMITTED = "sendt", _("Submitted")
    RETURNED = "mangler_info", _("More information asked for")
    APPROVED = "godkjent", _("Approved")


R = ReportStatus
REPORT_TRANSITIONS: dict[ReportStatus, frozenset[ReportStatus]] = {
    R.SUBMITTED: frozenset({R.APPROVED, R.RETURNED}),
    R.RETURNED: frozenset({R.SUBMITTED}),
    R.APPROVED: frozenset(),
}


class IllegalReportTransition(ApplicationError):
    default_code = "illegal_report_transition"


def report_transition_check(current: str, target: str) -> None:
    """Refuse every move the table does not allow, with a message naming both statuses."""
    source, destination = ReportStatus(current), ReportStatus(target)
    if destination not in REPORT_TRANSITIONS[source]:
        raise IllegalReportTransition(
            _("A report cannot go from «%(from)s» to «%(to)s»."),
            params={"from": source.label, "to": destination.label},
        )
