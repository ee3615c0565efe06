"""The application's status machine: one table of the allowed transitions, and one check.

    transition_check(current, target) -> None   # raises IllegalTransition naming both statuses
    next_statuses(current) -> frozenset[Status]

utkast → sendt → til_kontroll → (til_vurdering | mangler_info | avslatt); mangler_info → (til_kontroll | avslatt);
til_vurdering → innstilt → (innvilget | avslatt | back to til_vurdering); innvilget → (akseptert | bortfalt);
akseptert → avsluttet. avslatt, bortfalt and avsluttet are final. Nothing else is allowed, and staying in the same
status is not a transition.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError


class Status(models.TextChoices):
    DRAFT = "utkast", _("Draft")
    SUBMITTED = "sendt", _("Submitted")
    SCREENING = "til_kontroll", _("In screening")
    MISSING_INFO = "mangler_info", _("Missing information")
    ASSESSMENT = "til_vurdering", _("In assessment")
    RECOMMENDED = "innstilt", _("Recommended")
    GRANTED = "innvilget", _("Granted")
    REJECTED = "avslatt", _("Rejected")
    ACCEPTED = "akseptert", _("Accepted")
    LAPSED = "bortfalt", _("Lapsed")
    CLOSED = "avsluttet", _("Closed")


S = Status
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.SCREENING}),
    S.SCREENING: frozenset({S.ASSESSMENT, S.MISSING_INFO, S.REJECTED}),
    S.MISSING_INFO: frozenset({S.SCREENING, S.REJECTED}),
    S.ASSESSMENT: frozenset({S.RECOMMENDED}),
    S.RECOMMENDED: frozenset({S.GRANTED, S.REJECTED, S.ASSESSMENT}),
    S.GRANTED: frozenset({S.ACCEPTED, S.LAPSED}),
    S.ACCEPTED: frozenset({S.CLOSED}),
    S.REJECTED: frozenset(),
    S.LAPSED: frozenset(),
    S.CLOSED: frozenset(),
}
FINAL = frozenset(status for status, targets in TRANSITIONS.items() if not targets)
# The statuses in which an application holds (or held) a grant: its commitment counts against the call's budget.
COMMITTED = frozenset({S.GRANTED, S.ACCEPTED, S.CLOSED})


class IllegalTransition(ApplicationError):
    default_code = "illegal_transition"


def next_statuses(current: str) -> frozenset[Status]:
    return TRANSITIONS[Status(current)]


def transition_check(current: str, target: str) -> None:
    """Refuse every move the table does not allow, with a message naming both statuses."""
    source, destination = Status(current), Status(target)
    if destination not in TRANSITIONS[source]:
        raise IllegalTransition(
            _("An application cannot go from «%(from)s» to «%(to)s»."),
            params={"from": source.label, "to": destination.label},
        )
