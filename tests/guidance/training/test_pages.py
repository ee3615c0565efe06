"""The § 30 pages: the list (paged, filtered, logged), enrolling and updating an enrolment."""

import datetime

from integrering.core.roles import Role
from integrering.guidance.models import TrainingEnrolment
from integrering.guidance.training.services import training_enrol
from tests.guidance.factories import D, list_reads, participant_make


def test_the_enrolment_page_says_why_and_enrols_nobody(county, make_user, client_for):
    participant = participant_make(county, reference="DEMO-02", full_time_upper_secondary=False)
    client = client_for(make_user(Role.SCHOOL_COORDINATOR, username="skole"))
    url = f"/veiledning/opplaering/deltakere/{participant.pk}/meld-opp/"
    response = client.post(url, {"school": "X vgs", "target_level": "B1", "start": "2024-08-19"}, follow=True)
    assert response.redirect_chain == [(f"/veiledning/deltakere/{participant.pk}/", 302)]
    assert "ikke registrert i videregående opplæring på heltid" in response.content.decode()
    assert not TrainingEnrolment.objects.exists()
    assert client.get(url).status_code == 302


def test_training_enrolment_update_and_list(county, coordinator, client_for):
    participant = participant_make(county, reference="S-1", full_time_upper_secondary=True)
    client = client_for(coordinator)
    assert "S-1" in client.get("/veiledning/opplaering/").content.decode()
    response = client.post(
        f"/veiledning/opplaering/deltakere/{participant.pk}/meld-opp/",
        {
            "school": "Thora Storm vgs",
            "target_level": "B1",
            "start": "2024-08-19",
            "hours_planned": "300",
        },
    )
    assert response.status_code == 302
    enrolment = TrainingEnrolment.objects.get(participant=participant)
    response = client.post(
        f"/veiledning/opplaering/{enrolment.pk}/endre/",
        {
            "version": enrolment.version,
            "school": "Thora Storm vgs",
            "target_level": "B1",
            "start": "2024-08-19",
            "hours_planned": "300",
            "hours_attended": "120",
            "absence_hours": "14",
        },
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.absence_hours == 14
    page = client.get("/veiledning/opplaering/").content.decode()
    assert "Thora Storm vgs" in page


def test_an_end_before_start_is_a_form_error(county, coordinator, client_for):
    participant = participant_make(county, reference="S-2", full_time_upper_secondary=True)
    response = client_for(coordinator).post(
        f"/veiledning/opplaering/deltakere/{participant.pk}/meld-opp/",
        {
            "school": "X vgs",
            "target_level": "B1",
            "start": "2024-08-19",
            "end": "2024-01-01",
        },
    )
    assert response.status_code == 400
    assert not TrainingEnrolment.objects.exists()


def test_the_training_list_is_paged_filtered_and_logged(county, coordinator, client_for, django_assert_max_num_queries):
    for i in range(53):
        participant_make(
            county, reference=f"V-{i:02}", full_time_upper_secondary=True, municipality="5001" if i < 50 else "5006"
        )
    enrolled = participant_make(county, reference="E-1", municipality="5006", full_time_upper_secondary=True)
    training_enrol(participant=enrolled, school="Steinkjer vgs", target_level="B1", start=D(2024, 8, 19))
    client = client_for(coordinator)
    with django_assert_max_num_queries(14):
        first = client.get("/veiledning/opplaering/")
    assert [p.reference for p in first.context["waiting_page"]] == [f"V-{i:02}" for i in range(50)]
    assert first.context["waiting_page"].paginator.count == 53
    assert "venter=2" in first.content.decode()
    second = client.get("/veiledning/opplaering/?venter=2")
    assert [p.reference for p in second.context["waiting_page"]] == ["V-50", "V-51", "V-52"]
    assert [e.participant.reference for e in second.context["enrolled_page"]] == ["E-1"]
    steinkjer = client.get("/veiledning/opplaering/?kommune=5006")
    assert [p.reference for p in steinkjer.context["waiting_page"]] == ["V-50", "V-51", "V-52"]
    assert 'id="filter_kommune"' in steinkjer.content.decode()
    reads = list_reads(coordinator)
    assert len(reads) == 3 and len(reads[0].record_ids) == 51  # 50 waiting and the one enrolled
    assert client.get("/veiledning/opplaering/?kommune=9999").status_code == 200  # unknown: all, no error


def test_a_training_update_without_the_version_is_refused(steinkjer, make_user, client_for):
    coordinator = make_user(Role.SCHOOL_COORDINATOR, username="skole")
    enrolment = training_enrol(
        participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2021, 8, 16)
    )
    response = client_for(coordinator).post(
        f"/veiledning/opplaering/{enrolment.pk}/endre/",
        {"school": "", "target_level": "B1", "start": "2021-08-16", "absence_hours": "999"},
    )
    assert response.status_code == 400
    enrolment.refresh_from_db()
    assert enrolment.school == "Steinkjer vgs" and enrolment.absence_hours in (None, 0)
