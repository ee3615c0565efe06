"""Every guidance model is read through ``objects.scoped_for(user)`` (``core.tenancy``): the user's county, and a
municipal user's own municipality only."""

import datetime

import pytest

from integrering.guidance.cases.services import referral_create
from integrering.guidance.models import GuidanceCase, Participant, ParticipantFinding, Referral, TrainingEnrolment
from integrering.guidance.participants.selectors import participants_for_user
from integrering.guidance.training.services import training_enrol
from tests.guidance.factories import participant_make

pytestmark = pytest.mark.django_db


def test_each_guidance_model_is_scoped_to_the_users_county_and_municipality(
    county, other_county, municipal_user, counsellor
):
    here = participant_make(county, reference="H-1", municipality="5001", full_time_upper_secondary=True)
    neighbour = participant_make(county, reference="H-2", municipality="5006", full_time_upper_secondary=True)
    away = participant_make(other_county, reference="A-1", municipality="4601", full_time_upper_secondary=True)
    for p in (here, neighbour, away):
        referral_create(participant=p, user=None, mapping_date=datetime.date(2021, 3, 5))
        training_enrol(participant=p, school="Skole", target_level="B1", start=datetime.date(2024, 8, 1))
    for model, via in (
        (Participant, "pk"),
        (GuidanceCase, "participant_id"),
        (Referral, "participant_id"),
        (TrainingEnrolment, "participant_id"),
        (ParticipantFinding, "participant_id"),
    ):
        assert set(model.objects.scoped_for(counsellor).values_list(via, flat=True)) == {here.pk, neighbour.pk}
        assert set(model.objects.scoped_for(municipal_user).values_list(via, flat=True)) == {here.pk}
        assert set(model.objects.for_county(other_county).values_list(via, flat=True)) == {away.pk}
    counsellor.is_active = False
    assert not participants_for_user(counsellor).exists()
