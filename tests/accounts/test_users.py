from integrering.core.models import User
from integrering.core.roles import Role


def test_a_county_admin_creates_a_municipal_user(county_admin, client_for):
    client = client_for(county_admin)
    municipality_id = (
        __import__("integrering.municipalities.models", fromlist=["Municipality"])
        .Municipality.objects.get(number="5006")
        .pk
    )
    response = client.post(
        "/admin/brukere/ny/",
        {
            "username": "steinkjer1",
            "first_name": "Siv",
            "last_name": "S",
            "email": "siv@example.org",
            "municipality": municipality_id,
            "is_active": "on",
            "roles": ["municipal_user"],
            "password": "langt-nok-passord-1",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="steinkjer1")
    assert user.county == county_admin.county
    assert user.role_set == {Role.MUNICIPAL_USER}
    assert user.municipality.number == "5006"


def test_a_municipal_user_must_have_a_municipality(county_admin, client_for):
    response = client_for(county_admin).post(
        "/admin/brukere/ny/",
        {
            "username": "uten",
            "is_active": "on",
            "roles": ["municipal_user"],
            "password": "langt-nok-passord-1",
        },
    )
    assert response.status_code == 200
    assert "En kommunebruker må høre til en kommune." in response.content.decode()
    assert not User.objects.filter(username="uten").exists()


def test_a_county_admin_deactivates_a_user_and_changes_roles(county_admin, adviser, client_for):
    response = client_for(county_admin).post(
        f"/admin/brukere/{adviser.pk}/",
        {
            "username": "radgiver",
            "roles": ["leader", "auditor"],
        },
    )
    assert response.status_code == 302
    adviser = User.objects.get(pk=adviser.pk)
    assert adviser.is_active is False
    assert adviser.role_set == {Role.LEADER, Role.AUDITOR}


def test_an_admin_cannot_edit_users_of_another_county(county_admin, make_user, other_county, client_for):
    stranger = make_user(Role.ADVISER, username="annen", county_obj=other_county)
    assert client_for(county_admin).get(f"/admin/brukere/{stranger.pk}/").status_code == 404
    assert "annen" not in client_for(county_admin).get("/admin/brukere/").content.decode()


def _new_user(client, username, password="langt-nok-passord-1", **extra):
    return client.post(
        "/admin/brukere/ny/",
        {
            "username": username,
            "first_name": "",
            "is_active": "on",
            "roles": ["adviser"],
            "password": password,
            **extra,
        },
    )


def test_a_username_differing_only_in_case_is_refused(county_admin, client_for):
    response = _new_user(client_for(county_admin), "ADMIN")
    assert response.status_code == 200
    assert "Det finnes allerede en bruker med dette brukernavnet" in response.content.decode()
    assert User.objects.filter(username__iexact="admin").count() == 1


def test_the_database_refuses_usernames_differing_only_in_case(county_admin):
    import pytest
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="Admin")


def test_a_new_users_password_is_checked_against_the_new_username_and_names(county_admin, client_for):
    client = client_for(county_admin)
    page = _new_user(client, "ny4", password="ny4ny4ny4ny4").content.decode()
    assert "Passordet kan ikke inneholde brukernavnet eller navnet ditt." in page
    page = _new_user(client, "steinkjer1", password="steinkjer1234").content.decode()
    assert "Passordet er for likt brukernavn." in page
    assert not User.objects.filter(username__in=["ny4", "steinkjer1"]).exists()


def test_an_admin_cannot_remove_their_own_admin_role_or_deactivate_themselves(county_admin, client_for):
    client = client_for(county_admin)
    page = client.post(
        f"/admin/brukere/{county_admin.pk}/",
        {
            "username": "admin",
            "is_active": "on",
            "roles": ["adviser"],
        },
    ).content.decode()
    assert "Du kan ikke fjerne din egen administratorrolle" in page
    page = client.post(
        f"/admin/brukere/{county_admin.pk}/", {"username": "admin", "roles": ["county_admin"]}
    ).content.decode()
    assert "Du kan ikke deaktivere deg selv." in page
    county_admin.refresh_from_db()
    county_admin._role_cache = None
    assert county_admin.is_active and county_admin.role_set == {Role.COUNTY_ADMIN}


def test_another_admin_may_remove_an_admin_role(county_admin, make_user, client_for):
    other = make_user(Role.COUNTY_ADMIN, username="admin2")
    response = client_for(county_admin).post(
        f"/admin/brukere/{other.pk}/",
        {
            "username": "admin2",
            "is_active": "on",
            "roles": ["adviser"],
        },
    )
    assert response.status_code == 302
    assert User.objects.get(pk=other.pk).role_set == {Role.ADVISER}


def test_the_user_form_lists_municipalities_by_their_official_name_of_this_year(county_admin, client_for):
    page = client_for(county_admin).get("/admin/brukere/ny/").content.decode()
    assert ">5041 Snåase - Snåsa<" in page


def test_the_user_list_is_in_norwegian_alphabetical_order(county_admin, make_user, client_for):
    for name in ("åse", "ørjan", "zara"):
        make_user(Role.ADVISER, username=name)
    usernames = [u.username for u in client_for(county_admin).get("/admin/brukere/").context["users"]]
    assert usernames[-3:] == ["zara", "ørjan", "åse"]
