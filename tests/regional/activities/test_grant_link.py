"""An activity names the grant that funded it, and the municipality's regional tab lists its grants — both through
the grants app's registrations in ``core.registry`` (regional never imports grants)."""

import pytest

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.applications.models import Application
from integrering.municipalities.models import Municipality
from integrering.regional.activities.services import activity_update
from tests.grants.factories import application_make, call_make, organisation_make


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


def _granted(*, county, applicant, kind="organisation", municipality="5001", title="Mentor i jobb", orgnr="974760673"):
    call = call_make(county=county)
    organisation = organisation_make(user=applicant, kind=kind, municipality=municipality, orgnr=orgnr)
    application = application_make(
        call=call, organisation=organisation, user=applicant, submit=True, project_title=title
    )
    Application.objects.filter(pk=application.pk).update(status="innvilget", granted_amount=150_000)
    return Application.objects.get(pk=application.pk)


def test_an_adviser_links_an_activity_to_an_awarded_grant_and_the_page_shows_it(
    client_for, adviser, county, activity, applicant
):
    grant = _granted(county=county, applicant=applicant)
    client = client_for(adviser)
    form = client.get(f"/regionalt/aktiviteter/{activity.pk}/endre/").content.decode()
    assert "Finansiert av tilskuddet" in form
    assert grant.reference in form
    activity.refresh_from_db()
    activity = activity_update(activity=activity, areas=[2], version=activity.version, grant_id=grant.pk)
    assert activity.grant_id == grant.pk
    page = client.get(f"/regionalt/aktiviteter/{activity.pk}/").content.decode()
    assert "Finansiert av tilskuddet" in page
    assert f"{grant.reference} Frivilligsentralen: Mentor i jobb (2026)" in page


def test_a_grant_that_is_not_awarded_or_another_countys_is_refused(county, activity, applicant):
    grant = _granted(county=county, applicant=applicant)
    Application.objects.filter(pk=grant.pk).update(status="til_vurdering")
    with pytest.raises(ApplicationError) as refused:
        activity_update(activity=activity, areas=[2], version=activity.version, grant_id=grant.pk)
    assert refused.value.field == "grant_id"
    with pytest.raises(ApplicationError):
        activity_update(activity=activity, areas=[2], version=activity.version, grant_id=999_999)


def test_the_municipality_tab_lists_grants_where_it_applied_or_is_involved(client_for, adviser, county, applicant):
    involved = _granted(county=county, applicant=applicant, title="Mentor i Trondheim")
    Application.objects.get(pk=involved.pk).municipalities.set([Municipality.objects.get(number="5001")])
    page = client_for(adviser).get("/kommuner/5001/").content.decode()
    assert "Mentor i Trondheim" in page
    assert "involvert" in page
    assert "150" in page
    other = client_for(adviser).get("/kommuner/5006/").content.decode()
    assert "Mentor i Trondheim" not in other
    assert "Ingen tilskudd der kommunen er søker eller involvert." in other
