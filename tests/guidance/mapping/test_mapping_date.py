"""The competence-mapping date given with a referral: recorded on the participant, checked, never in the future."""

import datetime

import pytest

from integrering.core.exceptions import ApplicationError
from integrering.guidance.cases.services import referral_create
from integrering.guidance.models import GuidanceCase, Participant, Referral
from tests.guidance.factories import TODAY, D, participant_make

pytestmark = pytest.mark.django_db


def test_a_referral_records_its_mapping_date_on_the_participant(county, municipal_user):
    participant = participant_make(county, decision_date=D(2021, 5, 20))
    assert participant.mapping_date is None and "MAPPING_MISSING" in participant.findings
    referral_create(participant=participant, user=municipal_user, mapping_date=D(2021, 3, 5))
    participant.refresh_from_db()
    assert participant.mapping_date == D(2021, 3, 5)
    assert participant.version == 2  # a participant form opened before the referral is now stale
    assert "MAPPING_MISSING" not in participant.findings
    assert Referral.objects.get(participant=participant).mapping_date == D(2021, 3, 5)


def test_the_registered_mapping_date_stays_when_the_referral_gives_none_or_the_same(county, municipal_user):
    participant = participant_make(county, mapping_date=D(2021, 3, 5))
    referral_create(participant=participant, user=municipal_user)
    participant.refresh_from_db()
    assert participant.mapping_date == D(2021, 3, 5)
    other = participant_make(county, reference="R2", mapping_date=D(2021, 3, 5))
    referral_create(participant=other, user=municipal_user, mapping_date=D(2021, 3, 5))
    other.refresh_from_db()
    assert other.mapping_date == D(2021, 3, 5)


def test_a_mapping_date_before_the_birth_date_refuses_the_whole_referral(county, municipal_user):
    participant = participant_make(county)  # born 17.05.1990
    with pytest.raises(ApplicationError) as error:
        referral_create(participant=participant, user=municipal_user, mapping_date=D(1989, 1, 1))
    assert error.value.field == "mapping_date" and "før fødselsdatoen" in error.value.message
    assert not Referral.objects.exists() and not GuidanceCase.objects.exists()
    assert Participant.objects.get(pk=participant.pk).mapping_date is None


def test_the_referral_form_refuses_a_mapping_date_in_the_future(decided, municipal_user, client_for):
    tomorrow = TODAY + datetime.timedelta(days=1)
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{decided.pk}/henvis/", {"mapping_date": tomorrow.isoformat()}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["mapping_date"] == ["Kartleggingsdatoen kan ikke være fram i tid."]
    assert not Referral.objects.exists()


def test_the_referral_form_shows_a_mapping_date_before_the_birth_date_on_its_field(decided, municipal_user, client_for):
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{decided.pk}/henvis/", {"mapping_date": "1989-01-01"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["mapping_date"] == ["Kartleggingsdato er før fødselsdatoen."]
    assert not Referral.objects.exists()
