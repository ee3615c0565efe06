"""Registering and changing a participant: facts checked, the decision versioned."""

import pytest

from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.guidance.participants.services import decision_register
from tests.guidance.factories import D, participant_make

pytestmark = pytest.mark.django_db


def test_decision_register_checks_the_version(county):
    participant = participant_make(county)
    decision_register(
        participant=participant,
        version=participant.version,
        decision_date=D(2021, 5, 1),
        programme_start=D(2021, 5, 15),
        end_goal="videregaende",
        planned_duration_months=24,
    )
    participant.refresh_from_db()
    assert participant.decision_date == D(2021, 5, 1)
    with pytest.raises(ConcurrentEdit):
        decision_register(participant=participant, version=participant.version - 1, decision_date=None)


def test_a_national_id_is_checked_against_the_birth_date(county):
    with pytest.raises(ApplicationError) as error:
        participant_make(county, national_id="15108695088")  # valid, born 15.10.1986, not 17.05.1990
    assert "fødselsdatoen" in error.value.message
    with pytest.raises(ApplicationError):
        participant_make(county, national_id="15108695077", birth_date=D(1986, 10, 15))  # bad check digits
    participant = participant_make(county, national_id="151086 95088", birth_date=D(1986, 10, 15))
    assert participant.national_id == "15108695088"
    assert participant.masked_national_id == "Registrert – skjult"


def test_a_municipality_of_another_county_is_refused(county):
    with pytest.raises(ApplicationError):
        participant_make(county, municipality="4601")


def test_a_national_id_without_a_birth_date_gives_the_birth_date(county):
    participant = participant_make(county, national_id="15108695088", birth_date=None, permit_date=D(2021, 1, 10))
    assert participant.birth_date == D(1986, 10, 15)
    assert participant.in_target_group is True  # the age rule now has what it needs
