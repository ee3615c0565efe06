"""The counsellor's queue: overdue first, then by deadline; one's own cases; scoped; the page logged."""

import datetime

import pytest
from django.http import Http404

from integrering.core.roles import Role
from integrering.guidance.cases.selectors import case_for_user, queue_for_counsellor
from integrering.guidance.cases.services import case_book, case_complete, referral_create
from integrering.guidance.participants.selectors import participant_for_user, participants_for_user
from tests.guidance.factories import days_ago, list_reads, participant_make

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def make_referred(county, reference, settled_days_ago, municipality="5001"):
    participant = participant_make(
        county,
        reference=reference,
        municipality=municipality,
        settlement_date=TODAY - datetime.timedelta(days=settled_days_ago),
        permit_date=TODAY - datetime.timedelta(days=settled_days_ago + 30),
    )
    referral_create(participant=participant, user=None, mapping_date=TODAY - datetime.timedelta(days=5))
    return participant


@pytest.fixture
def queue_set(county, other_county, counsellor):
    make_referred(county, "SOON", 80)
    make_referred(county, "LATER", 10)
    make_referred(county, "OVERDUE", 200)
    booked = make_referred(county, "BOOKED", 40, municipality="5006")
    case_book(case=booked.guidance_case, booked_for=TODAY, counsellor=counsellor)
    done = make_referred(county, "DONE", 60)
    case_complete(case=done.guidance_case, completed_on=TODAY)
    make_referred(other_county, "ELSEWHERE", 200, municipality="4601")


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


def test_the_queue_logs_the_participants_in_it(county, municipal_user, make_user, client_for):
    counsellor = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    referred = participant_make(county, reference="Q-1")
    referral_create(participant=referred, user=municipal_user)
    participant_make(county, reference="Q-2")  # not referred: not in the queue
    client_for(counsellor).get("/veiledning/ko/")
    (read,) = list_reads(counsellor)
    assert (read.record_ids, read.description) == ([referred.pk], "Arbeidskø")


def test_a_referral_appears_in_the_counsellors_queue(decided, municipal_user, counsellor, client_for):
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{decided.pk}/henvis/",
        {
            "mapping_date": days_ago(20).isoformat(),
            "note": "Kontakt: Kari",
        },
    )
    assert response.status_code == 302
    queue = client_for(counsellor).get("/veiledning/ko/")
    referred_section = queue.context["sections"][0]
    assert [c.participant.reference for c in referred_section["rows"]] == ["T-1"]
    assert "T-1" in queue.content.decode()


def test_the_queue_is_sorted_overdue_first_with_days_left(county, municipal_user, counsellor, client_for):
    soon = participant_make(county, reference="SOON", settlement_date=days_ago(80), permit_date=days_ago(90))
    late = participant_make(county, reference="LATE", settlement_date=days_ago(120), permit_date=days_ago(130))
    later = participant_make(county, reference="LATER", settlement_date=days_ago(10), permit_date=days_ago(20))
    for p in (later, soon, late):
        referral_create(participant=p, user=municipal_user, mapping_date=days_ago(5))
    response = client_for(counsellor).get("/veiledning/ko/")
    rows = response.context["sections"][0]["rows"]
    assert [c.participant.reference for c in rows] == ["LATE", "SOON", "LATER"]
    page = response.content.decode()
    assert "Forfalt for" in page and "dager igjen" in page


def test_the_queue_query_count_does_not_grow(
    county, municipal_user, counsellor, client_for, django_assert_max_num_queries
):
    for i in range(25):
        p = participant_make(county, reference=f"Q-{i}", settlement_date=days_ago(30), permit_date=days_ago(40))
        referral_create(participant=p, user=municipal_user, mapping_date=days_ago(5))
    client = client_for(counsellor)
    with django_assert_max_num_queries(12):
        client.get("/veiledning/ko/")
