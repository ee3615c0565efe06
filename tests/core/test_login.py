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


def test_the_start_page_shows_my_municipalities(make_user, client_for):
    import datetime

    from integrering.municipalities.models import Municipality
    from integrering.municipalities.services import contact_assign

    user = make_user(Role.ADVISER, username="kp")
    contact_assign(
        person=user,
        municipalities=Municipality.objects.filter(number__in=["5006", "5007"]),
        start=datetime.date(2020, 1, 1),
    )
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
    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT, settings.TRUSTED_PROXY_COUNT = True, 3, 1
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


def test_without_trusted_proxies_the_forwarded_header_is_ignored(rf, settings):
    from integrering.core.client_ip import client_ip

    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.5")) == "10.0.0.5"
    settings.TRUSTED_PROXY_COUNT = 2
    assert (
        client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4, 10.0.0.9", REMOTE_ADDR="10.0.0.5")) == "1.2.3.4"
    )
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.5")) == "10.0.0.5"


def test_a_municipal_users_start_page_shows_their_own_municipality(municipal_user, client_for):
    page = client_for(municipal_user).get("/").content.decode()
    assert "Min kommune" in page and 'href="/kommuner/5001/"' in page and "Trondheim - Tråante" in page
    assert "Mine kommuner" not in page and "Du er ikke kontaktperson" not in page


def test_the_start_page_says_which_year_the_municipalitys_population_is_from(municipal_user, client_for):
    import datetime

    page = client_for(municipal_user).get("/").content.decode()
    assert f"1. januar {datetime.date.today().year}" in page
