"""Enrolling in the county's Norwegian training (§ 30) and updating hours and absence."""

import pytest

from integrering.core.exceptions import ApplicationError
from integrering.guidance.models import TrainingEnrolment
from integrering.guidance.training.services import training_enrol, training_update
from tests.guidance.factories import D, participant_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("flag", [False, None])
def test_enrolling_a_participant_not_in_full_time_upper_secondary_is_refused(county, flag):
    participant = participant_make(county, reference="DEMO-02", full_time_upper_secondary=flag)
    with pytest.raises(ApplicationError) as error:
        training_enrol(participant=participant, school="Fiktiv vgs", target_level="B1", start=D(2024, 8, 19))
    assert "videregående opplæring på heltid" in error.value.message
    assert not TrainingEnrolment.objects.exists()


def test_training_enrolment_and_update(county):
    participant = participant_make(county, full_time_upper_secondary=True)
    enrolment = training_enrol(
        participant=participant, school="Fiktiv vgs", target_level="B1", start=D(2021, 8, 15), hours_planned=300
    )
    training_update(enrolment=enrolment, version=enrolment.version, hours_attended=120, absence_hours=6)
    enrolment.refresh_from_db()
    assert (enrolment.hours_attended, enrolment.absence_hours) == (120, 6)
    with pytest.raises(ApplicationError):
        training_update(enrolment=enrolment, version=enrolment.version, absence_hours=-1)
    with pytest.raises(ApplicationError):
        training_update(enrolment=enrolment, version=enrolment.version, end=D(2021, 1, 1))
