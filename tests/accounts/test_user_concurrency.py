"""Lost updates in user administration: the second administrator to save a user sees the first one's values."""

import re

import pytest

from integrering.core.models import User
from integrering.core.roles import Role


@pytest.fixture
def second_admin(make_user):
    return make_user(Role.COUNTY_ADMIN, username="admin2")


def _form_data(page: str, **changes) -> dict:
    """What the edit form posts, as the administrator opened it (with its version), plus their changes."""
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version, "the edit form carries the version it was opened with"
    data = {"username": "radgiver", "first_name": "Radgiver", "email": "radgiver@example.org"}
    data |= {"is_active": "on", "roles": ["adviser"], "version": version.group(1)}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _open(client, user) -> str:
    return client.get(f"/admin/brukere/{user.pk}/").content.decode()


def test_a_stale_form_does_not_reactivate_a_user_another_admin_deactivated(
    county_admin, second_admin, adviser, client, client_for
):
    first = client_for(county_admin)
    stale = _form_data(_open(first, adviser), last_name="Ny")
    other = type(client)()
    other.force_login(second_admin, backend="django.contrib.auth.backends.ModelBackend")
    assert (
        other.post(f"/admin/brukere/{adviser.pk}/", _form_data(_open(other, adviser), is_active=None)).status_code
        == 302
    )
    assert User.objects.get(pk=adviser.pk).is_active is False

    response = first.post(f"/admin/brukere/{adviser.pk}/", stale)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Noen andre har endret dette siden du åpnet det." in page
    assert "Aktiv" in page and "Ja" in page and "Nei" in page  # their value beside mine
    saved = User.objects.get(pk=adviser.pk)
    assert saved.is_active is False and saved.last_name == ""  # nothing of the stale form was written
    # Saving again (the form now carries the current version) is a deliberate choice and goes through.
    again = first.post(f"/admin/brukere/{adviser.pk}/", _form_data(page, last_name="Ny"))
    assert again.status_code == 302
    assert User.objects.get(pk=adviser.pk).is_active is True


def test_a_stale_form_does_not_undo_another_admins_deactivation_by_changing_only_roles(
    county_admin, second_admin, adviser, client, client_for
):
    first = client_for(county_admin)
    stale = _form_data(_open(first, adviser), roles=["adviser", "leader"])
    other = type(client)()
    other.force_login(second_admin, backend="django.contrib.auth.backends.ModelBackend")
    other.post(f"/admin/brukere/{adviser.pk}/", _form_data(_open(other, adviser), is_active=None))

    response = first.post(f"/admin/brukere/{adviser.pk}/", stale)

    assert "Noen andre har endret dette siden du åpnet det." in response.content.decode()
    saved = User.objects.get(pk=adviser.pk)
    assert saved.is_active is False
    assert saved.role_set == {Role.ADVISER}


def test_a_stale_role_change_shows_the_roles_the_other_admin_saved(
    county_admin, second_admin, adviser, client, client_for
):
    first = client_for(county_admin)
    stale = _form_data(_open(first, adviser), roles=["adviser", "leader"])
    other = type(client)()
    other.force_login(second_admin, backend="django.contrib.auth.backends.ModelBackend")
    other.post(f"/admin/brukere/{adviser.pk}/", _form_data(_open(other, adviser), roles=["auditor"]))

    page = first.post(f"/admin/brukere/{adviser.pk}/", stale).content.decode()

    assert "Noen andre har endret dette siden du åpnet det." in page
    conflict = page[page.index("Lagret av en annen") :]
    assert "Revisor" in conflict  # the other administrator's role, by its name
    assert User.objects.get(pk=adviser.pk).role_set == {Role.AUDITOR}


def test_the_conflict_never_shows_a_password_or_its_hash(county_admin, second_admin, adviser, client, client_for):
    first = client_for(county_admin)
    stale = _form_data(_open(first, adviser), password="et-helt-nytt-passord-42")
    other = type(client)()
    other.force_login(second_admin, backend="django.contrib.auth.backends.ModelBackend")
    other.post(f"/admin/brukere/{adviser.pk}/", _form_data(_open(other, adviser), password="et-annet-passord-77"))

    page = first.post(f"/admin/brukere/{adviser.pk}/", stale).content.decode()

    assert "Noen andre har endret dette siden du åpnet det." in page
    assert "et-helt-nytt-passord-42" not in page and "argon2" not in page
    assert User.objects.get(pk=adviser.pk).check_password("et-annet-passord-77")


def test_logging_in_does_not_make_an_open_edit_form_stale(county_admin, adviser, client, client_for):
    from tests.conftest import PASSWORD

    first = client_for(county_admin)
    form = _form_data(_open(first, adviser), last_name="Etter")
    user_client = type(client)()
    assert user_client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD}).status_code == 302
    assert first.post(f"/admin/brukere/{adviser.pk}/", form).status_code == 302
    assert User.objects.get(pk=adviser.pk).last_name == "Etter"
