"""The user administration speaks Norwegian throughout: no default English text of Django's (labels, help texts,
validation messages, password rules, the empty choice) on its pages, with or without errors."""

import re

import pytest
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from integrering.accounts.invitations import invitation_tokens
from integrering.core.roles import Role

# Django's own English wording as it would leak onto a page (auth forms, model fields, validators).
ENGLISH = [
    "This field",
    "Enter a valid",
    "Select a valid",
    "Ensure this value",
    "A user with that",
    "Designates whether",
    "Required. 150",
    "Letters, digits",
    "Staff status",
    "Superuser status",
    "Username",
    "Password",
    "password",
    "Email address",
    "First name",
    "Last name",
    "Active",
    "Groups",
    "Permissions",
    "Your password",
    "The two password",
    "Enter the same",
    "is too short",
    "too common",
    "entirely numeric",
    "too similar",
    "Save",
    "Cancel",
    "Log out",
    "Invalid",
    "Forbidden",
]


def _visible_text(html: str) -> str:
    body = html[html.find("<body") :]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'name="[^"]*"|autocomplete="[^"]*"|type="password"|id="[^"]*"|for="[^"]*"|href="[^"]*"', " ", body)
    return re.sub(r"<[^>]+>", " ", body)


def _english_in(html: str) -> list[str]:
    text = _visible_text(html)
    return [word for word in ENGLISH if word in text]


@pytest.fixture
def admin_client(make_user, client_for):
    return client_for(make_user(Role.COUNTY_ADMIN, username="adm"))


def test_the_user_pages_and_their_errors_are_in_norwegian(admin_client, make_user):
    other = make_user(Role.ADVISER, username="ola")
    pages = {
        "list": admin_client.get("/admin/brukere/"),
        "new": admin_client.get("/admin/brukere/ny/"),
        "edit": admin_client.get(f"/admin/brukere/{other.pk}/"),
        "new with errors": admin_client.post("/admin/brukere/ny/", {"username": "ola", "email": "ikke-epost"}),
        "edit with errors": admin_client.post(f"/admin/brukere/{other.pk}/", {"username": "", "email": "x"}),
        "password": admin_client.get("/passord/"),
        "password with errors": admin_client.post(
            "/passord/", {"old_password": "feil", "new_password1": "123", "new_password2": "456"}
        ),
    }
    leaks = {name: _english_in(r.content.decode()) for name, r in pages.items()}
    assert all(r.status_code in (200, 400, 409) for r in pages.values()), {n: r.status_code for n, r in pages.items()}
    assert not any(leaks.values()), leaks


def test_the_invitation_and_login_pages_are_in_norwegian(client, make_user):
    invited = make_user(Role.ADVISER, username="ny_bruker")
    invited.set_unusable_password()
    invited.save()
    link = f"/invitasjon/{urlsafe_base64_encode(force_bytes(invited.pk))}/{invitation_tokens.make_token(invited)}/"
    form_url = client.get(link).url
    pages = {
        "invitation": client.get(form_url),
        "invitation with errors": client.post(form_url, {"new_password1": "123", "new_password2": "1234"}),
        "expired invitation": client.get("/invitasjon/MQ/ugyldig-token/", follow=True),
    }
    client.logout()
    pages["login"] = client.get("/logg-inn/")
    pages["login with errors"] = client.post("/logg-inn/", {"username": "ingen", "password": "feil"})
    leaks = {name: _english_in(r.content.decode()) for name, r in pages.items()}
    assert not any(leaks.values()), leaks
