from integrering.core.models import User
from integrering.core.roles import Role


def test_a_county_admin_creates_a_municipal_user(county_admin, client_for):
    client = client_for(county_admin)
    municipality_id = __import__("integrering.municipalities.models", fromlist=["Municipality"]).Municipality.objects.get(number="5006").pk
    response = client.post("/admin/brukere/ny/", {
        "username": "steinkjer1", "first_name": "Siv", "last_name": "S", "email": "siv@example.org",
        "municipality": municipality_id, "is_active": "on", "roles": ["municipal_user"], "password": "langt-nok-passord-1",
    })
    assert response.status_code == 302
    user = User.objects.get(username="steinkjer1")
    assert user.county == county_admin.county
    assert user.role_set == {Role.MUNICIPAL_USER}
    assert user.municipality.number == "5006"


def test_a_municipal_user_must_have_a_municipality(county_admin, client_for):
    response = client_for(county_admin).post("/admin/brukere/ny/", {
        "username": "uten", "is_active": "on", "roles": ["municipal_user"], "password": "langt-nok-passord-1",
    })
    assert response.status_code == 200
    assert "En kommunebruker må høre til en kommune." in response.content.decode()
    assert not User.objects.filter(username="uten").exists()


def test_a_county_admin_deactivates_a_user_and_changes_roles(county_admin, adviser, client_for):
    response = client_for(county_admin).post(f"/admin/brukere/{adviser.pk}/", {
        "username": "radgiver", "roles": ["leader", "auditor"],
    })
    assert response.status_code == 302
    adviser = User.objects.get(pk=adviser.pk)
    assert adviser.is_active is False
    assert adviser.role_set == {Role.LEADER, Role.AUDITOR}


def test_an_admin_cannot_edit_users_of_another_county(county_admin, make_user, other_county, client_for):
    stranger = make_user(Role.ADVISER, username="annen", county_obj=other_county)
    assert client_for(county_admin).get(f"/admin/brukere/{stranger.pk}/").status_code == 404
    assert "annen" not in client_for(county_admin).get("/admin/brukere/").content.decode()
