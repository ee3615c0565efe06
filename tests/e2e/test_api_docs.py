"""The API's docs page (Swagger UI) works without network: its scripts come from the app, the CSP allows them."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_the_api_docs_page_lists_the_operations_with_no_request_leaving_the_server(page, e2e_db):
    outside, errors = [], []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(e2e_db.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{e2e_db.url}/api/v1/docs")
    expect(page.get_by_text("/api/v1/bosetting/{year}/anbefaling")).to_be_visible()
    assert not outside
    assert not [e for e in errors if "Content Security Policy" in e and "script" in e]


def test_the_admin_revokes_a_token_on_the_accessible_token_page(page, e2e_db, e2e_user, login, assert_accessible):
    from integrering.api.models import ApiToken
    from integrering.api.services import api_token_create
    from tests.e2e.conftest import Role

    admin = e2e_user("admin", Role.COUNTY_ADMIN)
    api_token_create(user=admin, name="Statistikk")
    login(page, "admin")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="API-tokener").click()
    expect(page.get_by_role("heading", name="API-tokener")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Trekk tilbake Statistikk").click()
    expect(page.get_by_text("Tokenet «Statistikk» er trukket tilbake.")).to_be_visible()
    assert ApiToken.objects.get().revoked is not None
