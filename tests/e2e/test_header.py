"""The header on a phone (375 px) is one compact row: the menu and the user's links fold behind two buttons that
open and close them (a <details>, so without JavaScript too); on a laptop (1280 px) everything shows at once."""

import pytest
from playwright.sync_api import expect

from integrering.core.roles import Role

pytestmark = pytest.mark.e2e
HEADER_HEIGHT = "() => document.querySelector('header.site-header').getBoundingClientRect().height"


@pytest.fixture
def admin_page(page, e2e_user, login):
    e2e_user("hodeadmin", Role.COUNTY_ADMIN, Role.ADVISER)  # a long menu: five areas, eleven links
    return login(page, "hodeadmin")


def test_on_a_phone_the_header_is_one_row_and_the_menu_button_opens_the_menu(admin_page, e2e_db, assert_accessible):
    page = admin_page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{e2e_db.url}/")
    menu = page.get_by_role("navigation", name="Hovedmeny")
    expect(menu).to_be_hidden()
    folded = page.evaluate(HEADER_HEIGHT)
    page.get_by_text("Meny", exact=True).click()
    expect(menu).to_be_visible()
    unfolded = page.evaluate(HEADER_HEIGHT)
    page.locator("summary", has_text="Hodeadmin").click()
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()
    expect(menu).to_be_hidden()  # one open at a time on a phone
    print(
        f"header at 375 px: {folded:.0f} px folded, {unfolded:.0f} px with the menu open (before: about 350 px, all of it always shown)"
    )
    assert folded < 120 < unfolded
    assert_accessible(page)
    page.get_by_text("Meny", exact=True).click()
    expect(page.get_by_role("button", name="Logg ut")).to_be_hidden()
    menu.get_by_role("link", name="Kommuner", exact=True).click()
    page.wait_for_url("**/kommuner/")
    expect(page.get_by_role("navigation", name="Hovedmeny")).to_be_hidden()  # a new page starts folded


def test_without_javascript_the_phone_menu_still_opens(browser, e2e_db, e2e_user):
    e2e_user("utenjs", Role.ADVISER)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{e2e_db.url}/logg-inn/")
    page.get_by_label("Brukernavn").fill("utenjs")
    page.get_by_label("Passord").fill("e2e-passord-som-er-langt")
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{e2e_db.url}/")
    menu = page.get_by_role("navigation", name="Hovedmeny")
    expect(menu).to_be_hidden()
    page.get_by_text("Meny", exact=True).click()
    expect(menu).to_be_visible()
    context.close()


def test_on_a_laptop_the_menu_and_the_user_links_show_without_a_click(admin_page, e2e_db, assert_accessible):
    page = admin_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{e2e_db.url}/")
    expect(page.get_by_role("navigation", name="Hovedmeny")).to_be_visible()
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()
    expect(page.get_by_text("Meny", exact=True)).to_be_hidden()
    # Two rows of links at most: the seven areas of responsibility and the administration.
    assert page.evaluate(HEADER_HEIGHT) < 320
    assert_accessible(page)
