"""Log-in and log-out, password change, idle sessions, the lockout after failed log-ins and its lifting."""

from django.test import override_settings

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
    response = client.post(
        "/passord/",
        {
            "old_password": PASSWORD,
            "new_password1": "et-nytt-og-langt-passord",
            "new_password2": "et-nytt-og-langt-passord",
        },
    )
    assert response.status_code == 302
    adviser.refresh_from_db()
    assert adviser.check_password("et-nytt-og-langt-passord")


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


def _fail_logins(client, times, **extra):
    for _ in range(times):
        client.post("/logg-inn/", {"username": "radgiver", "password": "feil"}, **extra)


def test_an_admin_unlocks_a_locked_out_user_and_the_unlock_is_logged(client, adviser, county_admin, settings):
    from auditlog.models import LogEntry

    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT = True, 3
    _fail_logins(client, 3, REMOTE_ADDR="10.0.0.1")
    assert (
        client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1").status_code
        == 429
    )
    admin_client = type(client)()
    admin_client.force_login(county_admin, backend="django.contrib.auth.backends.ModelBackend")
    listing = admin_client.get("/admin/brukere/").content.decode()
    assert "Låst ute" in listing and f"/admin/brukere/{adviser.pk}/las-opp/" in listing
    assert admin_client.post(f"/admin/brukere/{adviser.pk}/las-opp/").status_code == 302
    assert "Låst ute" not in admin_client.get("/admin/brukere/").content.decode()
    response = client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302 and response.url == "/"
    entry = LogEntry.objects.get(object_pk=str(adviser.pk), changes__has_key="lockout")
    assert entry.actor == county_admin
    assert "Låst ute → Låst opp" in admin_client.get("/admin/revisjon/").content.decode()


def test_behind_a_trusted_proxy_the_lockout_is_per_client_address(client, adviser, settings):
    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT, settings.TRUSTED_PROXIES = True, 3, ["127.0.0.1"]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    _fail_logins(client, 3, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    # Another client behind the same proxy is not locked out; the first one is, whatever it claims to be.
    other = client.post(
        "/logg-inn/", {"username": "radgiver", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )
    assert other.status_code == 302
    client.post("/logg-ut/")
    spoofed = client.post(
        "/logg-inn/",
        {"username": "radgiver", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9",
        **proxy,
    )
    assert spoofed.status_code == 429


def test_opening_the_logout_address_asks_with_a_button(adviser, client_for):
    client = client_for(adviser)
    response = client.get("/logg-ut/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'action="/logg-ut/"' in page and "Vil du logge ut?" in page
    assert client.get("/").status_code == 200  # still logged in
    client.post("/logg-ut/")
    assert client.get("/logg-ut/").url == "/logg-inn/"


def test_a_client_that_reaches_the_app_directly_cannot_escape_the_lockout_with_a_forwarded_header(
    client, adviser, settings
):
    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT, settings.TRUSTED_PROXIES = True, 3, ["127.0.0.1"]
    for n in range(3):
        client.post(
            "/logg-inn/",
            {"username": "radgiver", "password": "feil"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    response = client.post(
        "/logg-inn/",
        {"username": "radgiver", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.77",
    )
    assert response.status_code == 429
