"""Every role, every page it reaches in two clicks from its start page (the menu, the start page's links, and the
links of the pages those lead to: a participant, an application, an activity, a measure, their forms), and the
public pages without logging in, on a laptop (1280 px) and a phone (375 px): axe finds no violation of any impact,
and the page itself never scrolls sideways (wide tables scroll in their box).

The demo county is loaded once (its users, settlement years, scenarios, participants, grants, activities, plans);
each role gets one browser context and logs in once. Links are taken one per URL shape (the leader's start page
links every municipality; one municipality page stands for them all), and a page an earlier role already passed is
not checked again for the next role (each role's own start page, with its own menu, always is). Downloads are not
pages and are skipped.
"""

import io
import re

import pytest
from django.utils import timezone

from integrering.accounts.demo import demo_data_load
from integrering.core.models import User
from integrering.plans.plans.models import Plan
from tests.e2e.conftest import E2E_PASSWORD, axe_violations

pytestmark = pytest.mark.e2e

ROLES = ["radgiver", "leder", "admin", "veileder", "skolekoordinator", "kommune5001", "revisor", "tilskudd", "soker"]
DEPTH = 2  # clicks from the start page
WIDTHS = (1280, 375)
DOWNLOADS = (".csv", ".xlsx", ".pdf", ".docx", ".json", "/eksport", "/csv/", "/xlsx/", "/pdf/", "/docx/", "logg-ut")
LINKS = """() => [...new Set([...document.querySelectorAll('nav[aria-label] a[href], main a[href]')]
  .map((a) => a.getAttribute('href')))]"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path.split("?")[0])


def _links_of(page) -> list[str]:
    """The local, non-download links of the current page's menus and main content."""
    paths = []
    for href in page.evaluate(LINKS):
        path = href.split("#")[0]
        if path.startswith("/") and not path.startswith("//") and not any(mark in path for mark in DOWNLOADS):
            paths.append(path)
    return paths


def _crawl(page, base: str, checked: set[str], start: str = "/", lang: str = "nb") -> dict[str, list[str]]:
    """The pages within DEPTH clicks of ``start`` (one per URL shape, none an earlier role passed; the start page
    always), each with its problems at 1280 px (the current viewport)."""
    found: dict[str, list[str]] = {}
    level = [start]
    for depth in range(DEPTH + 1):
        following: list[str] = []
        for path in level:
            if path != start and (_shape(path) in checked or any(_shape(p) == _shape(path) for p in found)):
                continue
            found[path] = _problems_on(page, base, path, lang)
            if depth < DEPTH:
                following += _links_of(page)
        level = following
    checked |= {_shape(p) for p in found}
    return found


def _problems_on(page, base: str, path: str, lang: str = "nb") -> list[str]:
    page.goto(f"{base}{path}")
    problems = axe_violations(page, base)
    if (page_lang := page.evaluate("() => document.documentElement.lang")) != lang:
        problems.append(f"the page is in «{page_lang}», not «{lang}»")
    if (sideways := page.evaluate(SIDEWAYS)) > 0:
        problems.append(f"the page scrolls sideways by {sideways} px")
    return problems


@pytest.fixture
def demo_county(e2e_db):
    demo_data_load(password=E2E_PASSWORD, stdout=io.StringIO())
    return e2e_db.url


def _check_role(page, base: str, checked: set[str], name: str, start: str = "/") -> list[str]:
    page.set_viewport_size({"width": 1280, "height": 900})
    found = _crawl(page, base, checked, start)
    problems = [f"{name} {path} @1280: {p}" for path, ps in found.items() for p in ps]
    page.set_viewport_size({"width": 375, "height": 900})
    for path in found:
        problems += [f"{name} {path} @375: {p}" for p in _problems_on(page, base, path)]
    print(f"{name}: {len(found)} pages at 1280 and 375 px")
    return problems


def _context(browser, locale="nb-NO"):
    return browser.new_context(locale=locale, timezone_id="Europe/Oslo", viewport={"width": 1280, "height": 900})


def test_every_page_of_every_role_passes_axe_at_1280_and_375_px(browser, demo_county, login):
    problems: list[str] = []
    checked: set[str] = set()
    for username in ROLES:
        context = _context(browser)
        page = context.new_page()
        login(page, username)
        problems += _check_role(page, demo_county, checked, username)
        context.close()
    # Without logging in: the login page and the public pages (open calls, awarded grants, a published plan).
    context = _context(browser)
    page = context.new_page()
    year = timezone.localdate().year
    plan = Plan.objects.filter(public=True).first()
    for start in ("/logg-inn/", "/tilskudd/utlysninger/", f"/tilskudd/tildelinger/{year}/", f"/planer/{plan.slug}/"):
        problems += _check_role(page, demo_county, checked, "anonym", start)
    context.close()
    assert len(checked) > 60, sorted(checked)  # the crawl reached beyond the menus
    assert not problems, "\n".join(problems)


NYNORSK_ROLES = ["radgiver", "leder", "veileder", "kommune5001", "tilskudd", "soker"]


def test_in_nynorsk_every_page_of_the_main_roles_is_nynorsk_and_passes_axe(browser, demo_county, login):
    """Users who chose nynorsk (saved on the user) and an anonymous browser that asks for nynorsk: every page within
    two clicks of the start page is in nynorsk (``<html lang="nn">``) and axe-clean, at 1280 px."""
    User.objects.filter(username__in=NYNORSK_ROLES).update(language="nn")
    problems: list[str] = []
    checked: set[str] = set()
    for username in NYNORSK_ROLES:
        context = _context(browser)
        page = context.new_page()
        login(page, username)
        found = _crawl(page, demo_county, checked, lang="nn")
        problems += [f"{username} {path}: {p}" for path, ps in found.items() for p in ps]
        context.close()
    context = _context(browser, locale="nn-NO")  # Accept-Language: nn
    page = context.new_page()
    for start in ("/logg-inn/", "/tilskudd/utlysninger/"):
        found = _crawl(page, demo_county, checked, start, lang="nn")
        problems += [f"anonym {path}: {p}" for path, ps in found.items() for p in ps]
    context.close()
    print(f"nynorsk: {len(checked)} page shapes")
    assert len(checked) > 40, sorted(checked)
    assert not problems, "\n".join(problems)
