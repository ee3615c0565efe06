"""Inviting a user by e-mail: a one-time link, valid 72 hours, to choose a password."""

import datetime
import re

import pytest
from django.core import mail

from integrering.accounts import services
from integrering.accounts.invitations import InvitationTokenGenerator
from integrering.core.exceptions import ApplicationError
from integrering.core.mail.models import SentEmail
from integrering.core.models import User
from integrering.core.roles import Role

GOOD_PASSWORD = "et-langt-og-godt-passord-9"


def _invite_new(client, username="invitert", **extra):
    data = {
        "username": username,
        "first_name": "Ina",
        "last_name": "Vitert",
        "email": f"{username}@example.org",
        "is_active": "on",
        "roles": ["adviser"],
        "password": "",
    }
    data.update(extra)
    return client.post("/admin/brukere/ny/", data)


def _link(message) -> str:
    return re.search(r"https?://\S+/invitasjon/\S+/", message.body).group(0)


def test_a_new_user_without_a_password_is_invited_by_email(county_admin, client_for, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = _invite_new(client_for(county_admin))
    assert response.status_code == 302
    user = User.objects.get(username="invitert")
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["invitert@example.org"]
    assert "Integrering" in message.subject
    assert "72 timer" in message.body
    record = SentEmail.objects.get(template="invitation")
    assert record.to == "invitert@example.org" and record.status == SentEmail.Status.SENT
    assert record.county == county_admin.county and str(record.object_id) == str(user.pk)


def test_the_link_sets_a_password_once(county_admin, client_for, client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _invite_new(client_for(county_admin))
    link = _link(mail.outbox[0])
    client.logout()
    page = client.get(link, follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0]
    assert "velg-passord" in form_url
    assert "Velg passordet ditt" in page.content.decode()
    # Django's validators, in Norwegian.
    weak = client.post(form_url, {"new_password1": "123", "new_password2": "123"})
    text = weak.content.decode()
    assert "Passordet er for kort" in text or "for kort" in text
    assert not User.objects.get(username="invitert").has_usable_password()
    done = client.post(form_url, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD})
    assert done.status_code == 302
    user = User.objects.get(username="invitert")
    assert user.check_password(GOOD_PASSWORD)
    # The link works once.
    again = client.get(link, follow=True).content.decode()
    assert "ikke lenger gyldig" in again


def test_the_link_expires_after_72_hours(make_user):
    user = make_user(Role.ADVISER, username="sent")
    user.set_unusable_password()
    user.save()

    class Later(InvitationTokenGenerator):
        def __init__(self, hours):
            super().__init__()
            self.hours = hours

        def _now(self):
            return datetime.datetime.now() + datetime.timedelta(hours=self.hours)

    token = InvitationTokenGenerator().make_token(user)
    assert Later(71).check_token(user, token)
    assert not Later(73).check_token(user, token)
    # A password-reset token of Django's is not an invitation.
    from django.contrib.auth.tokens import default_token_generator

    assert not InvitationTokenGenerator().check_token(user, default_token_generator.make_token(user))


def test_an_invitation_can_be_sent_again_and_is_refused_after_the_password_is_set(county_admin, client_for, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client = client_for(county_admin)
    _invite_new(client)
    user = User.objects.get(username="invitert")
    listing = client.get("/admin/brukere/").content.decode()
    assert "Send invitasjonen på nytt" in listing
    response = client.post(f"/admin/brukere/{user.pk}/inviter/", follow=True)
    assert len(mail.outbox) == 2
    assert "invitert@example.org" in response.content.decode()
    assert SentEmail.objects.filter(template="invitation").count() == 2
    user.set_password(GOOD_PASSWORD)
    user.save()
    response = client.post(f"/admin/brukere/{user.pk}/inviter/", follow=True)
    assert len(mail.outbox) == 2
    assert "har allerede valgt et passord" in response.content.decode()


def test_an_invitation_needs_an_email_address(county_admin, client_for):
    response = _invite_new(client_for(county_admin), email="")
    assert response.status_code == 200
    assert not User.objects.filter(username="invitert").exists()
    assert "e-postadresse" in str(response.context["form"].errors["email"])


def test_another_countys_user_cannot_be_invited(county_admin, make_user, other_county, client_for):
    foreign = make_user(Role.ADVISER, username="fremmed", county_obj=other_county)
    assert client_for(county_admin).post(f"/admin/brukere/{foreign.pk}/inviter/").status_code == 404


def test_the_user_form_speaks_norwegian(county_admin, client_for):
    page = client_for(county_admin).get("/admin/brukere/ny/").content.decode()
    for english in ("Required.", "Designates", "Letters, digits", "150 characters or fewer", "Username"):
        assert english not in page
    assert "Brukernavn" in page


def test_user_invite_service_records_the_email(make_user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user = make_user(Role.ADVISER, username="tjeneste")
    user.set_unusable_password()
    user.save()
    record = services.user_invite(user=user, base_url="https://integrering.example/")
    assert record.template == "invitation"
    assert "https://integrering.example/invitasjon/" in mail.outbox[0].body


def test_a_deactivated_user_is_not_invited(make_user):
    user = make_user(Role.ADVISER, username="borte")
    user.set_unusable_password()
    user.is_active = False
    user.save()
    with pytest.raises(ApplicationError, match="deaktivert"):
        services.user_invite(user=user, base_url="https://integrering.example/")
    assert mail.outbox == []


def test_a_mail_failure_keeps_the_user_says_why_and_is_recorded(county_admin, client_for, settings):
    settings.EMAIL_BACKEND = "integrering.core.mail.backends.UnconfiguredBackend"
    response = _invite_new(client_for(county_admin), username="uten_post")
    assert response.status_code == 302
    page = client_for(county_admin).get(response["Location"]).content.decode()
    assert "ikke sendt" in page
    assert User.objects.filter(username="uten_post").exists()
    assert SentEmail.objects.get(template="invitation").status == SentEmail.Status.FAILED
