"""User administration when the county's staff log in only through single sign-on (no provider needed here)."""

import pytest
from django.core import mail

from integrering.core.models import User
from integrering.core.roles import Role
from tests.accounts.test_invitations import _invite_new


@pytest.fixture
def staff_sso_only(settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "integrering"
    settings.OIDC_PROVIDER_NAME = "Entra ID"
    settings.LOCAL_PASSWORD_LOGIN_FOR_STAFF = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_a_new_staff_user_gets_no_invitation_but_logs_in_through_the_provider(staff_sso_only, county_admin, client_for):
    client = client_for(county_admin)
    response = _invite_new(client, username="kari")
    assert response.status_code == 302
    assert not mail.outbox
    page = client.get("/admin/brukere/").content.decode()
    assert "kari logger inn med Entra ID (uten passord og uten invitasjon)." in page
    assert "Felles pålogging" in page  # the tag instead of «Invitert»


def test_a_new_applicant_is_still_invited(staff_sso_only, county_admin, client_for):
    response = _invite_new(client_for(county_admin), username="soker", roles=["applicant"])
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_the_user_list_marks_users_waiting_for_a_role(county_admin, client_for, county):
    User.objects.create(username="ny@fylke.no", email="ny@fylke.no", county=county)
    client = client_for(county_admin)
    page = client.get("/admin/brukere/").content.decode()
    assert "1 bruker venter på tilgang" in page and "Venter på rolle" in page
    pending = client.get("/admin/brukere/venter/").content.decode()
    assert "ny@fylke.no" in pending and "Venter på tilgang" in pending
    assert Role.COUNTY_ADMIN in county_admin.role_set
