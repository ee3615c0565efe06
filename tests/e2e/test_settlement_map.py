"""The settlement map renders all 38 Trøndelag municipalities as focusable areas, and passes axe."""

import io

import pytest
from playwright.sync_api import expect

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.settlement import demo


@pytest.fixture
def logged_in_adviser(page, e2e_db, e2e_user, login):
    """The settlement demo data, and an adviser logged in."""
    demo.load(county=County.objects.get(number="50"), stdout=io.StringIO())
    e2e_user("bosetting_radgiver", Role.ADVISER)
    return login(page, "bosetting_radgiver")


def test_the_map_page_shows_all_38_municipalities_and_is_accessible(page, e2e_db, logged_in_adviser, assert_accessible):
    page.goto(f"{e2e_db.url}/bosetting/2021/kart/")
    expect(page.locator("svg.county-map a")).to_have_count(38)
    expect(page.locator("svg.county-map path")).to_have_count(38)
    box = page.locator("svg.county-map").bounding_box()
    assert box["width"] > 200 and box["height"] > 200
    assert_accessible(page)

    page.locator("svg.county-map a").first.focus()
    expect(page.locator("#kart-info")).to_have_text("Trondheim: 140")

    page.get_by_label("Tall", exact=True).select_option("vedtatt-minus-anmodet")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url("**/kart/?tall=vedtatt-minus-anmodet")
    expect(page.locator("svg.county-map a")).to_have_count(38)
    assert_accessible(page)


def test_the_year_page_and_inline_editing_are_accessible(page, e2e_db, logged_in_adviser, assert_accessible):
    page.goto(f"{e2e_db.url}/bosetting/2021/")
    expect(page.locator("tbody tr")).to_have_count(38)
    assert_accessible(page)
    page.locator("#rad-5006").get_by_role("link", name="Endre Steinkjer").click()
    field = page.get_by_label("Vedtatt, Steinkjer", exact=True)
    field.wait_for()
    assert_accessible(page)
    field.fill("0")
    page.locator("#rad-5006").get_by_role("button", name="Lagre Steinkjer").click()
    page.locator("#rad-5006.saved").wait_for()
    decided = page.locator('#rad-5006 td[data-label="Vedtatt"]')  # the municipality is the row header, not a cell
    expect(decided).to_have_text("0")
