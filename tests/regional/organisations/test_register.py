"""The organisation register: an adviser registers and edits; contacts are shown to advisers only and deletable."""

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from integrering.regional.organisations.models import OrganisationContact
from integrering.regional.organisations.numbers import fictional_orgnr
from integrering.regional.organisations.services import contact_add, organisation_create


def test_an_adviser_registers_an_organisation_with_a_valid_number_only(client_for, adviser):
    client = client_for(adviser)
    response = client.post("/regionalt/organisasjoner/ny/", {"orgnr": "123456789", "name": "Laget"})
    assert response.status_code == 400
    response = client.post(
        "/regionalt/organisasjoner/ny/", {"orgnr": fictional_orgnr(3), "name": "Laget", "active": "on"}
    )
    assert response.status_code == 302
    assert "Laget" in client.get("/regionalt/organisasjoner/?q=lag").content.decode()


def test_contacts_are_for_advisers_and_can_be_deleted(client_for, adviser, make_user, county):
    organisation = organisation_create(county=county, orgnr=fictional_orgnr(4), name="Laget")
    contact = contact_add(organisation=organisation, name="Kari Kontakt", email="kari@example.org")
    leader = make_user(Role.LEADER, username="leder")
    assert (
        "Kari Kontakt" not in client_for(leader).get(f"/regionalt/organisasjoner/{organisation.pk}/").content.decode()
    )
    client = client_for(adviser)
    assert "Kari Kontakt" in client.get(f"/regionalt/organisasjoner/{organisation.pk}/").content.decode()
    read = PersonalDataAccess.objects.get(user=adviser)
    assert (read.record_type, read.record_ids) == ("organisation_contact", [contact.pk])
    assert client.post(f"/regionalt/organisasjoner/kontakter/{contact.pk}/slett/").status_code == 302
    assert not OrganisationContact.objects.exists()
