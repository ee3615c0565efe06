"""The letter to IMDi in the written form asked for (``?sprak=nn``), whatever the page's language."""

import io
import zipfile

from django.urls import reverse

from integrering.settlement.recommendation.services import recommendation_make
from tests.settlement.scenario_fixtures import year_2021  # noqa: F401


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        return docx.read("word/document.xml").decode()


def test_the_word_letter_is_in_nynorsk_or_bokmal_as_asked(year_2021, adviser, client_for):
    recommendation_make(settlement_year=year_2021, user=adviser, numbers={"5001": 140, "5006": 33})
    client = client_for(adviser)
    url = reverse("settlement:recommendation_export", args=[2021, 1, "docx"])
    bokmal = _docx_text(client.get(url).content)
    nynorsk = _docx_text(client.get(url, {"sprak": "nn"}).content)
    assert "Med vennlig hilsen" in bokmal and "Med venleg helsing" not in bokmal
    assert "Med venleg helsing" in nynorsk and "Med vennlig hilsen" not in nynorsk
    assert "tilråding" in nynorsk.lower()
    pdf = client.get(reverse("settlement:recommendation_export", args=[2021, 1, "pdf"]), {"sprak": "nn"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_recommendation_page_offers_the_letter_in_the_other_written_form(year_2021, adviser, client_for):
    recommendation_make(settlement_year=year_2021, user=adviser, numbers={"5001": 140, "5006": 33})
    page = client_for(adviser).get(reverse("settlement:recommendation", args=[2021, 1])).content.decode()
    assert "?sprak=nn" in page and "Brevet på nynorsk (PDF)" in page
