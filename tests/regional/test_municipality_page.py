"""The municipality page's regional tab: activities, requests, organisations; a constant number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrering.municipalities.models import Municipality
from integrering.regional.activities.services import activity_create


def _activities(county, adviser, n):
    trondheim = Municipality.objects.get(number="5001")
    for i in range(n):
        activity_create(
            county=county,
            user=adviser,
            areas=[2, 3],
            title=f"Aktivitet {i}",
            activity_type="course",
            start_date=datetime.date(2025, 1, 1 + i),
            municipalities=[trondheim],
            advisers=[adviser],
        )


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_municipality_page_shows_the_regional_work(client_for, adviser, county):
    _activities(county, adviser, 2)
    page = client_for(adviser).get("/kommuner/5001/").content.decode()
    assert "Regionalt arbeid med kommunen" in page
    assert "Aktivitet 1" in page


def test_the_page_and_the_list_take_as_many_queries_for_20_activities_as_for_2(client_for, adviser, county):
    client = client_for(adviser)
    _activities(county, adviser, 2)
    few = (_queries(client, "/kommuner/5001/"), _queries(client, "/regionalt/aktiviteter/"))
    _activities(county, adviser, 18)
    many = (_queries(client, "/kommuner/5001/"), _queries(client, "/regionalt/aktiviteter/"))
    assert few == many
