"""Privacy of career guidance: a case outside the county is 404, and every form that shows the participant logs
a read (a saved form, not shown again, does not)."""

import datetime

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from integrering.guidance.cases.services import referral_create
from integrering.guidance.models import GuidanceCase
from tests.guidance.factories import participant_make


def test_a_case_of_another_county_is_404_for_a_counsellor(other_county, make_user, counsellor, client_for):
    referrer = make_user(Role.MUNICIPAL_USER, username="k4601", municipality="4601", county_obj=other_county)
    elsewhere = participant_make(other_county, reference="VTF-2", municipality="4601")
    referral_create(participant=elsewhere, user=referrer, mapping_date=datetime.date(2021, 3, 5))
    case = GuidanceCase.objects.get(participant=elsewhere)
    client = client_for(counsellor)
    assert client.get(f"/veiledning/saker/{case.pk}/book/").status_code == 404
    assert client.post(f"/veiledning/saker/{case.pk}/ta/").status_code == 404
    assert "VTF-2" not in client.get("/veiledning/ko/").content.decode()


def _read_descriptions(user) -> list[str]:
    return list(PersonalDataAccess.objects.filter(user=user, action="view").values_list("description", flat=True))


def test_the_case_decision_and_referral_forms_log_a_read_of_the_participant(
    trondheim, municipal_user, counsellor, client_for
):
    municipal = client_for(municipal_user)
    for path in ("vedtak/", "henvis/"):
        assert municipal.get(f"/veiledning/deltakere/{trondheim.pk}/{path}").status_code == 200
    referral_create(participant=trondheim, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
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


def test_the_htmx_session_fragment_logs_a_read(trondheim, municipal_user, counsellor, client_for):
    referral_create(participant=trondheim, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
    case = GuidanceCase.objects.get(participant=trondheim)
    guide = client_for(counsellor)
    url = f"/veiledning/saker/{case.pk}/samtale/"
    data = {"date": "2021-04-01", "minutes": "45", "mode": "in_person"}
    assert guide.post(url, data, HTTP_HX_REQUEST="true").status_code == 200
    assert guide.get(url, HTTP_HX_REQUEST="true").status_code == 200
    reads = PersonalDataAccess.objects.filter(user=counsellor, action="view")
    assert [r.record_ids for r in reads] == [[trondheim.pk], [trondheim.pk]]
    assert all("fragment" in r.description for r in reads)


def test_every_page_with_a_participants_data_logs_a_read(trondheim, municipal_user, counsellor, make_user, client_for):
    from integrering.guidance.training.services import training_enrol

    steinkjer = participant_make(trondheim.county, reference="S-1", municipality="5006", full_time_upper_secondary=True)
    enrolment = training_enrol(
        participant=steinkjer, school="Skole", target_level="B1", start=datetime.date(2024, 8, 1)
    )
    referral_create(participant=trondheim, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
    case = GuidanceCase.objects.get(participant=trondheim)
    pages = {
        counsellor: [
            ("/veiledning/deltakere/", "list"),
            (f"/veiledning/deltakere/{trondheim.pk}/", "view"),
            (f"/veiledning/deltakere/{trondheim.pk}/endre/", "view"),
            ("/veiledning/ko/", "list"),
            (f"/veiledning/saker/{case.pk}/book/", "view"),
            (f"/veiledning/saker/{case.pk}/samtale/", "view"),
        ],
        municipal_user: [
            (f"/veiledning/deltakere/{trondheim.pk}/vedtak/", "view"),
            (f"/veiledning/deltakere/{trondheim.pk}/henvis/", "view"),
            ("/veiledning/eksport/veiledning-og-fravaer.csv", "export"),
        ],
        make_user(Role.SCHOOL_COORDINATOR, username="koordinator"): [
            ("/veiledning/opplaering/", "list"),
            (f"/veiledning/opplaering/{enrolment.pk}/endre/", "view"),
            (f"/veiledning/opplaering/deltakere/{steinkjer.pk}/meld-opp/", "view"),
        ],
    }
    for user, urls in pages.items():
        client = client_for(user)
        for url, action in urls:
            before = PersonalDataAccess.objects.filter(user=user, action=action).count()
            assert client.get(url).status_code == 200, url
            assert PersonalDataAccess.objects.filter(user=user, action=action).count() == before + 1, url


def test_booking_and_completing_a_case_are_in_the_audit_log(referred, counsellor):
    from auditlog.models import LogEntry

    from integrering.guidance.cases.services import case_book, case_complete

    case = GuidanceCase.objects.get(participant=referred)
    case_book(case=case, booked_for=datetime.date(2030, 1, 2), counsellor=counsellor)
    case_complete(case=case, completed_on=datetime.date(2021, 4, 2), recommendation="work")
    entries = LogEntry.objects.get_for_object(case).order_by("pk")
    changes = [entry.changes_dict for entry in entries]
    assert any(c.get("status") == ["referred", "booked"] and "booked_for" in c for c in changes)
    assert any(c.get("status") == ["booked", "completed"] for c in changes)
