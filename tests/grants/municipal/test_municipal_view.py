"""Issue 12, roles: a municipal user sees the applications and grants where their municipality is the applicant or
among the municipalities involved — read-only, without the county's assessment (scores, impartiality) — and nothing
else: not drafts, not another municipality's, not the caseworker's pages."""

import pytest

from integrering.core.roles import Role
from integrering.grants.assessment.services import assessment_save, impartiality_declare, screening_complete
from integrering.grants.decisions.services import decisions_make, recommendation_set
from integrering.municipalities.models import Municipality
from tests.grants.factories import application_make, call_make, organisation_make


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def call(county):
    return call_make(county=county)


@pytest.fixture
def records(call, applicant, make_user):
    """In Trondheim (5001): the municipality's own application; a Steinkjer (5006) organisation's project that
    involves Trondheim; one that does not; a draft that involves Trondheim."""
    trondheim = organisation_make(user=applicant, kind="municipality", municipality="5001", orgnr="938587418")
    trondheim.name = "Trondheim kommune"
    trondheim.save()
    steinkjer_org = organisation_make(user=applicant, municipality="5006", name="Steinkjer frivillige")
    own = application_make(call=call, organisation=trondheim, user=applicant, submit=True, project_title="Eget")
    involving = application_make(
        call=call,
        organisation=steinkjer_org,
        user=applicant,
        submit=True,
        project_title="Felles",
        municipalities=list(Municipality.objects.filter(number__in=["5001", "5006"])),
    )
    elsewhere = application_make(
        call=call,
        organisation=steinkjer_org,
        user=applicant,
        submit=True,
        project_title="Annet",
        municipalities=[Municipality.objects.get(number="5006")],
    )
    draft = application_make(call=call, organisation=steinkjer_org, user=applicant, project_title="Utkastet")
    caseworker = make_user(Role.GRANT_CASEWORKER, username="tilskudd")
    own = screening_complete(application=own)
    impartiality_declare(application=own, user=caseworker, impartial=True, note="Ingen tilknytning")
    assessment_save(
        application=own,
        user=caseworker,
        scores={"kvalitet": 4, "samarbeid": 3},
        comment="Hemmelig vurdering",
        proposed_amount=150_000,
    )
    recommendation_set(application=own, recommendation="grant", amount=150_000)
    decisions_make(call=call, application_ids=[own.pk], today=call.opens_on)
    return {"own": own, "involving": involving, "elsewhere": elsewhere, "draft": draft}


def test_the_municipal_user_sees_their_municipalitys_applications_and_grants(records, municipal_user, client_for):
    client = client_for(municipal_user)
    page = client.get("/tilskudd/kommune/").content.decode()
    for key in ("own", "involving"):
        assert f"/tilskudd/kommune/soknader/{records[key].pk}/" in page
    assert f"/tilskudd/kommune/soknader/{records['elsewhere'].pk}/" not in page
    assert "Utkastet" not in page
    assert "150\xa0000" in page  # the granted sum
    detail = client.get(f"/tilskudd/kommune/soknader/{records['own'].pk}/").content.decode()
    assert "Innvilget" in detail and "150\xa0000" in detail
    assert "Hemmelig vurdering" not in detail and "Ingen tilknytning" not in detail and "Habilitet" not in detail


def test_the_start_page_and_the_menu_lead_there(records, municipal_user, client_for):
    page = client_for(municipal_user).get("/").content.decode()
    assert page.count('href="/tilskudd/kommune/"') >= 2  # the menu and the start page's panel
    assert f"/tilskudd/kommune/soknader/{records['own'].pk}/" in page


def test_nothing_else_is_reached_by_changing_the_id(records, municipal_user, client_for):
    client = client_for(municipal_user)
    for key in ("elsewhere", "draft"):
        assert client.get(f"/tilskudd/kommune/soknader/{records[key].pk}/").status_code == 404
    assert client.get(f"/tilskudd/ordninger/soknader/{records['own'].pk}/").status_code == 403
    assert client.get(f"/tilskudd/ordninger/soknader/{records['own'].pk}/vedtaksbrev.pdf").status_code == 403


def test_another_municipalitys_user_does_not_see_them(records, make_user, client_for):
    other = make_user(Role.MUNICIPAL_USER, username="kommune5007", municipality="5007")
    client = client_for(other)
    assert "/tilskudd/kommune/soknader/" not in client.get("/tilskudd/kommune/").content.decode()
    assert client.get(f"/tilskudd/kommune/soknader/{records['own'].pk}/").status_code == 404


def test_a_municipal_user_without_a_municipality_and_other_roles_are_refused(make_user, client_for):
    from integrering.core.models import User

    loose = make_user(Role.MUNICIPAL_USER, username="uten")
    assert User.objects.get(pk=loose.pk).municipality_id is None
    assert client_for(loose).get("/tilskudd/kommune/").status_code == 403
    for role in (Role.GRANT_CASEWORKER, Role.APPLICANT, Role.LEADER):
        assert client_for(make_user(role, username=f"x_{role.value}")).get("/tilskudd/kommune/").status_code == 403
