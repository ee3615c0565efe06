"""A user switches to nynorsk with the button in the header: the start page and the settlement year page are in
nynorsk (the choice is saved on the user, so it holds on the next page and the next login), axe passes in both
languages, and switching back gives bokmål again; an anonymous visitor's browser language chooses."""

import io

import pytest
from playwright.sync_api import expect

from integrering.core.models import County, User
from integrering.core.roles import Role
from integrering.settlement import demo

pytestmark = pytest.mark.e2e


def test_a_user_switches_to_nynorsk_in_the_header(page, e2e_db, e2e_user, login, assert_accessible):
    demo.load(county=County.objects.get(number="50"), stdout=io.StringIO())
    e2e_user("nynorsk_radgiver", Role.ADVISER)
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, "nynorsk_radgiver")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    assert_accessible(page)

    page.get_by_role("button", name="Bytt språk til Nynorsk").click()
    page.wait_for_url(f"{e2e_db.url}/")  # the same address, now in nynorsk
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.get_by_role("navigation", name="Hovudmeny")).to_be_attached()
    expect(page.get_by_role("link", name="Hopp til hovudinnhaldet")).to_be_attached()
    assert User.objects.get(username="nynorsk_radgiver").language == "nn"
    assert_accessible(page)

    page.goto(f"{e2e_db.url}/bosetting/2026/")
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Busetjing")
    expect(page.get_by_text("Les inn tal (CSV/XLSX)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Byt språk til Bokmål").click()
    page.wait_for_url(f"{e2e_db.url}/bosetting/2026/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bosetting")
    assert_accessible(page)


def test_an_anonymous_visitor_gets_the_browsers_language_and_can_switch(browser, e2e_db, assert_accessible):
    context = browser.new_context(locale="nn-NO")
    page = context.new_page()
    page.goto(f"{e2e_db.url}/logg-inn/")
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.get_by_label("Brukarnamn")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Byt språk til Bokmål").click()
    page.wait_for_url(f"{e2e_db.url}/logg-inn/")
    expect(page.get_by_label("Brukernavn")).to_be_visible()
    assert_accessible(page)
    context.close()
