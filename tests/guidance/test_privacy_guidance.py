"""Privacy: scoped to municipality and county (404 outside), every read of a participant's page and every
export logged, the fødselsnummer never in full in a list, never in a URL."""

import datetime

import pytest

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from integrering.guidance import services
from integrering.guidance.models import GuidanceCase

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


def test_a_case_of_another_county_is_404_for_a_counsellor(other_county, make_user, counsellor, client_for):
    referrer = make_user(Role.MUNICIPAL_USER, username="k4601", municipality="4601", county_obj=other_county)
    elsewhere = participant_make(other_county, reference="VTF-2", municipality="4601")
    services.referral_create(participant=elsewhere, user=referrer, mapping_date=datetime.date(2021, 3, 5))
    case = GuidanceCase.objects.get(participant=elsewhere)
    client = client_for(counsellor)
    assert client.get(f"/veiledning/saker/{case.pk}/book/").status_code == 404
    assert client.post(f"/veiledning/saker/{case.pk}/ta/").status_code == 404
    assert "VTF-2" not in client.get("/veiledning/ko/").content.decode()


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


def _read_descriptions(user) -> list[str]:
    return list(PersonalDataAccess.objects.filter(user=user, action="view").values_list("description", flat=True))


def test_the_case_decision_and_referral_forms_log_a_read_of_the_participant(
    trondheim, municipal_user, counsellor, client_for
):
    municipal = client_for(municipal_user)
    for path in ("vedtak/", "henvis/"):
        assert municipal.get(f"/veiledning/deltakere/{trondheim.pk}/{path}").status_code == 200
    services.referral_create(participant=trondheim, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
    assert municipal.get(f"/veiledning/deltakere/{trondheim.pk}/trekk-henvisning/").status_code == 200
    assert sorted(_read_descriptions(municipal_user)) == [
        "Henvisningsskjema",
        "Skjema: trekk henvisning",
        "Vedtaksskjema",
    ]
    case = GuidanceCase.objects.get(participant=trondheim)
    guide = client_for(counsellor)
    for path in ("book/", "tildel/", "samtale/", "fullfor/"):
        assert guide.get(f"/veiledning/saker/{case.pk}/{path}").status_code == 200
    reads = PersonalDataAccess.objects.filter(user=counsellor)
    assert reads.count() == 4
    assert all(r.record_ids == [trondheim.pk] and r.action == "view" for r in reads)


def test_saving_a_form_is_not_logged_as_a_read_of_the_page_not_shown(trondheim, municipal_user, client_for):
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{trondheim.pk}/henvis/", {"mapping_date": "2021-03-05"}
    )
    assert response.status_code == 302
    assert _read_descriptions(municipal_user) == []
