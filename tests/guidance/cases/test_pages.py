"""The career-guidance pages: the referral, and the counsellor's case actions (take, book, session, complete)."""

import datetime

from integrering.guidance.models import CaseStatus, GuidanceSession
from tests.guidance.factories import TODAY, case_of, days_ago


def test_a_second_referral_is_refused_with_a_message(referred, municipal_user, client_for):
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{referred.pk}/henvis/",
        {
            "mapping_date": days_ago(20).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "allerede henvist" in response.content.decode()


def test_a_counsellor_takes_books_records_a_session_and_completes(referred, counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    assert client.post(f"/veiledning/saker/{case.pk}/ta/", {"neste": "/veiledning/ko/"}).url == "/veiledning/ko/"
    assert case_of(referred).counsellor == counsellor
    assert (
        client.post(
            f"/veiledning/saker/{case.pk}/book/",
            {
                "booked_for": (TODAY + datetime.timedelta(days=1)).isoformat(),
                "booked_time": "10:00",
                "video": "on",
                "counsellor": counsellor.pk,
            },
        ).status_code
        == 302
    )
    assert case_of(referred).status == CaseStatus.BOOKED
    assert (
        client.post(
            f"/veiledning/saker/{case.pk}/samtale/",
            {
                "date": TODAY.isoformat(),
                "minutes": "60",
                "mode": "remote",
                "interpreter_used": "on",
                "interpreter_language": "tigrinja",
            },
        ).status_code
        == 302
    )
    session = GuidanceSession.objects.get(case=case)
    assert (session.minutes, session.mode, session.interpreter_language) == (60, "remote", "tigrinja")
    response = client.post(
        f"/veiledning/saker/{case.pk}/fullfor/",
        {
            "completed_on": TODAY.isoformat(),
            "recommendation": "education",
            "recommendation_note": "Vg1 helse",
        },
    )
    assert response.status_code == 302
    referred.refresh_from_db()
    assert case_of(referred).status == CaseStatus.COMPLETED
    assert "GUIDANCE_MISSING" not in referred.findings
    assert "DECISION_BEFORE_GUIDANCE" in referred.findings


def test_the_session_form_works_inline_with_htmx(referred, counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    bad = client.post(
        f"/veiledning/saker/{case.pk}/samtale/",
        {"date": TODAY.isoformat(), "minutes": "", "mode": "in_person", "interpreter_used": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert bad.status_code == 200  # htmx swaps only 2xx: the errors are in the fragment
    assert 'id="samtaler"' in bad.content.decode() and "tolkens språk" in bad.content.decode()
    good = client.post(
        f"/veiledning/saker/{case.pk}/samtale/",
        {"date": TODAY.isoformat(), "minutes": "45", "mode": "in_person"},
        HTTP_HX_REQUEST="true",
    )
    assert good.status_code == 200
    assert "<html" not in good.content.decode()
    assert "Samtalen ble registrert" in good.content.decode()
    assert GuidanceSession.objects.filter(case=case).count() == 1


def test_a_session_in_the_future_is_refused(referred, counsellor, client_for):
    case = case_of(referred)
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = client_for(counsellor).post(
        f"/veiledning/saker/{case.pk}/samtale/", {"date": tomorrow, "minutes": "30", "mode": "in_person"}
    )
    assert response.status_code == 400
    assert not GuidanceSession.objects.filter(case=case).exists()


def test_an_unsafe_next_address_is_ignored(referred, counsellor, client_for):
    case = case_of(referred)
    response = client_for(counsellor).post(f"/veiledning/saker/{case.pk}/ta/", {"neste": "https://evil.example/"})
    assert response.url == f"/veiledning/deltakere/{referred.pk}/"
