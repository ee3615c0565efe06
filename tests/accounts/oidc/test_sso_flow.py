"""Single sign-on against a real OpenID Connect provider (conftest: oidc-provider on Node), over HTTP.

The application's side runs in the Django test client; the provider is a real server, and the backend fetches
its discovery document, keys and tokens over HTTP like in production.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from integrering.accounts.oidc import config
from integrering.core.models import User
from integrering.core.roles import Role
from tests.accounts.oidc.conftest import Browser, provider_running, sso_settings, text
from tests.conftest import PASSWORD

NO_ACCESS = "Du har ingen tilgang ennå — kontakt administrator"


def logged_in_user(client):
    return client.session.get("_auth_user_id")


def test_the_login_page_offers_single_sign_on_when_configured(client, sso):
    page = client.get("/logg-inn/").content.decode()
    assert "Logg inn med Testpålogging" in page
    assert 'href="/oidc/authenticate/"' in page


def test_without_single_sign_on_the_login_page_and_addresses_are_as_before(client):
    page = client.get("/logg-inn/").content.decode()
    assert "Logg inn med" not in page
    for path in ("/oidc/authenticate/", "/oidc/callback/?code=x&state=y", "/oidc/ingen-tilgang/"):
        assert client.get(path).status_code == 404


def test_a_known_staff_user_logs_in_with_their_role(person, make_user):
    adviser = make_user(Role.ADVISER, username="radgiver")
    adviser.email = "Kari.Nordmann@Fylke.no"  # matched ignoring case
    adviser.save()
    page = person.login("kari.nordmann@fylke.no")
    assert page.status_code == 200 and page.wsgi_request.path == "/"
    assert logged_in_user(person.client) == str(adviser.pk)
    assert person.client.get("/bosetting/").status_code in (200, 302)
    assert User.objects.filter(email__iexact="kari.nordmann@fylke.no").count() == 1
    adviser.refresh_from_db()
    assert adviser.role_set == {Role.ADVISER}


def test_the_login_goes_on_to_the_page_asked_for(person, make_user):
    adviser = make_user(Role.ADVISER, username="radgiver")
    adviser.email = "kari@fylke.no"
    adviser.save()
    page = person.login("kari@fylke.no", start="/oidc/authenticate/?next=/kommuner/")
    assert page.wsgi_request.path == "/kommuner/"


def test_an_unknown_person_is_created_without_roles_and_waits_for_the_administrator(person, make_user, client_for):
    page = person.login("ola.hansen@fylke.no")
    assert page.status_code == 403 and page.wsgi_request.path == "/oidc/ingen-tilgang/"
    assert NO_ACCESS in text(page)
    assert logged_in_user(person.client) is None
    created = User.objects.get(email="ola.hansen@fylke.no")
    assert created.role_set == frozenset() and created.county.number == "50"
    assert created.first_name == "ola" and not created.has_usable_password()

    admin = client_for(make_user(Role.COUNTY_ADMIN, username="admin"))
    pending = admin.get("/admin/brukere/venter/").content.decode()
    assert "ola.hansen@fylke.no" in pending
    assert "venter på tilgang" in admin.get("/admin/brukere/").content.decode()
    form = admin.get(f"/admin/brukere/{created.pk}/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "roles"}
    response = admin.post(f"/admin/brukere/{created.pk}/", {**data, "roles": ["adviser"], "is_active": "on"})
    assert response.status_code == 302, response.context["form"].errors
    assert "ola.hansen@fylke.no" not in admin.get("/admin/brukere/venter/").content.decode()

    # Logged in at the provider already: straight back, now with the role.
    page = person.go("/oidc/authenticate/")
    assert page.status_code == 200 and page.wsgi_request.path == "/"
    assert logged_in_user(person.client) == str(created.pk)


def test_an_e_mail_outside_the_allowed_domains_is_refused(person):
    page = person.login("someone@gmail.com")
    assert page.status_code == 403
    assert "gmail.com" in text(page) and "kan ikke logge inn her" in text(page)
    assert logged_in_user(person.client) is None
    assert not User.objects.filter(email="someone@gmail.com").exists()


def test_a_wrong_state_is_refused_with_a_clear_page(person, make_user):
    make_user(Role.ADVISER, username="radgiver").__class__.objects.filter(username="radgiver").update(
        email="kari@fylke.no"
    )
    page = person.go("/oidc/authenticate/")
    callback = page.url  # not yet: log in at the provider, but stop before the callback
    response = person.provider.post(
        callback.replace(urlsplit(callback).path, urlsplit(callback).path + "/login"),
        data={"login": "kari@fylke.no"},
        allow_redirects=False,
    )
    # Follow the provider's redirects until it sends the person back with a code.
    url = response.headers["Location"]
    while True:
        url = url if url.startswith("http") else person.issuer + url
        if url.startswith("http://testserver"):
            break
        url = person.provider.get(url, allow_redirects=False).headers["Location"]
    query = parse_qs(urlsplit(url).query)
    assert query["code"] and query["state"]
    tampered = url.replace(f"state={query['state'][0]}", "state=forged-state")
    page = person.client.get(tampered)
    assert page.status_code == 400
    assert "tilstanden stemmer ikke" in text(page)
    assert logged_in_user(person.client) is None
    # The untampered answer still works once, never twice (the state is used up).
    assert person.client.get(url).status_code == 302
    assert logged_in_user(person.client) is not None
    assert person.client.get(url).status_code in (302, 400)


def _code_url(person, email: str) -> str:
    """Log in at the provider and return the callback address it sends back (not opened yet)."""
    page = person.go("/oidc/authenticate/")
    response = person.provider.post(page.url + "/login", data={"login": email}, allow_redirects=False)
    url = response.headers["Location"]
    while not url.startswith("http://testserver"):
        url = url if url.startswith("http") else person.issuer + url
        if url.startswith("http://testserver"):
            break
        url = person.provider.get(url, allow_redirects=False).headers["Location"]
    return url


@pytest.fixture
def adviser_at_fylke(make_user):
    user = make_user(Role.ADVISER, username="radgiver")
    user.email = "kari@fylke.no"
    user.save()
    return user


def test_a_tampered_nonce_is_refused(person, adviser_at_fylke):
    url = _code_url(person, "kari@fylke.no")
    session = person.client.session
    state = parse_qs(urlsplit(url).query)["state"][0]
    session["oidc_states"][state]["nonce"] = "not-the-nonce-sent"
    session.save()
    page = person.client.get(url)
    assert page.status_code == 400
    assert "kunne ikke bekreftes" in text(page)
    assert logged_in_user(person.client) is None


def test_a_code_used_twice_is_refused_not_a_500(person, adviser_at_fylke, client):
    url = _code_url(person, "kari@fylke.no")
    state = parse_qs(urlsplit(url).query)["state"][0]
    states = dict(person.client.session["oidc_states"])
    assert person.client.get(url).status_code == 302  # logged in
    person.client.post("/logg-ut/")
    # Put the used state back, so that only the provider can refuse the code: it does (invalid_grant).
    del person.client.cookies["sessionid"]  # logged out: the cookie was emptied
    session = person.client.session
    session["oidc_states"] = {state: states[state]}
    session.save()
    page = person.client.get(url)
    assert page.status_code == 400
    assert "Innloggingstjenesten godtok ikke innloggingen" in text(page)
    assert logged_in_user(person.client) is None


def test_an_error_from_the_provider_is_a_clear_page(person):
    person.go("/oidc/authenticate/")
    state = next(iter(person.client.session["oidc_states"]))
    page = person.client.get(f"/oidc/callback/?error=access_denied&state={state}")
    assert page.status_code == 400
    assert "avbrutt eller avvist" in text(page) and "access_denied" in text(page)
    assert state not in person.client.session.get("oidc_states", {})


@pytest.mark.parametrize(
    "query", ["", "?code=abc", "?state=abc", "?code=abc&state=abc", "?error=%3Cscript%3E", "?code=%00&state=%00"]
)
def test_a_callback_without_a_login_in_progress_is_a_clear_page(client, sso, query):
    client.raise_request_exception = False
    page = client.get(f"/oidc/callback/{query}")
    assert page.status_code == 400
    assert "Innloggingen mislyktes" in page.content.decode()
    assert "<script>" not in page.content.decode()


def test_log_out_ends_the_session_here_and_at_the_provider(person, adviser_at_fylke):
    person.login("kari@fylke.no")
    assert logged_in_user(person.client) == str(adviser_at_fylke.pk)
    # While logged in at the provider, a new log-in goes straight through.
    person.client.logout()
    assert person.go("/oidc/authenticate/").wsgi_request.path == "/"

    response = person.client.post("/logg-ut/")
    assert logged_in_user(person.client) is None
    end_session = response["Location"]
    assert end_session.startswith(person.issuer)
    query = parse_qs(urlsplit(end_session).query)
    assert query["id_token_hint"] and query["post_logout_redirect_uri"] == ["http://testserver/logg-inn/"]
    page = person.confirm_provider_logout(person.go(end_session))
    assert page.status_code == 200 and page.wsgi_request.path == "/logg-inn/"

    # The provider's session is over too: a new log-in asks for the person again.
    assert person.at_provider_login(person.go("/oidc/authenticate/"))


def test_a_password_session_logs_out_locally_only(client, sso, adviser):
    client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD})
    response = client.post("/logg-ut/")
    assert response.status_code == 302 and response["Location"] == "/logg-inn/"


def test_roles_from_the_groups_claim_when_mapped(person, settings):
    settings.OIDC_GROUP_ROLES = {"grp-advisers": "adviser", "grp-leaders": "leader", "grp-x": "municipal_user"}
    page = person.login("per@fylke.no", groups="grp-advisers,grp-x,other")
    assert page.status_code == 200 and page.wsgi_request.path == "/"
    user = User.objects.get(email="per@fylke.no")
    assert user.role_set == {Role.ADVISER}


def test_mapped_roles_follow_the_groups_and_other_roles_stay(make_user, settings, client, sso):
    settings.OIDC_GROUP_ROLES = {"grp-advisers": "adviser", "grp-leaders": "leader"}
    user = make_user(Role.ADVISER, Role.AUDITOR, username="kari")
    user.email = "kari@fylke.no"
    user.save()
    Browser(client, sso).login("kari@fylke.no", groups="grp-leaders")
    user = User.objects.get(pk=user.pk)
    assert user.role_set == {Role.LEADER, Role.AUDITOR}


def test_staff_cannot_log_in_with_a_password_when_switched_off(client, sso, settings, make_user):
    settings.LOCAL_PASSWORD_LOGIN_FOR_STAFF = False
    make_user(Role.ADVISER, username="radgiver")
    response = client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ansatte i fylkeskommunen logger inn med Testpålogging" in page
    assert "Logg inn med Testpålogging" in page
    assert "_auth_user_id" not in client.session

    make_user(Role.APPLICANT, username="soker")
    response = client.post("/logg-inn/", {"username": "soker", "password": PASSWORD})
    assert response.status_code == 302


def test_an_unreachable_provider_is_a_clear_page(client, sso, settings):
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    client.raise_request_exception = False
    page = client.get("/oidc/authenticate/")
    assert page.status_code == 503
    assert "svarer ikke" in page.content.decode()


def test_a_deactivated_user_is_refused(person, adviser_at_fylke):
    adviser_at_fylke.is_active = False
    adviser_at_fylke.save()
    page = person.login("kari@fylke.no")
    assert page.status_code == 403 and "deaktivert" in text(page)
    assert logged_in_user(person.client) is None


def test_the_single_sign_on_addresses_answer_anyone_alike(client, sso, make_user, client_for):
    """The authorisation matrix of the public addresses, with single sign-on on (tests/core/test_authorisation.py)."""
    for who in (client, client_for(make_user(Role.ADVISER, username="radgiver"))):
        who.raise_request_exception = False
        start = who.get("/oidc/authenticate/")
        assert start.status_code == 302 and start["Location"].startswith(f"{sso}/auth?")
        assert who.get("/oidc/callback/").status_code == 400
        assert who.get("/oidc/ingen-tilgang/").status_code == 403


@pytest.fixture(scope="module")
def userinfo_only_provider():
    """A provider that gives the e-mail and groups at its userinfo endpoint only, not in the ID token."""
    with provider_running(claims_at_userinfo_only=True) as issuer:
        yield issuer


def test_the_claims_come_from_the_userinfo_endpoint_when_the_id_token_lacks_them(
    client, settings, county, userinfo_only_provider
):
    sso_settings(settings, userinfo_only_provider)
    settings.OIDC_GROUP_ROLES = {"grp-leaders": "leader"}
    try:
        page = Browser(client, userinfo_only_provider).login("per@fylke.no", groups="grp-leaders")
    finally:
        config.discovery_forget()
    assert page.status_code == 200 and page.wsgi_request.path == "/"
    assert User.objects.get(email="per@fylke.no").role_set == {Role.LEADER}


def test_a_user_deactivated_after_logging_in_is_logged_out(person, adviser_at_fylke):
    person.login("kari@fylke.no")
    assert person.client.get("/").status_code == 200
    User.objects.filter(pk=adviser_at_fylke.pk).update(is_active=False)
    response = person.client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/logg-inn/")
