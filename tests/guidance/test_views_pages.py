"""The guidance pages: the list and its filters, the participant's page and forms, the queue and the case
actions, § 30 training and its export, compliance."""

import datetime

import pytest
from django.utils import timezone

from integrering.core.roles import Role
from integrering.guidance import services
from integrering.guidance.models import Participant

from .factories import case_of, export_setup, participant_make

TODAY = timezone.localdate()
FNR = "17059010182"  # synthetic: birth date 17.05.1990 (the factory's), valid check digits


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


@pytest.fixture
def coordinator(make_user):
    return make_user(Role.SCHOOL_COORDINATOR, username="skolekoordinator")


@pytest.fixture
def decided(county):
    """Decision made five days ago, no mapping, no guidance: mapping and guidance are missing."""
    return participant_make(
        county, reference="T-1", settlement_date=days_ago(40), permit_date=days_ago(60), decision_date=days_ago(5)
    )


@pytest.fixture
def referred(decided, municipal_user):
    services.referral_create(participant=decided, user=municipal_user, mapping_date=days_ago(20))
    return Participant.objects.get(pk=decided.pk)


def test_every_page_renders_for_a_counsellor(referred, counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    for url in [
        "/veiledning/deltakere/",
        f"/veiledning/deltakere/{referred.pk}/",
        "/veiledning/deltakere/ny/",
        f"/veiledning/deltakere/{referred.pk}/endre/",
        f"/veiledning/deltakere/{referred.pk}/vedtak/",
        "/veiledning/ko/",
        "/veiledning/ko/?mine=1",
        f"/veiledning/saker/{case.pk}/book/",
        f"/veiledning/saker/{case.pk}/samtale/",
        f"/veiledning/saker/{case.pk}/fullfor/",
        f"/veiledning/saker/{case.pk}/tildel/",
        "/veiledning/etterlevelse/",
    ]:
        assert client.get(url).status_code == 200, url


def test_compliance_shows_the_figures_and_links_to_the_participants_behind_them(
    county, municipal_user, counsellor, client_for
):
    p, _ = export_setup(county, municipal_user)
    services.decision_register(
        participant=Participant.objects.get(pk=p.pk), version=None, decision_date=datetime.date(2021, 5, 1)
    )
    response = client_for(counsellor).get("/veiledning/etterlevelse/")
    page = response.content.decode()
    assert response.context["data"].total.guidance_before_decision == 1
    assert "100\xa0%" in page
    assert "/veiledning/deltakere/?kommune=5001&amp;figur=guidance_before_decision" in page
    behind = client_for(counsellor).get("/veiledning/deltakere/?kommune=5001&figur=guidance_before_decision")
    assert [x.reference for x in behind.context["page"]] == ["E-1"]


def test_compliance_without_access_to_participants_shows_numbers_without_links(
    county, municipal_user, make_user, client_for
):
    export_setup(county, municipal_user)
    leader = make_user(Role.LEADER, username="leder")
    page = client_for(leader).get("/veiledning/etterlevelse/").content.decode()
    assert "Kartlegging mangler" not in page or "/veiledning/deltakere/?" not in page
    assert "/veiledning/deltakere/?" not in page


def test_the_compliance_query_count_does_not_grow(county, counsellor, client_for, django_assert_max_num_queries):
    for i in range(30):
        participant_make(
            county,
            reference=f"C-{i}",
            municipality="5001" if i % 2 else "5006",
            decision_date=datetime.date(2021, 5, 1),
        )
    client = client_for(counsellor)
    with django_assert_max_num_queries(12):
        client.get("/veiledning/etterlevelse/")
