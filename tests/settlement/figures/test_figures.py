"""Inline editing of figures: htmx row, empty = unknown, optimistic locking on a concurrent edit."""

import pytest

from integrering.municipalities.models import Municipality
from integrering.settlement.errors import RecommendationLocked, StaleVersion
from integrering.settlement.figures import services
from integrering.settlement.models import SettlementFigure, SettlementYear


@pytest.fixture
def year(county):
    return SettlementYear.objects.create(county=county, year=2024)


def post(client, data, htmx=True):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post("/bosetting/2024/kommune/5001/rediger/", data, **headers)


def test_the_edit_row_and_saving_it_with_htmx(year, adviser, client_for):
    client = client_for(adviser)
    edit = client.get("/bosetting/2024/kommune/5001/rediger/", HTTP_HX_REQUEST="true")
    assert edit.status_code == 200 and 'name="requested"' in edit.content.decode()
    response = post(client, {"requested": "12", "decided": "0", "version": "0"})
    assert response.status_code == 200
    figure = SettlementFigure.objects.get(settlement_year=year, municipality__number="5001")
    assert (figure.requested, figure.decided, figure.settled, figure.version) == (12, 0, None, 1)
    assert "Saved" in response.content.decode() or "Lagret" in response.content.decode()


def test_a_concurrent_edit_is_refused_with_a_message(year, adviser, client_for):
    client = client_for(adviser)
    post(client, {"requested": "12", "version": "0"})
    response = post(client, {"requested": "99", "version": "0"})  # based on the old version
    assert "noen andre" in response.content.decode().lower() or "someone else" in response.content.decode().lower()
    assert SettlementFigure.objects.get(settlement_year=year, municipality__number="5001").requested == 12


def test_minors_above_the_total_is_a_form_error(year, adviser, client_for):
    response = post(client_for(adviser), {"requested": "2", "requested_ema": "5", "version": "0"}, htmx=False)
    assert response.status_code == 400
    assert not SettlementFigure.objects.exists()


def test_without_javascript_the_edit_page_saves_and_returns_to_the_year(year, adviser, client_for):
    response = post(client_for(adviser), {"settled": "3", "version": "0"}, htmx=False)
    assert response.status_code == 302 and response.url == "/bosetting/2024/"


def test_a_municipal_user_cannot_edit_figures(year, municipal_user, client_for):
    assert post(client_for(municipal_user), {"requested": "1", "version": "0"}).status_code == 403


def test_the_service_refuses_a_stale_version(year):
    municipality = Municipality.objects.get(number="5006")
    services.figure_update(settlement_year=year, municipality=municipality, values={"decided": 4}, version=0)
    with pytest.raises(StaleVersion):
        services.figure_update(settlement_year=year, municipality=municipality, values={"decided": 5}, version=0)


def test_the_import_page_previews_then_applies(year, adviser, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(adviser)
    upload = SimpleUploadedFile("imdi.csv", "kommune;anmodet\nTrondheim - Tråante;140\n".encode())
    preview = client.post("/bosetting/2024/import/", {"file": upload})
    assert preview.status_code == 200 and "140" in preview.content.decode()
    assert not SettlementFigure.objects.exists()
    assert client.post("/bosetting/2024/import/bruk/").status_code == 302
    assert SettlementFigure.objects.get(municipality__number="5001").requested == 140


def test_the_import_page_shows_errors_and_writes_nothing(year, adviser, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("imdi.csv", b"kommunenummer;anmodet\n5001;-4\n")
    response = client_for(adviser).post("/bosetting/2024/import/", {"file": upload})
    assert response.status_code == 400
    assert "Rad 2, kolonne «anmodet»: negativt tall (-4) er ikke tillatt." in response.content.decode()
    assert not SettlementFigure.objects.exists()


def test_after_a_recommendation_the_inline_row_shows_recommended_disabled_and_refuses_a_change(
    year, adviser, client_for
):
    from integrering.settlement.recommendation.services import recommendation_make

    recommendation_make(settlement_year=year, user=adviser, numbers={"5001": 30, "5020": 12})
    client = client_for(adviser)
    row = client.get("/bosetting/2024/kommune/5020/rediger/", HTTP_HX_REQUEST="true").content.decode()
    assert (
        '<input class="ds-input figure-input" type="number" min="0" max="1000000" inputmode="numeric" name="recommended"'
        in row
    )
    assert (
        'name="recommended" id="f-5020-recommended" form="skjema-5020" value="12" aria-label="Anbefalt, Osen" disabled'
        in row
    )
    assert "Låst av anbefalingen" in row

    figure = SettlementFigure.objects.get(settlement_year=year, municipality__number="5020")
    response = client.post(
        "/bosetting/2024/kommune/5020/rediger/",
        {"recommended": "77", "requested": "5", "version": figure.version},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert "Lagret" not in page and "«Anbefalt» er låst av fylkets anbefaling for 2024" in page
    assert 'value="12"' in page and "disabled" in page
    figure.refresh_from_db()
    assert (figure.recommended, figure.requested) == (12, None)

    response = client.post(
        "/bosetting/2024/kommune/5020/rediger/", {"requested": "5", "version": figure.version}, HTTP_HX_REQUEST="true"
    )
    assert "Lagret: Osen" in response.content.decode()
    figure.refresh_from_db()
    assert (figure.recommended, figure.requested) == (12, 5)


def test_the_service_refuses_to_change_a_locked_recommended_figure(year, adviser):
    from integrering.settlement.recommendation.services import recommendation_make

    recommendation_make(settlement_year=year, user=adviser, numbers={"5020": 12})
    osen = Municipality.objects.get(number="5020")
    with pytest.raises(RecommendationLocked, match="låst"):
        services.figure_update(settlement_year=year, municipality=osen, values={"recommended": 77}, version=None)
    with pytest.raises(RecommendationLocked):
        services.figures_apply(county=year.county, year=2024, rows=[(osen, {"recommended": 77})])
    services.figure_update(
        settlement_year=year, municipality=osen, values={"recommended": 12, "settled": 3}, version=None
    )
    assert SettlementFigure.objects.get(municipality=osen).recommended == 12
