"""The settlement year page on a laptop (1280 px) and a phone (375 px): the year table scrolls inside its box with
the municipality column staying in view, inline editing is not hidden under it, and on a phone each municipality
is a card, with no sideways scrolling of the page; axe finds nothing serious at either size."""

import io

import pytest
from playwright.sync_api import expect

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.settlement import demo

pytestmark = pytest.mark.e2e
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}


@pytest.fixture
def adviser_page(page, e2e_db, e2e_user, login):
    demo.load(county=County.objects.get(number="50"), stdout=io.StringIO())
    e2e_user("bosetting_radgiver", Role.ADVISER)
    page.set_viewport_size(LAPTOP)
    return login(page, "bosetting_radgiver")


def _left(locator) -> float:
    return locator.evaluate("el => el.getBoundingClientRect().left")


def test_at_1280_px_the_municipality_column_stays_when_the_table_scrolls(page, e2e_db, adviser_page, assert_accessible):
    page.goto(f"{e2e_db.url}/bosetting/2026/")
    box = page.locator(".year-table-scroll")
    widths = box.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] > widths[1], "the year table is meant to scroll inside its box at 1280 px"
    expect(box).to_have_attribute("tabindex", "0")  # a keyboard user can scroll it
    name = page.locator("#rad-5001 th")
    figure = page.locator("#rad-5001 td").nth(3)
    before_name, before_figure = _left(name), _left(figure)
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_function("() => document.querySelector('.year-table-scroll').scrollLeft > 0")
    assert _left(name) == pytest.approx(before_name, abs=1)  # sticky: still where it was
    assert _left(figure) < before_figure - 50  # the figures moved under it
    expect(name).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(page)

    # Inline editing: the row's inputs are reachable and a focused input is not hidden under the sticky column.
    box.evaluate("el => { el.scrollLeft = 0; }")
    page.locator("#rad-5001").get_by_role("link", name="Endre Trondheim").click()
    first = page.get_by_label("Opprinnelig anmodning, Trondheim - Tråante", exact=True)
    expect(first).to_be_focused()
    last = page.locator("#rad-5001 input.figure-input").last
    last.focus()
    page.wait_for_timeout(200)
    column_right = page.locator("#rad-5001 th").evaluate("el => el.getBoundingClientRect().right")
    box_right = box.evaluate("el => el.getBoundingClientRect().right")
    input_box = last.bounding_box()
    assert input_box["x"] >= column_right - 1 and input_box["x"] + input_box["width"] <= box_right + 1
    save = page.locator("#rad-5001").get_by_role("button", name="Lagre")
    save.scroll_into_view_if_needed()
    expect(save).to_be_visible()
    assert_accessible(page)


def test_at_375_px_each_municipality_is_a_card_and_the_page_does_not_scroll_sideways(
    page, e2e_db, adviser_page, assert_accessible
):
    page.set_viewport_size(PHONE)
    page.goto(f"{e2e_db.url}/bosetting/2026/")
    card = page.locator("#rad-5001")
    assert card.evaluate("el => getComputedStyle(el).display") == "grid"
    assert page.locator(".figures-table thead").evaluate("el => el.getBoundingClientRect().height") <= 1
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"the page is {width[0]} px wide on a {width[1]} px screen"
    box = page.locator(".year-table-scroll").evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert box[0] <= box[1] + 1  # the cards fit: nothing to scroll sideways
    card_box = card.bounding_box()
    assert card_box["x"] >= 0 and card_box["x"] + card_box["width"] <= PHONE["width"]
    expect(card.locator("td").nth(3)).to_contain_text("112")  # the same figures, each with its label
    assert card.locator("td").nth(3).evaluate("el => getComputedStyle(el, '::before').content").strip('"') == "Anmodet"
    edit = card.get_by_role("link", name="Endre Trondheim")
    edit.focus()
    expect(edit).to_be_focused()  # keyboard reachable
    page.keyboard.press("Enter")
    first = page.get_by_label("Opprinnelig anmodning, Trondheim - Tråante", exact=True)
    expect(first).to_be_focused()
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"editing makes the page {width[0]} px wide"
    assert_accessible(page)
