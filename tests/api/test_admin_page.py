"""The administrator's page of API tokens: the county's tokens only, revoked with a click (and then 401)."""

import pytest

from integrering.api.models import ApiToken
from integrering.core.roles import Role

pytestmark = pytest.mark.django_db


def test_the_county_admin_lists_the_county_s_tokens_and_revokes_one(
    county_admin, adviser, other_county, make_user, token_for, client_for, api_get
):
    secret = token_for(adviser, name="Statistikk")
    token_for(make_user(Role.ADVISER, username="fremmed", county_obj=other_county), name="Fremmed")
    client = client_for(county_admin)
    page = client.get("/admin/api-tokener/").content.decode()
    assert "Statistikk" in page and "Fremmed" not in page
    assert secret not in page

    token = ApiToken.objects.get(name="Statistikk")
    response = client.post(f"/admin/api-tokener/{token.pk}/trekk-tilbake/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None
    assert api_get("kommuner", secret).status_code == 401


def test_another_county_s_token_cannot_be_revoked(county_admin, other_county, make_user, token_for, client_for):
    token_for(make_user(Role.ADVISER, username="fremmed", county_obj=other_county), name="Fremmed")
    token = ApiToken.objects.get(name="Fremmed")
    assert client_for(county_admin).post(f"/admin/api-tokener/{token.pk}/trekk-tilbake/").status_code == 404
    token.refresh_from_db()
    assert token.revoked is None


def test_the_county_admin_makes_a_token_shown_once_and_stored_hashed(county_admin, adviser, client_for, api_get):
    from integrering.api.services import secret_hash

    client = client_for(county_admin)
    form = client.get("/admin/api-tokener/ny/").content.decode()
    assert "radgiver" in form
    response = client.post("/admin/api-tokener/ny/", {"user": adviser.pk, "name": "Statistikk", "expires": ""})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    secret = next(
        part.split('"')[0] for part in response.content.decode().split('value="')[1:] if part.startswith("itg_")
    )
    token = ApiToken.objects.get(name="Statistikk")
    assert token.user == adviser and token.secret_hash == secret_hash(secret) and secret not in token.secret_hash
    assert secret not in client.get("/admin/api-tokener/").content.decode()  # shown once
    assert api_get("kommuner", secret).status_code == 200
    again = client.post("/admin/api-tokener/ny/", {"user": adviser.pk, "name": "Statistikk"})
    assert again.status_code == 400 and "har allerede et token" in again.content.decode()


def test_a_user_of_another_county_cannot_be_chosen(county_admin, other_county, make_user, client_for):
    stranger = make_user(Role.ADVISER, username="fremmed", county_obj=other_county)
    response = client_for(county_admin).post("/admin/api-tokener/ny/", {"user": stranger.pk, "name": "Fremmed"})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()
