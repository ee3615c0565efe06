"""Issue 12 §3: an applicant registers, confirms the e-mail address through the link, and registers or joins an
organisation (organisation number and bank account checked); members only see their own organisations."""

import re

import pytest
from django.core import mail

from integrering.core.exceptions import ApplicationError
from integrering.core.models import User
from integrering.core.roles import Role
from integrering.grants.applicants.services import organisation_create, organisation_member_add
from integrering.grants.models import Organisation
from integrering.municipalities.models import Municipality

REGISTRATION = {
    "first_name": "Siri",
    "last_name": "Søker",
    "email": "Siri@Example.org",
    "password": "et-langt-passord-her",
    "password_again": "et-langt-passord-her",
}
ORGANISATION = {
    "kind": "organisation",
    "name": "Frivillighetssentralen",
    "orgnr": "974 760 673",
    "municipality": None,
    "bank_account": "8601.11.17947",
    "email": "post@example.org",
}


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker@example.org")


def organisation_values(**changes):
    return ORGANISATION | {"municipality": Municipality.objects.get(number="5001")} | changes


def test_an_applicant_registers_confirms_and_logs_in(county, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/tilskudd/registrer/", REGISTRATION | {"county": county.pk})
    assert response.status_code == 302
    user = User.objects.get(username="siri@example.org")
    assert not user.is_active
    assert user.role_set == {Role.APPLICANT}
    assert user.county == county
    (message,) = mail.outbox
    assert message.to == ["siri@example.org"]
    assert message.subject == "Bekreft e-postadressen din"
    link = re.search(r"http://testserver(/tilskudd/bekreft/\S+/)", message.body).group(1)
    assert client.get(link).url == "/logg-inn/"
    user.refresh_from_db()
    assert user.is_active
    assert client.login(username="siri@example.org", password=REGISTRATION["password"])
    assert client.get("/tilskudd/mine/").status_code == 200
    # The link works once.
    client.logout()
    assert client.get(link).status_code == 400


def test_registering_twice_with_the_same_address_is_refused(county, client):
    client.post("/tilskudd/registrer/", REGISTRATION | {"county": county.pk})
    response = client.post("/tilskudd/registrer/", REGISTRATION | {"county": county.pk, "email": "SIRI@example.org"})
    assert response.status_code == 400
    assert "Det finnes allerede en bruker med denne e-postadressen" in response.content.decode()
    assert User.objects.filter(username__iexact="siri@example.org").count() == 1


def test_a_forged_confirmation_link_activates_nobody(county, client):
    client.post("/tilskudd/registrer/", REGISTRATION | {"county": county.pk})
    user = User.objects.get(username="siri@example.org")
    assert client.get(f"/tilskudd/bekreft/{user.pk}/abc-123/").status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_an_applicant_registers_an_organisation_with_checked_numbers(applicant, client_for):
    client = client_for(applicant)
    data = ORGANISATION | {"municipality": Municipality.objects.get(number="5001").pk}
    response = client.post("/tilskudd/organisasjoner/ny/", data)
    organisation = Organisation.objects.get()
    assert response.url == f"/tilskudd/organisasjoner/{organisation.pk}/"
    assert (organisation.orgnr, organisation.bank_account) == ("974760673", "86011117947")
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"orgnr": "974760674"}, "Organisasjonsnummeret er ikke gyldig."),
        ({"bank_account": "86011117948"}, "Kontonummeret er ikke gyldig."),
    ],
)
def test_a_bad_number_is_refused_at_its_field(applicant, client_for, changes, message):
    data = ORGANISATION | {"municipality": Municipality.objects.get(number="5001").pk} | changes
    response = client_for(applicant).post("/tilskudd/organisasjoner/ny/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_municipality_applies_as_itself(applicant):
    organisation = organisation_create(user=applicant, **organisation_values(kind="municipality", name=""))
    assert organisation.name == "Trondheim"
    assert organisation.municipality.number == "5001"


def test_an_organisation_is_registered_once_and_a_member_adds_a_colleague(applicant, make_user):
    organisation = organisation_create(user=applicant, **organisation_values())
    colleague = make_user(Role.APPLICANT, username="kollega@example.org")
    with pytest.raises(ApplicationError) as raised:
        organisation_create(user=colleague, **organisation_values())
    assert raised.value.field == "orgnr"
    with pytest.raises(ApplicationError):
        organisation_member_add(organisation=organisation, by=colleague, email="kollega@example.org")
    organisation_member_add(organisation=organisation, by=applicant, email="KOLLEGA@example.org")
    assert organisation.memberships.filter(user=colleague).exists()


def test_an_applicant_never_reaches_another_organisation_by_changing_the_id(applicant, make_user, client_for):
    other = make_user(Role.APPLICANT, username="annen@example.org")
    theirs = organisation_create(user=other, **organisation_values())
    client = client_for(applicant)
    assert client.get(f"/tilskudd/organisasjoner/{theirs.pk}/").status_code == 404
    assert client.post(f"/tilskudd/organisasjoner/{theirs.pk}/", {"email": "soker@example.org"}).status_code == 404
    assert not theirs.memberships.filter(user=applicant).exists()


def test_an_applicant_sees_no_county_pages(applicant, client_for):
    client = client_for(applicant)
    assert client.get("/tilskudd/ordninger/").status_code == 403
    assert client.get("/kommuner/").status_code == 403
