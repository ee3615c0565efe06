"""The annual report in the written form asked for (``?sprak=nn``), whatever the page's language."""

import io
import json
import zipfile

import pytest

from integrering.core.models import User


@pytest.fixture
def leader(county):
    from integrering.accounts.demo import demo_data_load

    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    return User.objects.get(username="leder")


def test_the_annual_report_is_in_nynorsk_when_asked(leader, client_for):
    client = client_for(leader)
    nynorsk = json.dumps(
        json.loads(client.get("/planer/arsrapport/2023.json", {"sprak": "nn"}).content), ensure_ascii=False
    )
    bokmal = json.dumps(json.loads(client.get("/planer/arsrapport/2023.json").content), ensure_ascii=False)
    assert "Busetjing" in nynorsk and "Busetjing" not in bokmal
    docx = client.get("/planer/arsrapport/2023.docx", {"sprak": "nn"}).content
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        text = archive.read("word/document.xml").decode()
    assert "Busetjing" in text and "Bosetting" not in text


def test_the_annual_report_page_offers_both_written_forms(leader, client_for):
    page = client_for(leader).get("/planer/arsrapport/?aar=2023").content.decode()
    assert "/planer/arsrapport/2023.pdf?sprak=nn" in page and "/planer/arsrapport/2023.pdf?sprak=nb" in page
