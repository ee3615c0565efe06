"""Tokens: made once, stored hashed, revoked and expired tokens answer 401 with a Norwegian reason."""

import datetime
import io
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from integrering.api.errors import TokenCommandError
from integrering.api.models import ApiToken
from integrering.api.services import api_token_revoke, secret_hash

pytestmark = pytest.mark.django_db


def test_the_command_prints_the_token_once_and_stores_only_its_hash(adviser, api_get):
    out = io.StringIO()
    call_command("create-api-token", user="radgiver", name="Statistikk", expires="2099-12-31", stdout=out)
    secret = out.getvalue().strip().splitlines()[-1]
    token = ApiToken.objects.get(user=adviser, name="Statistikk")
    assert token.secret_hash == secret_hash(secret) and secret not in token.secret_hash
    assert token.expires == datetime.date(2099, 12, 31)
    assert api_get("kommuner?year=2024", secret).status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None


def test_the_command_refuses_an_unknown_user_a_bad_date_and_a_duplicate_name(adviser):
    with pytest.raises(TokenCommandError, match="Ingen bruker"):
        call_command("create-api-token", user="finnes-ikke", name="x", stdout=io.StringIO())
    with pytest.raises(TokenCommandError, match="ikke en dato"):
        call_command("create-api-token", user="radgiver", name="x", expires="31.12.2099", stdout=io.StringIO())
    call_command("create-api-token", user="radgiver", name="x", stdout=io.StringIO())
    with pytest.raises(TokenCommandError, match="allerede"):
        call_command("create-api-token", user="radgiver", name="x", stdout=io.StringIO())


def test_a_revoked_token_answers_401_with_a_norwegian_reason(adviser, token_for, api_get):
    secret = token_for(adviser, name="Statistikk")
    call_command("revoke-api-token", user="radgiver", name="Statistikk", stdout=io.StringIO())
    response = api_get("kommuner", secret)
    assert response.status_code == 401
    assert "trukket tilbake" in response.json()["detail"]


def test_an_expired_token_answers_401(adviser, token_for, api_get):
    secret = token_for(adviser, expires=timezone.localdate())
    assert api_get("kommuner", secret).status_code == 200  # valid through its expiry date
    ApiToken.objects.update(expires=timezone.localdate() - datetime.timedelta(days=1))
    response = api_get("kommuner", secret)
    assert response.status_code == 401
    assert "utløpt" in response.json()["detail"]


@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer itg_feil", "Basic dXNlcjpwYXNz", "itg_feil"])
def test_a_missing_or_unknown_token_answers_401_in_json(header, api_get, adviser):
    headers = {} if header is None else {"HTTP_AUTHORIZATION": header}
    response = api_get("bosetting", **headers)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "token_rejected"


def test_a_session_login_is_not_enough(adviser, client_for):
    assert client_for(adviser).get("/api/v1/kommuner").status_code == 401


def test_a_deactivated_user_s_token_answers_401(adviser, token_for, api_get):
    secret = token_for(adviser)
    adviser.is_active = False
    adviser.save()
    assert api_get("kommuner", secret).status_code == 401


def test_every_call_is_logged_without_the_secret(adviser, token_for, api_get, caplog):
    secret = token_for(adviser, name="Logget")
    with caplog.at_level(logging.INFO, logger="integrering.api"):
        api_get("kommuner?year=2024", secret)
        api_get("kommuner", secret + "x")
    ours = [r.getMessage() for r in caplog.records if r.name == "integrering.api"]
    assert len(ours) == 2
    assert "Logget" in ours[0] and "/api/v1/kommuner?year=2024" in ours[0]
    assert secret not in caplog.text


def test_revoking_twice_keeps_the_first_time(adviser, token_for):
    token_for(adviser)
    token = ApiToken.objects.get()
    first = api_token_revoke(token=token).revoked
    assert api_token_revoke(token=token).revoked == first


def test_calls_over_the_limit_per_token_get_429_with_retry_after(adviser, token_for, api_get, settings):
    from django.core.cache import cache

    cache.clear()
    settings.API_CALLS_PER_MINUTE = 2
    first, second = token_for(adviser, name="a"), token_for(adviser, name="b")
    assert [api_get("bosetting", first).status_code for _ in range(3)] == [200, 200, 429]
    limited = api_get("bosetting", first)
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0 and "vent" in limited.json()["detail"]
    assert api_get("bosetting", second).status_code == 200  # counted per token


def test_the_calls_are_counted_in_the_database_which_every_server_shares(adviser, token_for, api_get, settings):
    """The count lives in the cache table (core migration 0012), not in one process's memory: a cache object that
    another server or worker builds afresh reads the same calls."""
    from django.core.cache.backends.db import DatabaseCache

    settings.API_CALLS_PER_MINUTE = 2
    token = token_for(adviser, name="delt")
    assert api_get("bosetting", token).status_code == 200
    other_server = DatabaseCache("integrering_cache", {})
    key = f"throttle_api-token_{ApiToken.objects.get(name='delt').pk}"
    assert len(other_server.get(key)) == 1  # the one call, as that process sees it
    other_server.set(key, other_server.get(key) * 2, 60)  # a second call, counted on the other server
    assert api_get("bosetting", token).status_code == 429
