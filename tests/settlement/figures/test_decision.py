"""A municipal user registers only their own municipality's decision and sees only their own figures."""

import pytest

from integrering.core.roles import Role
from integrering.settlement.models import SettlementFigure, SettlementYear


@pytest.fixture
def year(county):
    settlement_year = SettlementYear.objects.create(county=county, year=2024)
    for number, requested in (("5001", 140), ("5006", 33)):
        SettlementFigure.objects.create(
            settlement_year=settlement_year, municipality_id=_pk(number), requested=requested
        )
    return settlement_year


def _pk(number):
    from integrering.municipalities.models import Municipality

    return Municipality.objects.get(number=number).pk


def test_a_municipal_user_registers_their_own_decision(year, municipal_user, client_for):
    client = client_for(municipal_user)
    page = client.get("/bosetting/2024/vedtak/")
    assert page.status_code == 200 and "140" in page.content.decode()
    figure = SettlementFigure.objects.get(settlement_year=year, municipality__number="5001")
    response = client.post(
        "/bosetting/2024/vedtak/",
        {
            "decided": "120",
            "decided_ema": "10",
            "decided_on": "2024-03-01",
            "reference": "Bystyret sak 12/24",
            "version": str(figure.version),
        },
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert (figure.decided, figure.decided_ema, figure.decision_reference) == (120, 10, "Bystyret sak 12/24")
    assert SettlementFigure.objects.get(settlement_year=year, municipality__number="5006").decided is None


def test_they_can_say_no_with_zero(year, municipal_user, client_for):
    figure = SettlementFigure.objects.get(settlement_year=year, municipality__number="5001")
    client_for(municipal_user).post("/bosetting/2024/vedtak/", {"decided": "0", "version": str(figure.version)})
    figure.refresh_from_db()
    assert figure.decided == 0


def test_the_municipal_user_sees_only_their_own_municipality(year, municipal_user, client_for):
    client = client_for(municipal_user)
    html = client.get("/bosetting/2024/").content.decode()
    assert "Trondheim" in html and "Steinkjer" not in html
    assert client.get("/bosetting/2024/kommune/5006/").status_code == 404
    assert client.get("/bosetting/2024/kart/").status_code == 404
    assert client.get("/bosetting/2024/diagram/").status_code == 404
    assert client.get("/bosetting/2024/eksport.csv").status_code == 404
    assert client.get("/kommuner/5006/").status_code == 404


def test_there_is_no_way_to_register_another_municipalitys_decision(year, municipal_user, client_for):
    client = client_for(municipal_user)
    client.post("/bosetting/2024/vedtak/", {"decided": "5", "version": "0", "municipality": "5006"})
    assert SettlementFigure.objects.get(settlement_year=year, municipality__number="5006").decided is None
    assert client.post("/bosetting/2024/kommune/5006/rediger/", {"decided": "5", "version": "1"}).status_code == 403


def test_a_municipal_user_of_another_county_gets_404(year, make_user, client_for):
    user = make_user(Role.MUNICIPAL_USER, username="bergen", municipality="4601")
    assert client_for(user).get("/bosetting/2024/vedtak/").status_code == 404


def test_county_users_cannot_register_a_municipal_decision(year, adviser, client_for):
    assert client_for(adviser).get("/bosetting/2024/vedtak/").status_code == 403


def test_the_municipality_page_shows_the_settlement_history(year, municipal_user, client_for):
    html = client_for(municipal_user).get("/kommuner/5001/").content.decode()
    assert "2024" in html and "140" in html
