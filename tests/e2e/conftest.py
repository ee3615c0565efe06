"""Browser tests: pytest-playwright driving Debian's Chromium against pytest-django's live server.

The live server's database is flushed after each test, so reference data is loaded per test.
axe-core is served from the app's own static files (no CDN) and run in the page.
"""

import os

import pytest
from django.db import connections

from integrering.accounts.services import user_save
from integrering.core.models import User
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

E2E_PASSWORD = "e2e-passord-som-er-langt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nb-NO", "timezone_id": "Europe/Oslo", "accept_downloads": True}


@pytest.fixture(scope="session")
def _playwright_connections(playwright):
    """Close the database connections the tests opened while Playwright ran, before Playwright stops.

    Playwright's sync API keeps an asyncio loop running in this thread, and while a loop runs Django keeps
    this thread's connections apart from those made without one. Once Playwright has stopped, Django's own
    teardown no longer sees them, and on PostgreSQL an open one blocks dropping the test database.
    """
    yield
    connections.close_all()


@pytest.fixture
def e2e_db(_playwright_connections, transactional_db, live_server):
    # The root conftest reloads the reference data before each test that the flush left without it.
    return live_server


@pytest.fixture
def e2e_user(e2e_db):
    """e2e_user("radgiver", Role.ADVISER, municipality=None) → a user in the live server's database."""
    from integrering.core.models import County

    def make(username: str, *roles: Role, municipality: str | None = None) -> User:
        user = User(username=username, first_name=username.title(), email=f"{username}@example.org")
        if municipality:
            user.municipality = Municipality.objects.get(number=municipality)
        return user_save(user=user, county=County.objects.get(number="50"), roles=set(roles), password=E2E_PASSWORD)

    return make


@pytest.fixture
def login(e2e_db):
    """login(page, username): log in through the login form; returns the page on the start page."""

    def do(page, username: str):
        page.goto(f"{e2e_db.url}/logg-inn/")
        page.get_by_label("Brukernavn").fill(username)
        page.get_by_label("Passord").fill(E2E_PASSWORD)
        page.get_by_role("button", name="Logg inn").click()
        page.wait_for_url(f"{e2e_db.url}/")
        return page

    return do


def axe_violations(page, base_url: str) -> list[str]:
    """axe-core's violations of any impact (minor and moderate too) on the current page, one line each."""
    page.add_script_tag(url=f"{base_url}/static/vendor/axe-core/axe.min.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.fixture
def assert_accessible(e2e_db):
    """assert_accessible(page): axe-core finds no violations at all on the current page (of any impact)."""

    def check(page):
        violations = axe_violations(page, e2e_db.url)
        assert not violations, f"axe on {page.url}:\n" + "\n".join(violations)

    return check


@pytest.fixture
def base_url_live(e2e_db) -> str:
    return e2e_db.url


__all__ = ["E2E_PASSWORD", "Role"]
