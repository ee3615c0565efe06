"""Every pair of statuses: the table's transitions pass, every other one is refused with both statuses named."""

import itertools

import pytest
from django.utils import translation

from integrering.grants.applications.status import (
    COMMITTED,
    FINAL,
    TRANSITIONS,
    IllegalTransition,
    Status,
    next_statuses,
    transition_check,
)

ALLOWED = {
    ("utkast", "sendt"),
    ("sendt", "til_kontroll"),
    ("til_kontroll", "til_vurdering"),
    ("til_kontroll", "mangler_info"),
    ("til_kontroll", "avslatt"),
    ("mangler_info", "til_kontroll"),
    ("mangler_info", "avslatt"),
    ("til_vurdering", "innstilt"),
    ("innstilt", "innvilget"),
    ("innstilt", "avslatt"),
    ("innstilt", "til_vurdering"),
    ("innvilget", "akseptert"),
    ("innvilget", "bortfalt"),
    ("akseptert", "avsluttet"),
}
PAIRS = list(itertools.product(Status.values, repeat=2))


def test_the_statuses_are_exactly_the_eleven_of_the_issue():
    assert set(Status.values) == {
        "utkast",
        "sendt",
        "til_kontroll",
        "mangler_info",
        "til_vurdering",
        "innstilt",
        "innvilget",
        "avslatt",
        "akseptert",
        "bortfalt",
        "avsluttet",
    }
    assert set(TRANSITIONS) == set(Status)


@pytest.mark.parametrize("current,target", sorted(ALLOWED))
def test_an_allowed_transition_passes(current, target):
    transition_check(current, target)
    assert Status(target) in next_statuses(current)


@pytest.mark.parametrize("current,target", [pair for pair in PAIRS if pair not in ALLOWED])
def test_every_other_transition_is_refused_naming_both_statuses(current, target):
    with translation.override("nb"), pytest.raises(IllegalTransition) as raised:
        transition_check(current, target)
    message = raised.value.user_message
    assert str(Status(current).label) in message
    assert str(Status(target).label) in message
    assert raised.value.code == "illegal_transition"


def test_the_final_statuses_lead_nowhere_and_a_grant_counts_until_it_lapses():
    assert {Status.REJECTED, Status.LAPSED, Status.CLOSED} == FINAL
    assert Status.LAPSED not in COMMITTED
    assert Status.GRANTED in COMMITTED


def test_the_message_is_in_norwegian():
    with translation.override("nb"), pytest.raises(IllegalTransition) as raised:
        transition_check("utkast", "innvilget")
    assert raised.value.user_message == "En søknad kan ikke gå fra «Utkast» til «Innvilget»."
