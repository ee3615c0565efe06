"""Charts: bars per municipality for a year, the county and one municipality over the years, with tables."""

import io

import pytest

from integrering.settlement import charts, demo


def test_bars_are_proportional_and_unknown_has_no_bar():
    chart = charts.horizontal_bars([("A", {"requested": 100, "decided": 50, "settled": None})])
    requested, decided, settled = chart.groups[0].bars
    assert requested.width == pytest.approx(2 * decided.width)
    assert settled.width == 0 and settled.value is None


def test_vertical_bars_grow_upwards():
    chart = charts.vertical_bars([("2021", {"requested": 10, "decided": 5, "settled": 0})])
    requested, decided, settled = chart.groups[0].bars
    assert requested.height == pytest.approx(2 * decided.height)
    assert requested.y < decided.y and settled.height == 0


@pytest.fixture
def seeded(county):
    demo.load(county=county, stdout=io.StringIO())


def test_the_chart_page_for_a_year_and_a_chosen_municipality(seeded, adviser, client_for):
    response = client_for(adviser).get("/bosetting/2022/diagram/?kommune=5006")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg class=\"bar-chart\"") == 3
    assert "Steinkjer" in html
    assert html.count("<rect x=") >= 38 * 3 + 3 * 3


def test_an_unknown_municipality_falls_back_to_the_first(seeded, adviser, client_for):
    assert client_for(adviser).get("/bosetting/2022/diagram/?kommune=9999").status_code == 200
