"""Every role, every page it reaches from the menu and its start page, on a laptop (1280 px) and a phone (375 px):
axe finds no violation of any impact, and the page itself never scrolls sideways (wide tables scroll in their box).

The demo county is loaded once (its users, settlement years, scenarios, participants); each role gets one browser
context and logs in once. Links are taken one per URL shape (the leader's start page links every municipality; one
municipality page stands for them all), and a page an earlier role already passed is not checked again for the
next role (each role's own start page, with its own menu, always is). Downloads are not pages and are skipped.
"""

import io
import re

import pytest

from integrering.accounts.demo import demo_data_load
from tests.e2e.conftest import E2E_PASSWORD, axe_violations

pytestmark = pytest.mark.e2e

ROLES = ["radgiver", "leder", "admin", "veileder", "skolekoordinator", "kommune5001", "revisor", "tilskudd"]
WIDTHS = (1280, 375)
DOWNLOADS = (".csv", ".xlsx", ".pdf", ".docx", ".json", "/eksport", "/csv/", "/xlsx/", "/pdf/", "/docx/", "logg-ut")
LINKS = """() => [...new Set([...document.querySelectorAll('nav[aria-label] a[href], main a[href]')]
  .map((a) => a.getAttribute('href')))]"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path.split("?")[0])


def _pages_of(page, base: str) -> list[str]:
    """The start page and the local, non-download links of its menu and its main content, one per URL shape."""
    page.goto(f"{base}/")
    found = {"/": "/"}
    for href in page.evaluate(LINKS):
        path = href.split("#")[0]
        if path.startswith("/") and not any(mark in path for mark in DOWNLOADS):
            found.setdefault(_shape(path), path)
    return list(found.values())


def _problems_on(page, base: str, path: str) -> list[str]:
    page.goto(f"{base}{path}")
    problems = axe_violations(page, base)
    if (sideways := page.evaluate(SIDEWAYS)) > 0:
        problems.append(f"the page scrolls sideways by {sideways} px")
    return problems


@pytest.fixture
def demo_county(e2e_db):
    demo_data_load(password=E2E_PASSWORD, stdout=io.StringIO())
    return e2e_db.url


def test_every_page_of_every_role_passes_axe_at_1280_and_375_px(browser, demo_county, login):
    problems, checked = [], set()
    for username in ROLES:
        context = browser.new_context(
            locale="nb-NO", timezone_id="Europe/Oslo", viewport={"width": 1280, "height": 900}
        )
        page = context.new_page()
        login(page, username)
        paths = [p for p in _pages_of(page, demo_county) if p == "/" or _shape(p) not in checked]
        checked |= {_shape(p) for p in paths}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for path in paths:
                problems += [f"{username} {path} @{width}: {p}" for p in _problems_on(page, demo_county, path)]
        context.close()
    assert not problems, "\n".join(problems)
