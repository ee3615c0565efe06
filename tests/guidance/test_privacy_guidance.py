"""Privacy: scoped to municipality and county (404 outside), every read of a participant's page and every
export logged, the fødselsnummer never in full in a list, never in a URL."""

import datetime

import pytest

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from integrering.guidance import services

from .factories import participant_make

FNR = "17059010182"  # synthetic, matches the factory's birth date


@pytest.fixture
def trondheim(county):
    return participant_make(county, reference="TRD-9", municipality="5001", national_id=FNR)


@pytest.fixture
def steinkjer(county):
    return participant_make(county, reference="STK-9", municipality="5006", full_time_upper_secondary=True)


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_is_logged_with_the_participants_in_it(
    fmt, trondheim, steinkjer, county, counsellor, make_user, client_for
):
    coordinator = make_user(Role.SCHOOL_COORDINATOR, username="skole")
    services.training_enrol(
        participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2024, 8, 19)
    )
    response = client_for(coordinator).get(f"/veiledning/eksport/veiledning-og-fravaer.{fmt}")
    assert response.status_code == 200
    read = PersonalDataAccess.objects.get(user=coordinator)
    assert read.action == "export" and read.record_type == "participant"
    assert read.record_ids == [steinkjer.pk]


def test_a_municipal_user_exports_only_their_own_municipality(trondheim, steinkjer, municipal_user, client_for):
    services.training_enrol(
        participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2024, 8, 19)
    )
    client = client_for(municipal_user)
    body = client.get("/veiledning/eksport/veiledning-og-fravaer.csv").content.decode("utf-8-sig")
    assert "STK-9" not in body
    assert client.get("/veiledning/eksport/veiledning-og-fravaer.csv?kommune=5006").status_code == 400


def test_a_training_update_without_the_version_is_refused(steinkjer, make_user, client_for):
    coordinator = make_user(Role.SCHOOL_COORDINATOR, username="skole")
    enrolment = services.training_enrol(
        participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2021, 8, 16)
    )
    response = client_for(coordinator).post(
        f"/veiledning/opplaering/{enrolment.pk}/endre/",
        {"school": "", "target_level": "B1", "start": "2021-08-16", "absence_hours": "999"},
    )
    assert response.status_code == 400
    enrolment.refresh_from_db()
    assert enrolment.school == "Steinkjer vgs" and enrolment.absence_hours in (None, 0)
