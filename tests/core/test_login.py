from django.test import override_settings

from integrering.core.roles import Role
from tests.conftest import PASSWORD


def test_a_user_logs_in_and_out(client, adviser):
    response = client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/"
    assert client.get("/").status_code == 200
    client.post("/logg-ut/")
    assert client.get("/").status_code == 302


def test_passwords_are_hashed_with_argon2_in_production_settings(settings):
    from integrering import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_out(client, adviser, settings):
    settings.AXES_ENABLED = True
    for _ in range(3):
        client.post("/logg-inn/", {"username": "radgiver", "password": "feil"}, REMOTE_ADDR="10.0.0.1")
    response = client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "For mange mislykkede innlogginger" in response.content.decode()


def test_sessions_expire_after_inactivity(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert 0 < settings.SESSION_COOKIE_AGE <= 60 * 60


def test_a_user_changes_their_password(client, adviser):
    client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD})
    response = client.post("/passord/", {
        "old_password": PASSWORD, "new_password1": "et-nytt-og-langt-passord", "new_password2": "et-nytt-og-langt-passord",
    })
    assert response.status_code == 302
    adviser.refresh_from_db()
    assert adviser.check_password("et-nytt-og-langt-passord")


def test_the_start_page_shows_my_municipalities(make_user, client_for):
    from integrering.municipalities.models import Municipality
    from integrering.municipalities.services import contact_assign
    import datetime

    user = make_user(Role.ADVISER, username="kp")
    contact_assign(person=user, municipalities=Municipality.objects.filter(number__in=["5006", "5007"]), start=datetime.date(2020, 1, 1))
    page = client_for(user).get("/").content.decode()
    assert "Mine kommuner" in page and "/kommuner/5006/" in page and "/kommuner/5007/" in page
    assert "/kommuner/5001/" not in page


def test_an_idle_session_has_expired_and_the_user_must_log_in_again(client, adviser, settings):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD})
    assert client.get("/kommuner/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.expire_date <= timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE + 5)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))  # idle too long
    response = client.get("/kommuner/")
    assert response.status_code == 302 and response.url.startswith("/logg-inn/")
