"""No lost update on any guidance edit form: the second saver sees «Noen andre har endret dette siden du åpnet
det» with the other person's values, and nothing of theirs is overwritten (409)."""

import pytest

from integrering.core.roles import Role
from integrering.guidance.cases.services import case_assign, case_book, case_complete, case_correct
from integrering.guidance.models import GuidanceCase, Participant, TrainingEnrolment
from integrering.guidance.participants.services import decision_register, participant_update
from integrering.guidance.training.services import training_enrol, training_update
from integrering.municipalities.models import Municipality
from tests.guidance.factories import TODAY, D, case_of, days_ago, participant_make

pytestmark = pytest.mark.django_db
CONFLICT = "Noen andre har endret dette siden du åpnet det"


def opened_version(client, url) -> int:
    """The version the form carries when the user opens it."""
    response = client.get(url)
    assert response.status_code == 200
    return int(response.context["form"].initial["version"])


def refused(response, theirs: str | None) -> None:
    page = response.content.decode()
    assert response.status_code == 409, page[:500]
    assert CONFLICT in page
    if theirs is not None:  # the fields of the form that differ: the user's value beside the one saved
        assert "Lagret av en annen" in page and theirs in page


def test_participant_form(decided, counsellor, client_for):
    client = client_for(counsellor)
    url = f"/veiledning/deltakere/{decided.pk}/endre/"
    version = opened_version(client, url)
    participant_update(participant=Participant.objects.get(pk=decided.pk), version=version, name="Kari Annen")
    data = {
        "version": version,
        "municipality": Municipality.objects.get(number="5001").pk,
        "name": "Min Endring",
        "birth_date": "1990-05-17",
        "settled_by_agreement": "true",
        "interpreter_needed": "unknown",
        "full_time_upper_secondary": "unknown",
    }
    refused(client.post(url, data), "Kari Annen")
    assert Participant.objects.get(pk=decided.pk).name == "Kari Annen"


def test_decision_form(decided, municipal_user, client_for):
    client = client_for(municipal_user)
    url = f"/veiledning/deltakere/{decided.pk}/vedtak/"
    version = opened_version(client, url)
    decision_register(participant=Participant.objects.get(pk=decided.pk), version=version, decision_date=days_ago(3))
    response = client.post(url, {"version": version, "decision_date": days_ago(9).isoformat(), "end_goal": ""})
    refused(response, days_ago(3).isoformat())
    assert Participant.objects.get(pk=decided.pk).decision_date == days_ago(3)


@pytest.fixture
def other_counsellor(make_user):
    user = make_user(Role.CAREER_COUNSELLOR, username="veileder2")
    user.first_name, user.last_name = "Per", "Annen"
    user.save()
    return user


def test_assign_form(referred, counsellor, other_counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    url = f"/veiledning/saker/{case.pk}/tildel/"
    version = opened_version(client, url)
    case_assign(case=case_of(referred), counsellor=other_counsellor, version=version)
    refused(client.post(url, {"version": version, "counsellor": counsellor.pk}), "Per Annen")
    assert case_of(referred).counsellor == other_counsellor


def test_booking_form(referred, counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    url = f"/veiledning/saker/{case.pk}/book/"
    version = opened_version(client, url)
    case_book(case=case_of(referred), booked_for=D(2030, 1, 2), version=version, address="Rådhuset, rom 3")
    data = {"version": version, "booked_for": "2030-02-03", "booked_time": "10:00", "video": "on"}
    response = client.post(url, data | {"counsellor": counsellor.pk})
    refused(response, "2030-01-02")
    assert "Rådhuset, rom 3" in response.content.decode()  # the place they saved, beside the user's video
    assert case_of(referred).booked_for == D(2030, 1, 2)


def test_completion_form(referred, counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    url = f"/veiledning/saker/{case.pk}/fullfor/"
    version = opened_version(client, url)
    case_book(case=case_of(referred), booked_for=D(2030, 1, 2), version=version)
    data = {"version": version, "completed_on": TODAY.isoformat(), "recommendation": "work"}
    refused(client.post(url, data), None)  # the booking changed no field of this form
    assert case_of(referred).status == "booked"


def test_correction_form(referred, counsellor, client_for):
    case_complete(case=case_of(referred), completed_on=days_ago(2), recommendation="work")
    client = client_for(counsellor)
    case = case_of(referred)
    url = f"/veiledning/saker/{case.pk}/fullfor/"
    version = opened_version(client, url)
    case_correct(case=case_of(referred), version=version, completed_on=days_ago(4), recommendation="education")
    data = {"version": version, "completed_on": days_ago(1).isoformat(), "recommendation": "other"}
    refused(client.post(url, data), days_ago(4).isoformat())
    assert GuidanceCase.objects.get(pk=case.pk).completed_on == days_ago(4)


def test_training_form(county, make_user, client_for):
    participant = participant_make(county, reference="S-1", full_time_upper_secondary=True)
    enrolment = training_enrol(participant=participant, school="Byåsen vgs", target_level="B1", start=D(2024, 8, 19))
    client = client_for(make_user(Role.SCHOOL_COORDINATOR, username="koordinator"))
    url = f"/veiledning/opplaering/{enrolment.pk}/endre/"
    version = opened_version(client, url)
    training_update(enrolment=TrainingEnrolment.objects.get(pk=enrolment.pk), version=version, absence_hours=11)
    data = {"version": version, "school": "Byåsen vgs", "target_level": "B1", "start": "2024-08-19"}
    refused(client.post(url, data | {"absence_hours": "3"}), "11")
    assert TrainingEnrolment.objects.get(pk=enrolment.pk).absence_hours == 11


def test_taking_a_case_someone_else_just_took_is_refused(referred, counsellor, other_counsellor, client_for):
    case = case_of(referred)
    shown = case.version  # the queue showed the «Take» button at this version
    case_assign(case=case_of(referred), counsellor=other_counsellor, version=shown)
    response = client_for(counsellor).post(f"/veiledning/saker/{case.pk}/ta/", {"version": shown}, follow=True)
    assert CONFLICT in response.content.decode()
    assert case_of(referred).counsellor == other_counsellor
