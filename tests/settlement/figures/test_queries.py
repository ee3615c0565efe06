"""Query counts of the year page, the map, the charts, the list of years and the municipality page are
exact and do not grow with the number of municipalities or years.

The counts include the request's own queries (session, user, roles, county); a page that starts to
query per municipality or per year fails here with both numbers shown.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality
from integrering.settlement.models import SettlementFigure, SettlementYear

# Page → its exact number of queries, whatever the data.
PAGES = {
    "/bosetting/{year}/": 11,  # + whether a recommendation is frozen (the stage)
    "/bosetting/{year}/kart/": 10,
    "/bosetting/{year}/kart/?tall=vedtatt-per-1000": 10,
    "/bosetting/{year}/diagram/": 13,
    "/bosetting/": 12,  # + the figures and the recommendations behind each year's stage
}
MUNICIPALITY_PAGE = 21  # + the regional work tab (activities, guidance requests, organisations, grants)


def fill(county, years, municipalities):
    for year in years:
        settlement_year, _ = SettlementYear.objects.get_or_create(county=county, year=year)
        SettlementFigure.objects.bulk_create(
            [
                SettlementFigure(settlement_year=settlement_year, municipality=m, requested=10, decided=8, settled=None)
                for m in municipalities
            ]
        )


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("page", PAGES)
def test_county_pages_cost_the_same_exact_queries_for_two_municipalities_and_one_year_as_for_all_and_eleven(
    page, county, make_user, client_for
):
    client = client_for(make_user(Role.ADVISER, username="r"))
    municipalities = list(Municipality.objects.filter(county=county).order_by("number"))
    fill(county, [2024], municipalities[:2])
    small = count(client, page.format(year=2024))
    fill(county, range(2014, 2024), municipalities)
    SettlementFigure.objects.bulk_create(
        [
            SettlementFigure(
                settlement_year=SettlementYear.objects.get(county=county, year=2024), municipality=m, requested=3
            )
            for m in municipalities[2:]
        ]
    )
    large = count(client, page.format(year=2024))
    assert (small, large) == (PAGES[page], PAGES[page])


def test_the_largest_county_costs_exactly_the_queries_of_trondelag(make_user, client_for):
    viken = County.objects.get(number="30")
    trondelag = County.objects.get(number="50")
    counts = []
    for county in (trondelag, viken):
        municipalities = [m for m in Municipality.objects.filter(county=county) if m.is_valid_in(2022)]
        fill(county, [2022], municipalities)
        client = client_for(make_user(Role.ADVISER, username=f"r{county.number}", county_obj=county))
        counts.append([count(client, p.format(year=2022)) for p in PAGES])
    assert counts[0] == counts[1] == list(PAGES.values())


def test_the_municipality_page_costs_the_same_exact_queries_whatever_the_years(county, make_user, client_for):
    client = client_for(make_user(Role.ADVISER, username="r"))
    trondheim = Municipality.objects.get(number="5001")
    fill(county, [2024], [trondheim])
    small = count(client, "/kommuner/5001/")
    fill(county, range(2014, 2024), [trondheim])
    assert (small, count(client, "/kommuner/5001/")) == (MUNICIPALITY_PAGE, MUNICIPALITY_PAGE)
