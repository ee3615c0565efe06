"""Single sign-on in a real browser: Chromium, the live server and a real OpenID Connect provider (oidc-provider on
Node, tests/accounts/oidc/provider.mjs) — log in with the button, log out of both, under the real
Content-Security-Policy (log-out is a form that ends at the provider)."""

import pytest
from playwright.sync_api import expect

from integrering.accounts.oidc import config
from integrering.core.roles import Role
from tests.accounts.oidc.conftest import provider_running, sso_settings

pytestmark = pytest.mark.e2e


@pytest.fixture
def provider(e2e_db, settings):
    with provider_running(e2e_db.url) as issuer:
        sso_settings(settings, issuer)
        settings.OIDC_ALLOWED_EMAIL_DOMAINS = ["example.org"]
        # What settings.py does when OIDC_DISCOVERY_URL is set: forms may end at the provider (log-out).
        settings.CONTENT_SECURITY_POLICY = settings.CONTENT_SECURITY_POLICY.replace(
            "form-action 'self'", f"form-action 'self' {issuer}"
        )
        yield issuer
        config.discovery_forget()


def test_a_staff_user_logs_in_and_out_through_the_provider(page, e2e_db, e2e_user, provider, assert_accessible):
    e2e_user("kari", Role.ADVISER)  # kari@example.org
    page.goto(f"{e2e_db.url}/logg-inn/")
    assert_accessible(page)
    page.get_by_role("link", name="Logg inn med Testpålogging").click()
    page.wait_for_url(f"{provider}/interaction/**")
    page.locator("input[name=login]").fill("kari@example.org")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{e2e_db.url}/")
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()

    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_url(f"{provider}/session/end**")
    page.locator("button[name=logout][value=yes]").click()
    page.wait_for_url(f"{e2e_db.url}/logg-inn/")

    # Logged out here (the start page asks to log in) and at the provider (it asks who you are again).
    page.goto(f"{e2e_db.url}/")
    page.wait_for_url(f"{e2e_db.url}/logg-inn/**")
    page.get_by_role("link", name="Logg inn med Testpålogging").click()
    page.wait_for_url(f"{provider}/interaction/**")


def test_an_unknown_person_sees_the_no_access_page(page, e2e_db, provider, assert_accessible):
    page.goto(f"{e2e_db.url}/logg-inn/")
    page.get_by_role("link", name="Logg inn med Testpålogging").click()
    page.locator("input[name=login]").fill("ny.person@example.org")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{e2e_db.url}/oidc/ingen-tilgang/")
    expect(page.get_by_role("heading", name="Du har ingen tilgang ennå — kontakt administrator")).to_be_visible()
    assert_accessible(page)
