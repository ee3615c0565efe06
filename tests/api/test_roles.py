"""Every endpoint × role: the token's user's permissions and scope decide, as on the pages."""

import pytest

from integrering.core.permissions import POLICY, Perm
from integrering.core.roles import Role
from integrering.settlement.figures import imports, services
from integrering.settlement.recommendation.services import recommendation_make

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "kommuner?year=2024": Perm.VIEW_MUNICIPALITIES,
    "kommuner/5001?year=2024": Perm.VIEW_MUNICIPALITIES,
    "bosetting": Perm.VIEW_SETTLEMENT,
    "bosetting/2024": Perm.VIEW_SETTLEMENT,
    "bosetting/2024/anbefaling": Perm.VIEW_SETTLEMENT,
    "tilskudd/tildelinger?year=2024": Perm.HOME,  # public data: every token
    "aktiviteter/kommuner?year=2024": Perm.VIEW_REGIONAL,
}
COUNTY_WIDE = {"bosetting/2024", "bosetting/2024/anbefaling"}


@pytest.fixture
def year_with_recommendation(county, adviser):
    plan = imports.import_plan(county=county, year=2024, content=b"kommunenummer;anmodet\n5001;10\n", filename="x.csv")
    year = services.figures_apply(county=county, year=2024, rows=plan.rows)[0]
    recommendation_make(settlement_year=year, user=adviser, numbers={"5001": 40}, reason="Test")
    return year


def expected(role: Role, path: str) -> int:
    if ENDPOINTS[path] not in POLICY[role]:
        return 403
    if role == Role.MUNICIPAL_USER and path in COUNTY_WIDE:
        return 404  # the county's figures and recommendation are county-wide: out of a municipal user's scope
    return 200


@pytest.mark.parametrize("role", list(Role))
def test_each_role_s_token_reaches_exactly_what_the_policy_and_scope_allow(
    role, year_with_recommendation, make_user, token_for, api_get
):
    user = make_user(role, username=f"api_{role.value}", municipality="5001" if role == Role.MUNICIPAL_USER else None)
    secret = token_for(user)
    got = {path: api_get(path, secret).status_code for path in ENDPOINTS}
    assert got == {path: expected(role, path) for path in ENDPOINTS}
