"""Fixtures the guidance tests share: the county's staff by role and participants at the usual stages."""

import pytest

from integrering.core.roles import Role
from integrering.guidance.cases.services import referral_create
from integrering.guidance.models import Participant
from tests.guidance.factories import FNR, days_ago, participant_make


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
    referral_create(participant=decided, user=municipal_user, mapping_date=days_ago(20))
    return Participant.objects.get(pk=decided.pk)


@pytest.fixture
def trondheim(county):
    return participant_make(county, reference="TRD-9", municipality="5001", national_id=FNR)


@pytest.fixture
def steinkjer(county):
    return participant_make(county, reference="STK-9", municipality="5006", full_time_upper_secondary=True)
