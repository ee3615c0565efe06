"""Issue 12 §1: a caseworker creates and edits a scheme; its structured parts are checked; a stale form saves nothing."""

import pytest

from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.roles import Role
from integrering.grants.models import Scheme
from integrering.grants.schemes.services import scheme_update
from tests.grants.factories import scheme_make

FORM = {
    "code": "etablerer",
    "name": "Etablereropplæring",
    "legal_basis": "Integreringsforskriften § 65",
    "purpose": "Opplæring",
    "applicant_kinds": ["municipality", "business"],
    "max_share_percent": "50",
    "max_share_small_business_percent": "60",
    "criteria": "kvalitet;Kvalitet;70\nsamarbeid;Samarbeid;30",
    "conditions": "Rapport",
    "report_due_months": "3",
    "accountant_threshold": "200000",
    "payment_plan": "75, 25",
    "rejection_reasons": "F1;Formelt mangelfull\nP1;Lav prioritet",
    "active": "on",
}


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="tilskudd")


def test_a_caseworker_creates_a_scheme_with_its_criteria_plan_and_reasons(caseworker, client_for):
    response = client_for(caseworker).post("/tilskudd/ordninger/ny/", FORM)
    scheme = Scheme.objects.get(code="etablerer")
    assert response.status_code == 302
    assert response.url == f"/tilskudd/ordninger/{scheme.pk}/"
    assert scheme.county == caseworker.county
    assert scheme.criteria == [
        {"code": "kvalitet", "name": "Kvalitet", "weight": 70},
        {"code": "samarbeid", "name": "Samarbeid", "weight": 30},
    ]
    assert scheme.payment_plan == [75, 25]
    assert scheme.rejection_reasons[0] == {"code": "F1", "text": "Formelt mangelfull"}
    page = client_for(caseworker).get(response.url).content.decode()
    assert "Kvalitet (70 %)" in page and "Formelt mangelfull" in page
    listing = client_for(caseworker).get("/tilskudd/ordninger/").content.decode()
    assert f"/tilskudd/ordninger/{scheme.pk}/" in listing and "Etablereropplæring" in listing


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("criteria", "kvalitet;Kvalitet;70", "Vektene til kriteriene må til sammen bli 100."),
        ("payment_plan", "75, 20", "Avdragene må være positive og til sammen bli 100 %."),
        ("criteria", "kvalitet;Kvalitet", "Linje 1: skriv kode;navn;vekt (et heltall)."),
        ("rejection_reasons", "F1;A\nF1;B", "To avslagsgrunner har samme kode."),
    ],
)
def test_a_bad_structured_part_is_shown_at_its_field_and_nothing_is_saved(
    caseworker, client_for, field, value, message
):
    response = client_for(caseworker).post("/tilskudd/ordninger/ny/", FORM | {field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Scheme.objects.filter(code="etablerer").exists()


def test_a_stale_edit_saves_nothing_and_says_so(county, caseworker, client_for):
    scheme = scheme_make(county=county)
    scheme_update(scheme=Scheme.objects.get(pk=scheme.pk), version=scheme.version, name="Changed by someone")
    with pytest.raises(ConcurrentEdit):
        scheme_update(scheme=scheme, version=scheme.version, name="Mine")
    response = client_for(caseworker).post(
        f"/tilskudd/ordninger/{scheme.pk}/endre/", FORM | {"code": "mentor", "version": str(scheme.version)}
    )
    assert response.status_code == 409
    assert "Noen andre har endret dette siden du åpnet det" in response.content.decode()
    assert Scheme.objects.get(pk=scheme.pk).name == "Changed by someone"


def test_two_schemes_of_a_county_cannot_share_a_code(county):
    scheme_make(county=county)
    with pytest.raises(ApplicationError) as raised:
        scheme_make(county=county, name="Other")
    assert raised.value.field == "code"


def test_another_countys_scheme_is_not_found(other_county, caseworker, client_for):
    scheme = scheme_make(county=other_county)
    assert client_for(caseworker).get(f"/tilskudd/ordninger/{scheme.pk}/").status_code == 404
    assert client_for(caseworker).get(f"/tilskudd/ordninger/{scheme.pk}/endre/").status_code == 404


def test_a_leader_reads_schemes_but_cannot_edit(county, make_user, client_for):
    scheme = scheme_make(county=county)
    leader = client_for(make_user(Role.LEADER, username="leder"))
    assert leader.get(f"/tilskudd/ordninger/{scheme.pk}/").status_code == 200
    assert leader.get(f"/tilskudd/ordninger/{scheme.pk}/endre/").status_code == 403
