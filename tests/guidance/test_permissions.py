"""The authorisation matrix of the guidance pages: each role gets exactly the pages its work needs."""

import datetime

import pytest

from integrering.core.roles import Role
from integrering.guidance.cases.services import referral_create
from integrering.guidance.models import GuidanceCase, TrainingEnrolment
from integrering.guidance.training.services import training_enrol
from tests.guidance.factories import participant_make

R = Role
PARTICIPANT_READERS = {R.CAREER_COUNSELLOR, R.SCHOOL_COORDINATOR, R.MUNICIPAL_USER}
PARTICIPANT_EDITORS = {R.CAREER_COUNSELLOR, R.MUNICIPAL_USER}
EXPORTERS = {R.CAREER_COUNSELLOR, R.SCHOOL_COORDINATOR, R.MUNICIPAL_USER}
# Every county role; an applicant (grants) sees none of the county's guidance pages.
EVERYONE = set(Role) - {R.APPLICANT}

# page → the roles that may open it (everyone else gets 403; anonymous users go to the login page).
MATRIX = {
    "/veiledning/deltakere/": PARTICIPANT_READERS,
    "/veiledning/deltakere/{p}/": PARTICIPANT_READERS,
    "/veiledning/deltakere/ny/": PARTICIPANT_EDITORS,
    "/veiledning/deltakere/{p}/endre/": PARTICIPANT_EDITORS,
    # The § 12 decision is the municipality's own: a counsellor may edit facts but not register it.
    "/veiledning/deltakere/{p}/vedtak/": {R.MUNICIPAL_USER},
    "/veiledning/deltakere/{p}/henvis/": {R.MUNICIPAL_USER},
    "/veiledning/deltakere/{p}/trekk-henvisning/": {R.MUNICIPAL_USER},
    "/veiledning/ko/": {R.CAREER_COUNSELLOR},
    "/veiledning/saker/{c}/ta/": {R.CAREER_COUNSELLOR},
    "/veiledning/saker/{c}/tildel/": {R.CAREER_COUNSELLOR},
    "/veiledning/saker/{c}/book/": {R.CAREER_COUNSELLOR},
    "/veiledning/saker/{c}/samtale/": {R.CAREER_COUNSELLOR},
    "/veiledning/saker/{c}/fullfor/": {R.CAREER_COUNSELLOR},
    "/veiledning/opplaering/": {R.SCHOOL_COORDINATOR},
    "/veiledning/opplaering/deltakere/{p}/meld-opp/": {R.SCHOOL_COORDINATOR},
    "/veiledning/opplaering/{e}/endre/": {R.SCHOOL_COORDINATOR},
    "/veiledning/eksport/veiledning-og-fravaer.csv": EXPORTERS,
    "/veiledning/eksport/veiledning-og-fravaer.xlsx": EXPORTERS,
    "/veiledning/etterlevelse/": EVERYONE,
}
POST_ONLY = {"/veiledning/saker/{c}/ta/"}


@pytest.fixture
def records(county, make_user):
    """A referred participant in Trondheim (5001) with a § 30 enrolment."""
    referrer = make_user(R.MUNICIPAL_USER, username="henviser", municipality="5001")
    participant = participant_make(county, reference="M-1", full_time_upper_secondary=True)
    referral_create(participant=participant, user=referrer, mapping_date=datetime.date(2021, 3, 5))
    training_enrol(participant=participant, school="Byåsen vgs", target_level="B1", start=datetime.date(2024, 8, 19))
    return {
        "p": participant.pk,
        "c": GuidanceCase.objects.get(participant=participant).pk,
        "e": TrainingEnrolment.objects.get(participant=participant).pk,
    }


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_exactly_the_guidance_pages_of_the_matrix(role, records, make_user, client_for):
    user = make_user(role, username=f"g_{role.value}", municipality="5001" if role == R.MUNICIPAL_USER else None)
    client = client_for(user)
    wrong = []
    for template, allowed in MATRIX.items():
        path = template.format(**records)
        status = client.get(path).status_code
        expected = (405 if template in POST_ONLY else 200) if role in allowed else 403
        if status != expected:
            wrong.append(f"{path}: expected {expected}, got {status}")
    assert not wrong, "\n".join(wrong)


def test_anonymous_users_are_sent_to_the_login_page_everywhere(records, client):
    for template in MATRIX:
        response = client.get(template.format(**records))
        assert response.status_code == 302 and response.url.startswith("/logg-inn/"), template


@pytest.mark.parametrize("role", sorted(set(Role) - {R.CAREER_COUNSELLOR}))
def test_only_a_counsellor_can_post_a_case_action(role, records, make_user, client_for):
    user = make_user(role, username=f"p_{role.value}", municipality="5001" if role == R.MUNICIPAL_USER else None)
    client = client_for(user)
    c = records["c"]
    assert client.post(f"/veiledning/saker/{c}/ta/").status_code == 403
    assert (
        client.post(
            f"/veiledning/saker/{c}/fullfor/", {"completed_on": "2021-04-01", "recommendation": "work"}
        ).status_code
        == 403
    )
    assert GuidanceCase.objects.get(pk=c).status == "referred"


def test_a_municipal_user_without_a_municipality_sees_no_participants(records, make_user, client_for):
    user = make_user(R.MUNICIPAL_USER, username="uten_kommune")
    client = client_for(user)
    assert client.get("/veiledning/deltakere/").status_code == 403
    assert client.get(f"/veiledning/deltakere/{records['p']}/").status_code == 403


@pytest.mark.django_db
def test_only_the_municipality_is_offered_to_register_the_decision(decided, counsellor, municipal_user, client_for):
    """Issue 11 §6: the participant's page offers «Registrer vedtak og program» to the municipality only."""
    url = f"/veiledning/deltakere/{decided.pk}/"
    decision = f"/veiledning/deltakere/{decided.pk}/vedtak/"
    assert decision in client_for(municipal_user).get(url).content.decode()
    assert decision not in client_for(counsellor).get(url).content.decode()
    assert client_for(counsellor).post(decision, {"version": decided.version}).status_code == 403
