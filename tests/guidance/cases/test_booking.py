"""Issue 11 §6: a booking records the time, the place (an address or video) and any interpreter and language;
the participant's municipality sees it; bad input is refused in Norwegian."""

import datetime
import re

import pytest

from integrering.core.exceptions import ApplicationError
from integrering.guidance.cases.services import case_book
from tests.guidance.factories import TODAY, case_of

pytestmark = pytest.mark.django_db
LATER = TODAY + datetime.timedelta(days=7)


def book_url(case) -> str:
    return f"/veiledning/saker/{case.pk}/book/"


def post(client, case, **data):
    values = {
        "version": case.version,
        "booked_for": LATER.isoformat(),
        "booked_time": "13:30",
        "address": "Karrieresenteret, Kongens gate 1",
        "interpreter_needed": "on",
        "interpreter_language": "Tigrinja",
    }
    values.update(data)
    return client.post(book_url(case), {k: v for k, v in values.items() if v is not None})


def test_the_booking_records_time_place_and_interpreter(referred, counsellor, client_for):
    case = case_of(referred)
    response = post(client_for(counsellor), case)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = case_of(referred)
    assert (case.booked_for, case.booked_time) == (LATER, datetime.time(13, 30))
    assert case.booked_address == "Karrieresenteret, Kongens gate 1" and not case.booked_video
    assert case.booked_interpreter_needed and case.booked_interpreter_language == "Tigrinja"
    assert case.status == "booked"


def test_a_video_meeting_needs_no_address(referred, counsellor, client_for):
    case = case_of(referred)
    response = post(client_for(counsellor), case, address=None, video="on", interpreter_needed=None)
    assert response.status_code == 302
    case = case_of(referred)
    assert case.booked_video and case.booked_address == "" and case.booked_place == "Video"
    assert not case.booked_interpreter_needed and case.booked_interpreter_language == ""


def test_the_language_is_required_when_an_interpreter_is_needed(referred, counsellor, client_for):
    case = case_of(referred)
    response = post(client_for(counsellor), case, interpreter_language="")
    assert response.status_code == 400
    assert "Oppgi tolkens språk." in response.content.decode()
    assert case_of(referred).booked_for is None


def test_the_address_is_required_unless_video(referred, counsellor, client_for):
    response = post(client_for(counsellor), case_of(referred), address="")
    assert response.status_code == 400
    assert "Oppgi adressen, eller velg videomøte." in response.content.decode()


def test_an_appointment_in_the_past_is_refused(referred, counsellor, client_for):
    yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
    response = post(client_for(counsellor), case_of(referred), booked_for=yesterday)
    assert response.status_code == 400
    assert "Avtalen kan ikke være tilbake i tid." in response.content.decode()
    assert case_of(referred).booked_for is None


def test_the_time_is_required(referred, counsellor, client_for):
    response = post(client_for(counsellor), case_of(referred), booked_time="")
    assert response.status_code == 400
    assert case_of(referred).booked_for is None


def test_the_service_refuses_a_past_time_and_a_missing_language(referred):
    with pytest.raises(ApplicationError) as error:
        case_book(case=case_of(referred), booked_for=TODAY - datetime.timedelta(days=1), booked_time=datetime.time(9))
    assert error.value.user_message == "Avtalen kan ikke være tilbake i tid."
    with pytest.raises(ApplicationError):
        case_book(case=case_of(referred), booked_for=LATER, booked_time=datetime.time(9), interpreter_needed=True)


def test_the_municipality_sees_the_booking(referred, municipal_user, client_for):
    case_book(
        case=case_of(referred),
        booked_for=LATER,
        booked_time=datetime.time(9, 15),
        address="Rådhuset, møterom 2",
        interpreter_needed=True,
        interpreter_language="Dari",
    )
    page = client_for(municipal_user).get(f"/veiledning/deltakere/{referred.pk}/").content.decode()
    assert LATER.strftime("%d.%m.%Y") in page and "09:15" in page
    assert "Rådhuset, møterom 2" in page
    assert "Trengs (Dari)" in page


def test_withdrawing_the_referral_cancels_the_whole_booking(referred, municipal_user):
    from integrering.guidance.cases.services import referral_withdraw

    case_book(case=case_of(referred), booked_for=LATER, booked_time=datetime.time(9), video=True)
    referral_withdraw(participant=referred, user=municipal_user, reason="Flyttet")
    case = case_of(referred)
    assert case.booked_for is None and case.booked_time is None and not case.booked_video


def test_a_guidance_form_with_errors_shows_the_summary(referred, counsellor, client_for):
    case = case_of(referred)
    response = client_for(counsellor).post(
        f"/veiledning/saker/{case.pk}/book/", {"version": case.version, "booked_for": "", "booked_time": ""}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dette må rettes" in page and 'href="#id_booked_for"' in page and 'href="#id_booked_time"' in page
    assert page.index("data-error-summary") < page.index('<form method="post" novalidate')
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "no inline script (CSP)"


def test_the_queue_shows_the_booked_time(referred, counsellor, client_for):
    case_book(case=case_of(referred), booked_for=LATER, booked_time=datetime.time(14, 45), video=True)
    page = client_for(counsellor).get("/veiledning/ko/").content.decode()
    assert f"{LATER:%d.%m.%Y} 14:45" in page
