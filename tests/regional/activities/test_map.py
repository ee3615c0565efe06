"""The SVG map of activities per municipality in a period, and the share of municipalities reached per area."""

import datetime

from integrering.municipalities.models import Municipality
from integrering.regional.activities.services import activity_create
from integrering.regional.report import activities_per_municipality


def test_the_map_colours_the_municipalities_reached_in_the_period(client_for, adviser, county):
    activity_create(
        county=county,
        user=adviser,
        areas=[3],
        title="Kurs",
        activity_type="course",
        start_date=datetime.date(2025, 5, 1),
        municipalities=list(Municipality.objects.filter(number__in=["5001", "5006"])),
    )
    counts, shares, total = activities_per_municipality(
        county=county, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    )
    assert counts == {"5001": 1, "5006": 1}
    assert shares[0]["area"] == 3 and shares[0]["reached"] == 2 and total == 38
    page = client_for(adviser).get("/regionalt/kart/?fra=2025-01-01&til=2025-12-31").content.decode()
    assert "<svg" in page and "Trondheim: 1" in page
    assert "2 av 38 kommuner" in page
    empty = client_for(adviser).get("/regionalt/kart/?fra=2020-01-01&til=2020-12-31").content.decode()
    assert "Trondheim: 0" in empty


def test_a_county_without_shipped_geojson_gets_its_map_from_the_national_topojson(client_for, make_user, other_county):
    from integrering.core.roles import Role

    adviser = make_user(Role.ADVISER, username="radgiver46", county_obj=other_county)
    bergen = Municipality.objects.get(number="4601")
    activity_create(
        county=other_county,
        user=adviser,
        areas=[2],
        title="Veiledningsbesøk",
        activity_type="guidance_visit",
        start_date=datetime.date(2025, 5, 1),
        municipalities=[bergen],
    )
    page = client_for(adviser).get("/regionalt/kart/?fra=2025-01-01&til=2025-12-31").content.decode()
    assert "<svg" in page and "Bergen: 1" in page
    numbers = set(Municipality.objects.for_county(other_county).valid_in(2025).values_list("number", flat=True))
    assert page.count("<path ") == len(numbers) > 40  # every municipality of Vestland is drawn
    assert "Det finnes ikke noe kart" not in page
