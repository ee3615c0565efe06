"""An adviser's way from scenarios to the recommendation: create, run, compare, recommend, download."""

import pytest
from playwright.sync_api import expect

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality
from integrering.settlement.models import Recommendation, SettlementFigure, SettlementYear
from tests.settlement.scenario_fixtures import seed_requests

pytestmark = pytest.mark.e2e


def seed_years():
    county = County.objects.get(number="50")
    last = SettlementYear.objects.create(county=county, year=2021, total=619)
    municipalities = {m.number: m for m in Municipality.objects.filter(county=county)}
    SettlementFigure.objects.bulk_create(
        SettlementFigure(settlement_year=last, municipality=municipalities[n], requested=v)
        for n, v in seed_requests().items()
    )
    return SettlementYear.objects.create(county=county, year=2022, total=500)


def test_an_adviser_creates_runs_compares_and_recommends_a_scenario(page, e2e_db, e2e_user, login, assert_accessible):
    seed_years()
    e2e_user("radgiver", Role.ADVISER)
    login(page, "radgiver")
    base = f"{e2e_db.url}/bosetting/2022"

    page.goto(f"{base}/scenarier/")
    assert_accessible(page)
    page.get_by_role("link", name="Nytt scenario").click()
    page.get_by_label("Navn", exact=True).fill("Folketall med grunntall")
    page.get_by_label("Grunntall per deltakende kommune").fill("12")
    page.get_by_label("Maks for 5001 Trondheim").fill("90")
    page.get_by_label("Utelat 5014 Frøya").check()
    assert_accessible(page)
    page.get_by_role("button", name="Lagre scenarioet").click()
    expect(page.get_by_role("region", name="Dette må rettes")).to_be_focused()  # the exclusion has no reason yet
    assert "trenger en begrunnelse" in page.content()
    page.get_by_label("Begrunnelse for 5014 Frøya").fill("Ingen ledige boliger")
    page.get_by_role("button", name="Lagre scenarioet").click()
    page.wait_for_url(f"{base}/scenarier/*/")
    assert_accessible(page)

    page.get_by_role("button", name="Kjør scenarioet").click()
    page.wait_for_url(f"{base}/kjoringer/*/")
    expect(page.get_by_text("Frøya er utelatt og får 0.")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{base}/scenarier/")
    page.get_by_role("button", name="Start fra fjoråret").click()
    page.wait_for_url(f"{base}/scenarier/*/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kalibrert på 2021")
    page.get_by_role("button", name="Kjør scenarioet").click()
    page.wait_for_url(f"{base}/kjoringer/*/")

    page.goto(f"{base}/scenarier/")
    page.get_by_label("Scenario A").select_option(label="Folketall med grunntall")
    page.get_by_label("Scenario B").select_option(label="Kalibrert på 2021")
    page.get_by_role("button", name="Sammenlign", exact=True).click()
    page.wait_for_url(f"{base}/scenarier/sammenlign/*")
    assert page.locator("tr.diff").count() > 0
    assert "flere i B" in page.content() or "færre i B" in page.content()
    assert_accessible(page)

    page.goto(f"{base}/scenarier/")
    page.get_by_role("link", name="Folketall med grunntall").click()
    page.get_by_role("link", name="Åpne denne kjøringen").click()
    page.get_by_label("Jeg forstår at dette fryser anbefalingen").check()
    page.get_by_role("button", name="Gjør til anbefaling").click()
    page.wait_for_url(f"{base}/anbefaling/1/")
    assert Recommendation.objects.get().version == 1
    assert page.locator("tfoot").inner_text().split()[-1] == "500"
    assert_accessible(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="Last ned XLSX").click()
    assert info.value.suggested_filename == "anbefaling-50-2022-v1.xlsx"
    with page.expect_download() as info:
        page.get_by_role("link", name="Last ned brevet til IMDi (PDF)").click()
    pdf = info.value
    assert pdf.suggested_filename == "anbefaling-50-2022-v1.pdf"
    with open(pdf.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_an_adviser_defines_a_criterion_imports_values_and_checks_sensitivity(
    page, e2e_db, e2e_user, login, assert_accessible, tmp_path
):
    seed_years()
    e2e_user("radgiver", Role.ADVISER)
    login(page, "radgiver")
    page.goto(f"{e2e_db.url}/bosetting/kriterier/")
    assert_accessible(page)
    page.get_by_role("link", name="Nytt kriterium").click()
    page.get_by_label("Kode").fill("ledighet")
    page.get_by_label("Navn").fill("Arbeidsledighet")
    page.get_by_label("Enhet").fill("%")
    page.get_by_label("Høyere er bedre").uncheck()
    assert_accessible(page)
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_url(f"{e2e_db.url}/bosetting/kriterier/")
    expect(page.get_by_role("cell", name="Lavere er bedre")).to_be_visible()

    bad = tmp_path / "ledighet.csv"
    bad.write_text("kommunenummer;ledighet\n5001;2,1\n5006;mye\n", encoding="utf-8")
    page.goto(f"{e2e_db.url}/bosetting/2022/kriterier/")
    page.get_by_label("Fil (CSV eller XLSX)").set_input_files(str(bad))
    page.get_by_label("Kilde", exact=True).fill("NAV")
    page.get_by_role("button", name="Importer").click()
    summary = page.get_by_role("region", name="Dette må rettes")
    expect(summary).to_contain_text("Rad 3, kolonne «ledighet»: «mye» er ikke et tall.")
    expect(summary).to_be_focused()
    assert_accessible(page)
    bad.write_text("kommunenummer;ledighet\n5001;2,1\n5006;3\n", encoding="utf-8")
    page.get_by_label("Fil (CSV eller XLSX)").set_input_files(str(bad))
    page.get_by_label("Kilde", exact=True).fill("NAV")
    page.get_by_role("button", name="Importer").click()
    page.wait_for_url(f"{e2e_db.url}/bosetting/2022/kriterier/")
    expect(page.get_by_text("2 verdier for 2 kommuner ble importert.")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{e2e_db.url}/bosetting/2022/scenarier/")
    page.get_by_role("button", name="Start fra fjoråret").click()
    page.wait_for_url(f"{e2e_db.url}/bosetting/2022/scenarier/*/")
    page.get_by_role("link", name="Følsomhet").click()
    page.get_by_label("Antall trekninger").fill("5")
    page.get_by_role("button", name="Beregn").click()
    expect(page.get_by_role("columnheader", name="Median")).to_be_visible()
    assert_accessible(page)
