"""Query counts of the year page, the map, the charts and the municipality page do not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality
from integrering.settlement.models import SettlementFigure, SettlementYear

PAGES = ["/bosetting/{year}/", "/bosetting/{year}/kart/", "/bosetting/{year}/kart/?tall=vedtatt-per-1000",
         "/bosetting/{year}/diagram/", "/bosetting/"]


def fill(county, years, municipalities):
    for year in years:
        settlement_year, _ = SettlementYear.objects.get_or_create(county=county, year=year)
        SettlementFigure.objects.bulk_create([
            SettlementFigure(settlement_year=settlement_year, municipality=m, requested=10, decided=8, settled=None)
            for m in municipalities
        ])


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("page", PAGES)
def test_county_pages_do_not_grow_with_municipalities_or_years(page, county, make_user, client_for):
    client = client_for(make_user(Role.ADVISER, username="r"))
    municipalities = list(Municipality.objects.filter(county=county).order_by("number"))
    fill(county, [2024], municipalities[:2])
    small = count(client, page.format(year=2024))
    fill(county, range(2014, 2024), municipalities)
    SettlementFigure.objects.bulk_create([
        SettlementFigure(settlement_year=SettlementYear.objects.get(county=county, year=2024), municipality=m, requested=3)
        for m in municipalities[2:]
    ])
    large = count(client, page.format(year=2024))
    assert large == small
    assert large <= 12


def test_the_largest_county_costs_the_same_queries_as_trondelag(make_user, client_for):
    viken = County.objects.get(number="30")
    trondelag = County.objects.get(number="50")
    counts = []
    for county in (trondelag, viken):
        municipalities = [m for m in Municipality.objects.filter(county=county) if m.is_valid_in(2022)]
        fill(county, [2022], municipalities)
        client = client_for(make_user(Role.ADVISER, username=f"r{county.number}", county_obj=county))
        counts.append([count(client, p.format(year=2022)) for p in PAGES[:3]])
    assert counts[0] == counts[1]


def test_the_municipality_page_section_is_one_query_whatever_the_years(county, make_user, client_for):
    client = client_for(make_user(Role.ADVISER, username="r"))
    trondheim = Municipality.objects.get(number="5001")
    fill(county, [2024], [trondheim])
    small = count(client, "/kommuner/5001/")
    fill(county, range(2014, 2024), [trondheim])
    assert count(client, "/kommuner/5001/") == small


@pytest.mark.django_db
def test_the_map_page_stays_within_a_fixed_budget(county, adviser, client_for, django_assert_max_num_queries):
    fill(county, [2024], Municipality.objects.filter(county=county))
    client = client_for(adviser)
    with django_assert_max_num_queries(10):
        client.get("/bosetting/2024/kart/")
