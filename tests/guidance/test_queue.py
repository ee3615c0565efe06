import datetime

import pytest
from django.http import Http404

from integrering.core.roles import Role
from integrering.guidance import services
from integrering.guidance.selectors import (
    case_for_user,
    participant_for_user,
    participants_for_user,
    queue_for_counsellor,
)

from .factories import participant_make

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def referred(county, reference, settled_days_ago, municipality="5001"):
    participant = participant_make(
        county,
        reference=reference,
        municipality=municipality,
        settlement_date=TODAY - datetime.timedelta(days=settled_days_ago),
        permit_date=TODAY - datetime.timedelta(days=settled_days_ago + 30),
    )
    services.referral_create(participant=participant, user=None, mapping_date=TODAY - datetime.timedelta(days=5))
    return participant


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


@pytest.fixture
def queue_set(county, other_county, counsellor):
    referred(county, "SOON", 80)
    referred(county, "LATER", 10)
    referred(county, "OVERDUE", 200)
    booked = referred(county, "BOOKED", 40, municipality="5006")
    services.case_book(case=booked.guidance_case, booked_for=TODAY, counsellor=counsellor)
    done = referred(county, "DONE", 60)
    services.case_complete(case=done.guidance_case, completed_on=TODAY)
    referred(other_county, "ELSEWHERE", 200, municipality="4601")


def test_the_queue_is_sorted_overdue_first_then_by_deadline(queue_set, counsellor, django_assert_max_num_queries):
    queue = queue_for_counsellor(counsellor)
    with django_assert_max_num_queries(3):
        referred_refs = [c.participant.reference for c in queue.referred]
        booked = [
            (c.participant.reference, c.counsellor.username, c.participant.municipality.number) for c in queue.booked
        ]
        completed = [c.participant.reference for c in queue.completed]
    assert referred_refs == ["OVERDUE", "SOON", "LATER"]
    assert booked == [("BOOKED", "veileder", "5006")]
    assert completed == ["DONE"]
    first = queue_for_counsellor(counsellor).referred[0]
    assert first.overdue is True and first.referred_at is not None


def test_a_counsellors_own_queue_has_unassigned_referrals_and_own_bookings(queue_set, counsellor, make_user):
    other = make_user(Role.CAREER_COUNSELLOR, username="annen")
    queue = queue_for_counsellor(other, counsellor=other)
    assert len(queue.referred) == 3
    assert list(queue.booked) == []


def test_scoping_by_county_and_municipality(queue_set, counsellor, municipal_user, other_county, make_user):
    assert "ELSEWHERE" not in participants_for_user(counsellor).values_list("reference", flat=True)
    refs = set(participants_for_user(municipal_user).values_list("reference", flat=True))
    assert refs == {"SOON", "LATER", "OVERDUE", "DONE"}
    booked = participants_for_user(counsellor).get(reference="BOOKED")
    with pytest.raises(Http404):
        participant_for_user(municipal_user, booked.pk)
    with pytest.raises(Http404):
        case_for_user(municipal_user, booked.guidance_case.pk)
    outsider = make_user(Role.CAREER_COUNSELLOR, username="vestland", county_obj=other_county)
    with pytest.raises(Http404):
        participant_for_user(outsider, booked.pk)
