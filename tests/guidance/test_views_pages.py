"""The guidance pages: the list and its filters, the participant's page and forms, the queue and the case
actions, § 30 training and its export, compliance."""

import datetime

import pytest
from django.utils import timezone

from integrering.core.roles import Role
from integrering.guidance import services
from integrering.guidance.models import Participant

from .factories import case_of, participant_make

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
