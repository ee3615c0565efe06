"""An adviser on a phone (375 px) and with the keyboard only: tables scroll inside their container, not
the page; the year table's inline editing, the import and the scenario pages work without a mouse."""

import io

import pytest
from playwright.sync_api import expect

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.settlement import demo
from integrering.settlement.models import SettlementFigure, SettlementYear
from integrering.settlement.scenarios.services import scenario_create, scenario_run

pytestmark = pytest.mark.e2e
PHONE = {"width": 375, "height": 800}


@pytest.fixture
def adviser_on_a_phone(page, e2e_db, e2e_user, login):
    demo.load(county=County.objects.get(number="50"), stdout=io.StringIO())
    adviser = e2e_user("bosetting_radgiver", Role.ADVISER)
    year = SettlementYear.objects.get(county__number="50", year=2021)
    for name, base in (("Med grunntall", 10), ("Uten grunntall", 0)):
        scenario = scenario_create(
            settlement_year=year,
            user=adviser,
            name=name,
            base=base,
            criteria=[{"code": "folketall", "weight": 1, "exponent": 0.6}],
            constraints={"5014": {"excluded": True, "reason": "Ingen ledige boliger"}},
        )
        scenario_run(scenario=scenario, user=adviser)
    page.set_viewport_size(PHONE)
    return login(page, "bosetting_radgiver")


def page_fits(page) -> None:
    """Nothing makes the page itself wider than the screen (a wide table scrolls in its container)."""
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"{page.url} is {width[0]} px wide on a {width[1]} px screen"


def tab_to(page, locator, limit=400) -> None:
    """Press Tab until ``locator`` has the focus (it must be reachable with the keyboard)."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
    raise AssertionError(f"could not reach {locator} with Tab")


def test_the_settlement_pages_fit_a_phone_and_pass_axe(page, e2e_db, adviser_on_a_phone, assert_accessible):
    scenario = SettlementYear.objects.get(year=2021).scenarios.order_by("pk").first()
    run = scenario.runs.get()
    other = SettlementYear.objects.get(year=2021).scenarios.order_by("pk").last()
    for url in (
        "/bosetting/",
        "/bosetting/2021/",
        "/bosetting/2022/",
        "/bosetting/2021/kommune/5006/rediger/",
        "/bosetting/2021/import/",
        "/bosetting/2021/scenarier/",
        "/bosetting/2021/scenarier/ny/",
        f"/bosetting/2021/scenarier/{scenario.pk}/",
        f"/bosetting/2021/kjoringer/{run.pk}/",
        f"/bosetting/2021/scenarier/sammenlign/?a={scenario.pk}&b={other.pk}",
        f"/bosetting/2021/scenarier/{scenario.pk}/folsomhet/?draws=3&spread=20&seed=1",
        "/bosetting/2021/kart/",
        "/bosetting/2021/diagram/",
        "/bosetting/2021/anbefaling/1/",
    ):
        page.goto(f"{e2e_db.url}{url}")
        page_fits(page)
        assert_accessible(page)
    # On a phone the year table is one card per municipality (nothing to scroll); on a laptop it scrolls in its box.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{e2e_db.url}/bosetting/2021/")
    scroller = page.locator(".table-scroll").first
    expect(scroller).to_have_attribute("tabindex", "0")  # a keyboard user can reach it and scroll it
    expect(scroller).to_have_attribute("aria-label", "Tall per kommune")


def test_an_adviser_edits_a_row_with_the_keyboard_only(page, e2e_db, adviser_on_a_phone):
    page.goto(f"{e2e_db.url}/bosetting/2021/")
    edit = page.locator("#rad-5006").get_by_role("link", name="Endre Steinkjer")
    tab_to(page, edit)
    page.keyboard.press("Enter")
    # «Anbefalt» is locked by the recommendation: the first field is IMDi's original request, then «Anmodet»
    first = page.get_by_label("Opprinnelig anmodning, Steinkjer", exact=True)
    expect(first).to_be_focused()
    expect(page.get_by_label("Anbefalt, Steinkjer", exact=True)).to_be_disabled()
    page.keyboard.press("Tab")  # to «Anmodet»
    expect(page.get_by_label("Anmodet, Steinkjer", exact=True)).to_be_focused()
    page.keyboard.press("Tab")  # to «of which unaccompanied minors»
    page.keyboard.press("Tab")  # to «Vedtatt»
    expect(page.get_by_label("Vedtatt, Steinkjer", exact=True)).to_be_focused()
    page.keyboard.type("0")
    page.keyboard.press("Enter")  # submits the row's form
    page.locator("#rad-5006.saved").wait_for()
    expect(page.locator("#rad-5006").get_by_role("link", name="Endre Steinkjer")).to_be_focused()
    assert SettlementFigure.objects.get(settlement_year__year=2021, municipality__number="5006").decided == 0
    page_fits(page)


def test_an_adviser_imports_and_makes_a_scenario_with_the_keyboard_only(page, e2e_db, adviser_on_a_phone, tmp_path):
    source = tmp_path / "vedtak.csv"
    source.write_text(
        "kommunenummer;vedtatt;vedtatt_dato;vedtatt_kilde\n5006;30;14.12.2020;PS 88/20\n", encoding="utf-8"
    )
    page.goto(f"{e2e_db.url}/bosetting/2021/import/")
    page.get_by_label("Fil (CSV eller XLSX)").set_input_files(str(source))  # the file dialog is the browser's own
    tab_to(page, page.get_by_role("button", name="Kontroller filen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Forhåndsvisning")).to_be_visible()
    page_fits(page)
    tab_to(page, page.get_by_role("button", name="Utfør innlesingen"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{e2e_db.url}/bosetting/2021/")
    figure = SettlementFigure.objects.get(settlement_year__year=2021, municipality__number="5006")
    assert (figure.decided, figure.decision_reference) == (30, "PS 88/20")

    page.goto(f"{e2e_db.url}/bosetting/2021/scenarier/ny/")
    tab_to(page, page.get_by_label("Navn", exact=True))
    page.keyboard.type("Fra tastaturet")
    page.keyboard.press("Enter")  # implicit submission of the form
    page.wait_for_url(f"{e2e_db.url}/bosetting/2021/scenarier/*/")
    tab_to(page, page.get_by_role("button", name="Kjør scenarioet"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{e2e_db.url}/bosetting/2021/kjoringer/*/")
    expect(page.get_by_role("heading", name="Dette ble kjøringen gjort med")).to_be_visible()
    page_fits(page)


def test_a_refused_row_save_puts_focus_on_the_rows_error_summary(page, e2e_db, adviser_on_a_phone):
    page.goto(f"{e2e_db.url}/bosetting/2021/")
    edit = page.locator("#rad-5006").get_by_role("link", name="Endre Steinkjer")
    tab_to(page, edit)
    page.keyboard.press("Enter")
    # More unaccompanied minors than refugees in all: the browser lets it through, the server refuses it.
    page.get_by_label("Vedtatt, Steinkjer", exact=True).fill("1")
    minors = page.get_by_label("Vedtatt, enslige mindreårige, Steinkjer", exact=True)
    minors.fill("5")
    minors.press("Enter")
    summary = page.locator("#rad-5006 [data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.locator("li")).not_to_have_count(0)


# The size each text of a chart is drawn at on the screen: its font size times the svg's scale (drawn width over
# viewBox width). An svg squeezed into a phone's width would draw 12 px text at 8 px.
CHART_TEXT_SIZES = """() => [...document.querySelectorAll('svg.bar-chart')].flatMap((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) =>
    [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale]);
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_chart_text_is_at_least_11_px_on_a_phone_and_a_laptop(page, e2e_db, adviser_on_a_phone, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{e2e_db.url}/bosetting/2021/diagram/?kommune=5001")
    sizes = page.evaluate(CHART_TEXT_SIZES)
    assert len(sizes) > 100  # the three charts: per municipality, the county and one municipality over the years
    small = [(text, round(size, 1)) for text, size in sizes if size < 10.95]
    assert not small, f"text under 11 px at {width} px: {small[:10]}"
    page_fits(page)  # the charts' boxes scroll sideways, the page does not
