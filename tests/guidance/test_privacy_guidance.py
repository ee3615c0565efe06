"""Privacy: scoped to municipality and county (404 outside), every read of a participant's page and every
export logged, the fødselsnummer never in full in a list, never in a URL."""

import pytest

from integrering.core.roles import Role

from .factories import participant_make

FNR = "17059010182"  # synthetic, matches the factory's birth date


@pytest.fixture
def trondheim(county):
    return participant_make(county, reference="TRD-9", municipality="5001", national_id=FNR)


@pytest.fixture
def steinkjer(county):
    return participant_make(county, reference="STK-9", municipality="5006", full_time_upper_secondary=True)


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")
