"""The letter to IMDi as a county sends it: letterhead from the county's letter settings, case officer, signer
and both references frozen with the version, a tagged PDF (PDF/UA-1, language nb, title) and the same letter
as DOCX; the county administrator's letter settings form (Norwegian errors, no lost update)."""

import io

import pytest
from django.urls import reverse

from integrering.core.letterhead.models import CountyLetterSettings
from integrering.core.roles import Role
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.models import Recommendation
from tests.settlement.scenario_fixtures import run, year_2021, year_2022  # noqa: F401

SUBJECT = "Fylkeskommunens anbefaling om bosetting av flyktninger i 2022"


@pytest.fixture
def frozen(county, year_2021, year_2022, adviser, make_user, client_for):  # noqa: F811
    """Version 1 of 2022 frozen through the form, with a case officer, a signer and both references."""
    from integrering.settlement.scenarios.services import scenario_create, scenario_run

    SettlementFigure.objects.filter(settlement_year=year_2021, municipality__number="5001").update(settled=150)
    leader = make_user(Role.LEADER, username="fylkesdirektor")
    leader.first_name, leader.last_name = "Kari", "Nordmann"
    leader.save()
    CountyLetterSettings.objects.create(
        county=county,
        postal_address="Postboks 2560\n7735 Steinkjer",
        organisation_number="817920632",
        signer_title="fylkesdirektør",
    )
    scenario = scenario_create(
        settlement_year=year_2022,
        user=adviser,
        name="Med unntak",
        criteria=[{"code": "folketall", "weight": 1, "exponent": 1}],
        base=10,
        constraints={"5001": {"cap": 200, "reason": "Boligmangel"}},
    )
    the_run = scenario_run(scenario=scenario, user=adviser)
    response = client_for(adviser).post(
        reverse("settlement:recommendation_choose", args=[2022, the_run.pk]),
        {
            "latest": 0,
            "confirm": "on",
            "case_officer": adviser.pk,
            "signer": leader.pk,
            "our_reference": "2022/1234-5",
            "their_reference": "IMDi 21/00077-3",
        },
    )
    assert response.status_code == 302, response.content.decode()
    return Recommendation.objects.get(settlement_year=year_2022, version=1)


def test_freezing_stores_case_officer_signer_and_both_references(frozen, adviser):
    assert frozen.case_officer == adviser and frozen.signer.username == "fylkesdirektor"
    assert (frozen.our_reference, frozen.their_reference) == ("2022/1234-5", "IMDi 21/00077-3")


def test_the_pdf_is_tagged_in_norwegian_with_title_references_and_the_countys_proper_name(frozen, adviser, client_for):
    from pypdf import PdfReader

    response = client_for(adviser).get(reverse("settlement:recommendation_export", args=[2022, 1, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).lower().startswith("nb")
    assert reader.metadata.title == SUBJECT
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in (
        "Trøndelag fylkeskommune",
        "2022/1234-5",
        "IMDi 21/00077-3",
        "817 920 632",
        SUBJECT,
        "Kari Nordmann",
        "fylkesdirektør",
        "Integrerings- og mangfoldsdirektoratet (IMDi)",
        "Anmodet i 2021",
        "Bosatt i 2021",
        "Vedlegg",
    ):
        assert expected in text, expected
    assert "Trööndelage" not in text and "kommunenummer" not in text


def test_the_docx_has_the_same_subject_references_headers_and_sum(frozen, adviser, client_for):
    from docx import Document

    from integrering.settlement.recommendation.selectors import recommendation_rows

    response = client_for(adviser).get(reverse("settlement:recommendation_export", args=[2022, 1, "docx"]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert SUBJECT in text and "Trøndelag fylkeskommune" in text
    assert "Vår ref.: 2022/1234-5" in text and "Deres ref.: IMDi 21/00077-3" in text
    assert document.core_properties.title == SUBJECT
    assert 'w:val="nb-NO"' in document.styles.element.xml
    table = document.tables[0]
    assert "w:tblHeader" in table.rows[0]._tr.xml  # the header row is a header row (repeated, read as such)
    assert [c.text for c in table.rows[0].cells] == ["Kommune", "Anbefalt", "Anmodet i 2021", "Bosatt i 2021"]
    _, total = recommendation_rows(frozen)
    sum_row = [c.text for c in table.rows[-1].cells]
    assert sum_row[0] == "Sum" and sum_row[1].replace("\xa0", " ") == f"{total:,}".replace(",", " ")
    assert len(table.rows) == len(frozen.numbers) + 2


def test_the_body_explains_criteria_and_exceptions_in_prose_with_the_numbers(frozen):
    from integrering.settlement.letters.letter import letter_html
    from integrering.settlement.recommendation.selectors import recommendation_rows

    rows, total = recommendation_rows(frozen)
    html = letter_html(frozen, rows, total)
    assert "Trøndelag fylkeskommune anbefaler at det bosettes" in html
    assert "Trondheim får høyst 200 (Boligmangel)" in html
    assert "{antall}" not in html and "{kriterier}" not in html


def test_the_minors_column_shows_only_when_the_recommendation_carries_minors(frozen):
    from integrering.settlement.letters.letter import letter_context
    from integrering.settlement.recommendation.selectors import recommendation_rows

    rows, total = recommendation_rows(frozen)
    assert letter_context(frozen, rows, total)["show_minors"] is False
    with_minors = [{**r, "minors": 2 if r["kommunenummer"] == "5001" else 0} for r in rows]
    context = letter_context(frozen, with_minors, total)
    assert context["show_minors"] is True and context["sums"]["minors"] == 2


def test_the_recommendation_page_links_both_downloads(frozen, adviser, client_for):
    page = client_for(adviser).get(reverse("settlement:recommendation", args=[2022, 1])).content.decode()
    assert "anbefaling.pdf" in page and "anbefaling.docx" in page


def _settings_post(client, **changes):
    data = {
        "letter_name": "Trøndelag fylkeskommune",
        "postal_address": "Postboks 2560\n7735 Steinkjer",
        "visiting_address": "",
        "organisation_number": "817 920 632",
        "email": "",
        "phone": "",
        "signer_title": "",
        "case_officer_title": "",
        "addressee": "IMDi",
        "recommendation_body": "{fylkeskommune} anbefaler {antall} i {år}.",
        "attachments": "",
        **changes,
    }
    return client.post(reverse("core:letter_settings"), data)


def test_the_county_admin_edits_the_letter_settings_and_the_letter_uses_them(county_admin, client_for, county):
    client = client_for(county_admin)
    page = client.get(reverse("core:letter_settings"))
    assert page.status_code == 200 and "Trøndelag fylkeskommune" in page.content.decode()  # the default shown
    assert _settings_post(client).status_code == 302
    saved = CountyLetterSettings.objects.get(county=county)
    assert saved.organisation_number == "817920632" and saved.version == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"organisation_number": "81792063"}, "Organisasjonsnummeret må ha ni sifre"),
        ({"organisation_number": "817 920 633"}, "er ikke et gyldig organisasjonsnummer"),
        ({"recommendation_body": "Hei {navn}"}, "Ukjent plassholder {navn}"),
    ],
)
def test_bad_input_to_the_letter_settings_gets_a_norwegian_error(county_admin, client_for, county, changes, message):
    response = _settings_post(client_for(county_admin), **changes)
    assert response.status_code == 400 and message in response.content.decode()
    assert not CountyLetterSettings.objects.filter(county=county).exists()


def test_a_stale_letter_settings_form_does_not_overwrite_a_newer_save(county_admin, client_for, county):
    CountyLetterSettings.objects.create(county=county, letter_name="Trøndelag fylkeskommune")  # version 1
    client = client_for(county_admin)
    assert _settings_post(client, version=1, phone="74 17 40 00").status_code == 302  # now version 2
    response = _settings_post(client, version=1, phone="99 99 99 99")
    assert response.status_code == 409 and "Noen andre har endret dette" in response.content.decode()
    assert CountyLetterSettings.objects.get(county=county).phone == "74 17 40 00"


def test_only_the_county_admin_edits_the_letter_settings(adviser, client_for):
    assert client_for(adviser).get(reverse("core:letter_settings")).status_code == 403


def test_the_countys_own_text_and_attachments_are_used_with_the_numbers_filled_in(frozen, county):
    from integrering.settlement.letters.letter import letter_html
    from integrering.settlement.recommendation.selectors import recommendation_rows

    settings = CountyLetterSettings.objects.get(county=county)
    settings.recommendation_body = "Vi anbefaler {antall} for {år} i {kommuner} kommuner.\n\n{unntak}"
    settings.attachments = "Saksframlegg\nProtokoll fra fylkesutvalget"
    settings.save()
    rows, total = recommendation_rows(frozen)
    html = letter_html(frozen, rows, total)
    assert "Vi anbefaler 500 for 2022 i 38 kommuner." in html and "Trondheim får høyst 200" in html
    assert "<li>Saksframlegg</li><li>Protokoll fra fylkesutvalget</li>" in html


def test_missing_letter_details_are_filled_in_later_but_a_set_one_never_changes(year_2021, adviser, client_for):
    from integrering.settlement.recommendation.services import recommendation_make

    recommendation = recommendation_make(settlement_year=year_2021, user=adviser, numbers={"5001": 140})
    client = client_for(adviser)
    page = client.get(reverse("settlement:recommendation", args=[2021, 1])).content.decode()
    assert "Fullfør brevet til IMDi" in page and 'name="our_reference"' in page
    url = reverse("settlement:recommendation_letter", args=[2021, 1])
    assert client.post(url, {"our_reference": "2021/77-1"}).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.our_reference == "2021/77-1"
    page = client.get(reverse("settlement:recommendation", args=[2021, 1])).content.decode()
    assert 'name="our_reference"' not in page and 'name="their_reference"' in page
    # A stale form (opened before the reference was set) cannot change it.
    from integrering.core.exceptions import ApplicationError
    from integrering.settlement.letters.services import recommendation_letter_complete

    with pytest.raises(ApplicationError) as raised:
        recommendation_letter_complete(recommendation=recommendation, our_reference="2021/99-9")
    assert "kan ikke endres" in raised.value.user_message
    recommendation.refresh_from_db()
    assert recommendation.our_reference == "2021/77-1"
    assert client.post(url, {}).status_code == 400  # nothing filled in: a Norwegian error, nothing saved
