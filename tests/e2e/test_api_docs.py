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
