"""Each role starts on its own work (the demo county, as `make run` loads it), axe-clean at 1280 and 375 px; the
adviser downloads the frozen recommendation's letter to IMDi as a tagged PDF and as an editable DOCX."""

import io
import re
import zlib

import docx
import pytest
from playwright.sync_api import expect

from integrering.accounts.demo import demo_data_load
from integrering.core.letterhead.selectors import default_letter_name
from integrering.core.models import County
from tests.e2e.conftest import E2E_PASSWORD

pytestmark = pytest.mark.e2e

# username → (the panel's heading, a text of its own work inside that panel)
START_PAGES = {
    "radgiver": ("Bosettingsåret", "Neste steg"),
    "leder": ("Karriereveiledning: etterlevelse", "Sum"),
    "kommune5001": ("Deltakerne deres", "Henvist"),
    "veileder": ("Din arbeidsliste", "DEMO-"),
    "tilskudd": ("Tilskudd", "Søknader som venter"),
    "revisor": ("Revisjon", "Revisjonslogg"),
}


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF's objects as text: WeasyPrint packs the catalog into compressed object streams."""
    inflated = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            inflated.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(inflated)


@pytest.fixture
def demo_county(e2e_db):
    demo_data_load(password=E2E_PASSWORD, stdout=io.StringIO())
    return e2e_db.url


@pytest.mark.parametrize("username", list(START_PAGES))
def test_each_role_starts_on_its_own_work(browser, demo_county, login, assert_accessible, username):
    heading, own_work = START_PAGES[username]
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo", viewport={"width": 1280, "height": 900})
    page = login(context.new_page(), username)
    panel = page.locator("main section").filter(has=page.get_by_role("heading", name=heading, level=2)).first
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(own_work)
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    expect(panel).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(page)
    context.close()


def test_the_adviser_downloads_the_letter_as_a_tagged_pdf_and_as_docx(page, demo_county, login):
    login(page, "radgiver")
    page.goto(f"{demo_county}/bosetting/2021/anbefaling/1/")
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Last ned brevet til IMDi (PDF)").click()
    with page.expect_download() as docx_download:
        page.get_by_role("link", name="Last ned brevet til IMDi (Word)").click()
    with open(pdf_download.value.path(), "rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF")
    objects = _pdf_objects(pdf)
    assert b"/StructTreeRoot" in objects and b"/Lang (nb)" in objects  # tagged (PDF/UA), in Norwegian
    assert pdf_download.value.suggested_filename.endswith(".pdf")
    letter = docx.Document(docx_download.value.path())
    text = "\n".join(p.text for p in letter.paragraphs) + "\n".join(
        cell.text for table in letter.tables for row in table.rows for cell in row.cells
    )
    # The county by its proper name from the letter settings («Trøndelag fylkeskommune», never «Trøndelag -
    # Trööndelage / Fylkeskommune»), to IMDi, with both references.
    assert default_letter_name(County.objects.get(number="50")) == "Trøndelag fylkeskommune"
    assert "Trøndelag fylkeskommune" in text and "Trööndelage" not in text
    assert "(IMDi)" in text and "Vår ref." in text and "Deres ref." in text
    response = page.request.get(f"{demo_county}/bosetting/2021/anbefaling/1/anbefaling.pdf")
    assert response.headers["content-type"] == "application/pdf"
    response = page.request.get(f"{demo_county}/bosetting/2021/anbefaling/1/anbefaling.docx")
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
