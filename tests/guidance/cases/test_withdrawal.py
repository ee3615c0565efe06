"""A municipality withdraws a referral: the case leaves the queue, the history keeps who, when and why,
and a new referral reopens the case."""

import pytest
from django.utils import timezone

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.guidance.cases.selectors import queue_for_counsellor
from integrering.guidance.cases.services import (
    case_book,
    case_complete,
    case_session_add,
    referral_create,
    referral_withdraw,
)
from integrering.guidance.models import CaseStatus, GuidanceCase, Referral, ReferralStatus
from tests.guidance.factories import D, participant_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(county, municipal_user, counsellor):
    participant = participant_make(county, reference="W-1")
    referral_create(participant=participant, user=municipal_user, mapping_date=D(2021, 3, 5))
    case_book(case=participant.guidance_case, booked_for=D(2021, 4, 1), counsellor=counsellor)
    return participant


def queued(user):
    queue = queue_for_counsellor(user)
    return [c.participant.reference for c in [*queue.referred, *queue.booked]]


def test_withdrawing_takes_the_case_out_of_the_queue_and_keeps_the_history(booked, municipal_user, counsellor):
    assert queued(counsellor) == ["W-1"]
    referral = referral_withdraw(participant=booked, user=municipal_user, reason=" Flyttet til Oslo ")
    assert (referral.status, referral.withdrawn_by, referral.withdrawal_reason) == (
        ReferralStatus.WITHDRAWN,
        municipal_user,
        "Flyttet til Oslo",
    )
    assert referral.withdrawn_at is not None
    case = GuidanceCase.objects.get(participant=booked)
    assert (case.status, case.booked_for) == (CaseStatus.WITHDRAWN, None)
    assert queued(counsellor) == []


def test_a_withdrawn_case_cannot_be_booked_or_completed_until_referred_again(booked, municipal_user, counsellor):
    referral_withdraw(participant=booked, user=municipal_user, reason="Henvist ved en feil")
    case = GuidanceCase.objects.get(participant=booked)
    for action in (
        lambda: case_book(case=case, booked_for=D(2021, 4, 2)),
        lambda: case_session_add(case=case, date=D(2021, 4, 2), minutes=30),
        lambda: case_complete(case=case, completed_on=D(2021, 4, 2)),
    ):
        with pytest.raises(ApplicationError, match="trukket tilbake"):
            action()
    referral_create(participant=booked, user=municipal_user)
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRED
    assert queued(counsellor) == ["W-1"]
    assert [referral.status for referral in Referral.objects.filter(participant=booked)] == [
        ReferralStatus.REFERRED,
        ReferralStatus.WITHDRAWN,
    ]


@pytest.mark.parametrize("reason,message", [("", "Begrunnelse"), ("x" * 201, "200 tegn")])
def test_a_withdrawal_needs_a_short_reason(booked, municipal_user, reason, message):
    with pytest.raises(ApplicationError, match=message):
        referral_withdraw(participant=booked, user=municipal_user, reason=reason)
    assert Referral.objects.get(participant=booked).status == ReferralStatus.BOOKED


def test_nothing_to_withdraw_without_an_open_referral_or_after_completion(county, booked, municipal_user):
    with pytest.raises(ApplicationError, match="ingen åpen henvisning"):
        referral_withdraw(participant=participant_make(county, reference="W-2"), user=municipal_user, reason="Feil")
    case_complete(case=booked.guidance_case, completed_on=D(2021, 4, 1))
    with pytest.raises(ApplicationError, match="ingen åpen henvisning"):
        referral_withdraw(participant=booked, user=municipal_user, reason="For sent")


def test_the_municipal_user_withdraws_through_the_participant_page(booked, municipal_user, counsellor, client_for):
    client = client_for(municipal_user)
    page = client.get(f"/veiledning/deltakere/{booked.pk}/").content.decode()
    assert "Trekk tilbake henvisningen" in page
    form = client.get(f"/veiledning/deltakere/{booked.pk}/trekk-henvisning/")
    assert form.status_code == 200
    empty = client.post(f"/veiledning/deltakere/{booked.pk}/trekk-henvisning/", {"reason": ""})
    assert empty.status_code == 400
    assert Referral.objects.get(participant=booked).status == ReferralStatus.BOOKED
    response = client.post(f"/veiledning/deltakere/{booked.pk}/trekk-henvisning/", {"reason": "Flyttet"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Henvisningen ble trukket tilbake." in page
    assert f"Trukket tilbake {timezone.localdate():%d.%m.%Y}" in page and "Flyttet" in page
    assert "Henvis til karriereveiledning" in page  # may refer again
    again = client.post(f"/veiledning/deltakere/{booked.pk}/trekk-henvisning/", {"reason": "Igjen"})
    assert again.status_code == 400 and "ingen åpen henvisning" in again.content.decode()
    counsellor_page = client_for(counsellor).get(f"/veiledning/deltakere/{booked.pk}/").content.decode()
    assert "Kommunen har trukket tilbake henvisningen" in counsellor_page
    assert "Fullfør veiledningen" not in counsellor_page


def test_a_counsellor_may_not_withdraw_and_another_municipality_gets_404(booked, counsellor, make_user, client_for):
    assert (
        client_for(counsellor)
        .post(f"/veiledning/deltakere/{booked.pk}/trekk-henvisning/", {"reason": "Nei"})
        .status_code
        == 403
    )
    other = make_user(Role.MUNICIPAL_USER, username="kommune5006", municipality="5006")
    assert (
        client_for(other).post(f"/veiledning/deltakere/{booked.pk}/trekk-henvisning/", {"reason": "Nei"}).status_code
        == 404
    )
    assert Referral.objects.get(participant=booked).status == ReferralStatus.BOOKED
