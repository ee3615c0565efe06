import pytest

from integrering.core.roles import Role
from tests.grants.factories import call_make, grant_accepted_make, organisation_make


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def organisation(applicant):
    return organisation_make(user=applicant)


@pytest.fixture
def call(county):
    return call_make(county=county)


@pytest.fixture
def accepted(call, organisation, applicant):
    """A grant of 100 000 kr (below the accountant threshold of 200 000), the project ending 31.12.2026."""
    return grant_accepted_make(call=call, organisation=organisation, user=applicant)


@pytest.fixture
def caseworkers(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="en"), make_user(Role.GRANT_CASEWORKER, username="to")
