"""A direct visit to an htmx fragment's address gives the full page, never a bare ``<tr>``."""

import pytest

from integrering.municipalities.models import Municipality
from integrering.settlement.models import SettlementFigure, SettlementYear


@pytest.fixture
def year(county):
    settlement_year = SettlementYear.objects.create(county=county, year=2027)
    for number in ("5001", "5006"):
        SettlementFigure.objects.create(
            settlement_year=settlement_year, municipality=Municipality.objects.get(number=number), requested=10
        )
    return settlement_year


def test_a_direct_visit_to_a_row_goes_to_the_year_page_at_that_row(year, adviser, client_for):
    client = client_for(adviser)
    response = client.get("/bosetting/2027/kommune/5001/")
    assert response.status_code == 302
    assert response["Location"] == "/bosetting/2027/#rad-5001"
    page = client.get("/bosetting/2027/kommune/5001/", follow=True).content.decode()
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert 'id="rad-5001"' in page


def test_htmx_still_gets_the_row(year, adviser, client_for):
    response = client_for(adviser).get("/bosetting/2027/kommune/5001/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith("{% load") is False
    assert "<tr" in html and "<html" not in html.lower()


def test_a_direct_visit_to_another_municipalitys_row_stays_a_404(year, municipal_user, client_for):
    assert client_for(municipal_user).get("/bosetting/2027/kommune/5006/").status_code == 404


def test_a_direct_visit_to_the_inline_editor_is_a_full_page(year, adviser, make_user, client_for):
    from integrering.core.roles import Role

    editor = make_user(Role.ADVISER, Role.COUNTY_ADMIN, username="redaktor")
    page = client_for(editor).get("/bosetting/2027/kommune/5001/rediger/").content.decode()
    assert page.lstrip().lower().startswith("<!doctype html>")
