"""A municipality asks for guidance; the contact person sees it and is e-mailed; an activity answers it."""

import datetime

import pytest
from django.core import mail

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.municipalities.models import ContactAssignment, Municipality
from integrering.regional.activities.services import activity_status_change
from integrering.regional.requests.models import GuidanceRequest
from integrering.regional.requests.services import request_activity_create, request_create, request_decline
from tests.regional.conftest import NATIONAL_ID


@pytest.fixture
def contact(adviser):
    ContactAssignment.objects.create(
        municipality=Municipality.objects.get(number="5001"), person=adviser, start=datetime.date(2020, 1, 1)
    )
    return adviser


def _ask(user, **extra):
    return request_create(
        user=user, topic="introduction_programme", description="Hjelp med introduksjonsprogrammet", **extra
    )


def test_a_municipal_user_asks_from_the_start_page_and_the_contact_person_is_told(
    client_for, municipal_user, contact, django_capture_on_commit_callbacks
):
    client = client_for(municipal_user)
    assert "/regionalt/veiledning/be-om/" in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/regionalt/veiledning/be-om/",
            {"topic": "career_guidance", "description": "Vi trenger hjelp", "preferred_dates": "uke 12"},
        )
    request = GuidanceRequest.objects.get()
    assert response.status_code == 302
    assert (request.municipality.number, request.status) == ("5001", "received")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [contact.email]
    assert f"/regionalt/veiledning/{request.pk}/" in mail.outbox[0].body
    client.force_login(contact)
    assert "Trondheim" in client.get("/").content.decode()


def test_a_request_with_an_identity_number_is_refused(municipal_user):
    with pytest.raises(ApplicationError):
        request_create(user=municipal_user, topic="other", description=f"Gjelder {NATIONAL_ID}")
    with pytest.raises(ApplicationError):
        request_create(user=municipal_user, topic="other", description="x", preferred_dates=NATIONAL_ID)


def test_the_first_activity_stamps_the_response_time_and_the_request_is_done_when_carried_out(
    municipal_user, contact, client_for
):
    request = _ask(municipal_user)
    activity = request_activity_create(
        request=request,
        user=contact,
        areas=[2],
        title="Veiledningsbesøk",
        activity_type="guidance_visit",
        start_date=datetime.date(2025, 5, 2),
    )
    request.refresh_from_db()
    assert request.status == "planned"
    assert request.answered_at is not None and request.response_days == 0
    assert list(activity.municipalities.values_list("number", flat=True)) == ["5001"]
    activity_status_change(activity=activity, status="done")
    request.refresh_from_db()
    assert request.status == "done"
    page = client_for(municipal_user).get(f"/regionalt/veiledning/kommunen/{request.pk}/").content.decode()
    assert "Veiledningsbesøk" in page


def test_a_declined_request_says_why_and_cannot_be_answered(municipal_user, contact):
    request = _ask(municipal_user)
    with pytest.raises(ApplicationError):
        request_decline(request=request, reason=" ")
    request_decline(request=request, reason="Dekkes av IMDi")
    with pytest.raises(ApplicationError):
        request_activity_create(
            request=request,
            user=contact,
            areas=[2],
            title="x",
            activity_type="course",
            start_date=datetime.date(2025, 1, 1),
        )


def test_a_municipal_user_sees_only_their_own_municipalitys_requests(municipal_user, make_user, client_for):
    other = make_user(Role.MUNICIPAL_USER, username="kommune5006", municipality="5006")
    request = _ask(other)
    client = client_for(municipal_user)
    assert client.get(f"/regionalt/veiledning/kommunen/{request.pk}/").status_code == 404
    assert client.get(f"/regionalt/veiledning/{request.pk}/").status_code == 403


def test_the_county_list_shows_the_median_response_time(municipal_user, contact, client_for):
    request = _ask(municipal_user)
    request_activity_create(
        request=request,
        user=contact,
        areas=[2],
        title="Møte",
        activity_type="course",
        start_date=datetime.date(2025, 1, 1),
    )
    page = client_for(contact).get("/regionalt/veiledning/").content.decode()
    assert "Trondheim" in page
    assert "0 dager" in page
