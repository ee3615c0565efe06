"""The list pages log which participants they showed, and the § 30 list is paged and filtered by municipality."""

import pytest

from integrering.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    return make_user(Role.SCHOOL_COORDINATOR, username="skolekoordinator")
