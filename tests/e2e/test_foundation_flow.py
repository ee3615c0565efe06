"""A new adviser's first visit: log in, municipalities, Trondheim, contact persons, log out."""

from playwright.sync_api import expect

from integrering.accounts.demo import _load_contact_persons
from integrering.core.models import County
from integrering.core.roles import Role
from tests.e2e.conftest import E2E_PASSWORD


def test_an_adviser_logs_in_and_sees_the_municipalities_and_contact_persons(
    page, e2e_db, e2e_user, login, assert_accessible
):
    _load_contact_persons(County.objects.get(number="50"), E2E_PASSWORD)  # the seed's three contact persons
    e2e_user("ny_radgiver", Role.ADVISER)

    page.goto(f"{e2e_db.url}/logg-inn/")
    assert_accessible(page)
    login(page, "ny_radgiver")
    expect(page.get_by_role("heading", name="Mine kommuner")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Kommuner", exact=True).click()
    page.wait_for_url("**/kommuner/")
    expect(page.locator("tbody tr")).to_have_count(38)
    assert_accessible(page)

    page.get_by_role("link", name="Trondheim - Tråante").click()
    page.wait_for_url("**/kommuner/5001/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("5001")
    expect(page.get_by_text("Fiffi Namugunga").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Kontaktpersoner").click()
    page.wait_for_url("**/kommuner/kontaktpersoner/")
    without = page.locator("section", has=page.get_by_role("heading", name="Uten kontaktperson"))
    assert "5057 Ørland" in without.inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_url("**/logg-inn/**")
    page.goto(f"{e2e_db.url}/kommuner/")
    assert "/logg-inn/" in page.url


def test_a_wrong_password_gives_a_norwegian_error(page, e2e_db, e2e_user):
    e2e_user("noen", Role.ADVISER)
    page.goto(f"{e2e_db.url}/logg-inn/")
    page.get_by_label("Brukernavn").fill("noen")
    page.get_by_label("Passord").fill("feil-passord")
    page.get_by_role("button", name="Logg inn").click()
    summary = page.get_by_role("region", name="Dette må rettes")
    expect(summary).to_be_focused()
    assert "brukernavn" in summary.inner_text().lower()


PHONE_PAGES = [
    "/",
    "/kommuner/",
    "/kommuner/5001/",
    "/kommuner/kontaktpersoner/",
    "/admin/brukere/",
    "/admin/revisjon/",
    "/admin/e-post/",
    "/kommuner/kontaktpersoner/tildel/",
]


def test_on_a_phone_wide_tables_scroll_in_their_box_not_the_whole_page(
    page, e2e_db, e2e_user, login, assert_accessible
):
    _load_contact_persons(County.objects.get(number="50"), E2E_PASSWORD)
    e2e_user("mobiladmin", Role.COUNTY_ADMIN)
    page.set_viewport_size({"width": 375, "height": 800})
    login(page, "mobiladmin")
    too_wide = {}
    for path in PHONE_PAGES:
        page.goto(f"{e2e_db.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[path] = width
    assert not too_wide, too_wide
    page.goto(f"{e2e_db.url}/kommuner/")
    box = page.locator(".table-scroll").first
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the table itself is wider than the phone
    expect(box).to_have_attribute("tabindex", "0")  # so it can be scrolled with the keyboard,
    expect(box).to_have_attribute("role", "region")  # as a region named by the table's caption
    expect(box).to_have_attribute("aria-label", "Kommuner, sorterbare etter kolonne")
    assert_accessible(page)
