"""Issue 12 §2: a call per scheme and year, with a budget frame in whole kroner and a deadline or review dates."""

import datetime

import pytest

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.models import Call
from tests.grants.factories import call_make, scheme_make

FORM = {
    "year": "2026",
    "title": "Mentor 2026",
    "budget_frame": "2000000",
    "opens_on": "2026-01-15",
    "closes_on": "",
    "rolling": "on",
    "review_dates": "01.04.2026, 01.10.2026",
    "information": "Prosjektplan",
    "acceptance_days": "21",
    "published": "on",
}


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="tilskudd")


def test_a_caseworker_creates_a_rolling_call_with_review_dates(county, caseworker, client_for):
    scheme = scheme_make(county=county)
    response = client_for(caseworker).post(f"/tilskudd/ordninger/{scheme.pk}/ny-utlysning/", FORM)
    call = Call.objects.get(scheme=scheme)
    assert response.url == f"/tilskudd/ordninger/utlysninger/{call.pk}/"
    assert call.review_dates == ["2026-04-01", "2026-10-01"]
    assert call.budget_frame == 2_000_000
    page = client_for(caseworker).get(response.url).content.decode()
    assert "01.04.2026" in page and "2\xa0000\xa0000 kr" in page


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"rolling": ""}, "Gi en søknadsfrist, eller gjør utlysningen løpende til budsjettet er brukt opp."),
        ({"review_dates": ""}, "En løpende utlysning trenger vurderingsdatoer."),
        ({"rolling": "", "closes_on": "2026-01-01"}, "Fristen er før åpningsdatoen."),
        ({"review_dates": "31.02.2026"}, "«31.02.2026» er ikke en dato (dd.mm.åååå)."),
        ({"budget_frame": "12,5"}, "Oppgi et heltall."),
    ],
)
def test_a_bad_call_is_refused_with_a_reason(county, caseworker, client_for, changes, message):
    scheme = scheme_make(county=county)
    response = client_for(caseworker).post(f"/tilskudd/ordninger/{scheme.pk}/ny-utlysning/", FORM | changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Call.objects.exists()


def test_a_scheme_has_one_call_a_year(county):
    call = call_make(county=county)
    with pytest.raises(ApplicationError) as raised:
        call_make(county=county, scheme=call.scheme)
    assert raised.value.field == "year"
    call_make(county=county, scheme=call.scheme, year=2027, opens_on=datetime.date(2027, 1, 1))
