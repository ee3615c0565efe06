"""Charts: bars per municipality for a year, the county and one municipality over the years, with tables."""

import io

import pytest

from integrering.settlement import demo
from integrering.settlement.charts import bars


def test_bars_are_proportional_and_unknown_has_no_bar():
    chart = bars.horizontal_bars([("A", {"requested": 100, "decided": 50, "settled": None})])
    requested, decided, settled = chart.groups[0].bars
    assert requested.width == pytest.approx(2 * decided.width)
    assert settled.width == 0 and settled.value is None


def test_vertical_bars_grow_upwards():
    chart = bars.vertical_bars([("2021", {"requested": 10, "decided": 5, "settled": 0})])
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
    assert html.count('<svg class="bar-chart') == 3
    assert "Steinkjer" in html
    assert html.count("<rect x=") >= 38 * 3 + 3 * 3


def test_an_unknown_municipality_falls_back_to_the_first(seeded, adviser, client_for):
    assert client_for(adviser).get("/bosetting/2022/diagram/?kommune=9999").status_code == 200


def test_the_county_over_the_years_says_how_many_values_are_unknown(county, adviser, client_for):
    from integrering.municipalities.models import Municipality
    from integrering.settlement.figures import selectors
    from integrering.settlement.models import SettlementFigure, SettlementYear

    year = SettlementYear.objects.create(county=county, year=2025)
    municipalities = list(Municipality.objects.filter(county=county).order_by("number"))
    SettlementFigure.objects.bulk_create(
        [SettlementFigure(settlement_year=year, municipality=m, settled=2, requested=5) for m in municipalities[:12]]
        + [SettlementFigure(settlement_year=year, municipality=m, requested=0) for m in municipalities[12:20]]
    )
    history = selectors.county_history(county.pk)
    assert (history[0]["settled__sum"], history[0]["settled__unknown"]) == (24, 26)  # 18 without a record count too
    assert (history[0]["requested__sum"], history[0]["requested__unknown"], history[0]["decided__unknown"]) == (
        60,
        18,
        38,
    )

    page = client_for(adviser).get("/bosetting/2025/diagram/").content.decode()
    county_part = page.split('id="fylket"', 1)[1].split("</section>", 1)[0]
    assert '<td class="num">24<br><span class="muted">26 ukjente</span></td>' in county_part
    assert "Bosatt: 24 (26 ukjente)</title>" in county_part
    assert 'transform="rotate(-90' in county_part and ">24 (26 ukjente)</text>" in county_part
    assert '<td class="num">–<br><span class="muted">38 ukjente</span></td>' in county_part


def test_upright_labels_get_room_above_the_tallest_bar():
    plain = bars.vertical_bars([("2021", {"requested": 100, "decided": 50, "settled": 10})])
    noted = bars.vertical_bars([("2021", {"requested": 100, "decided": 50, "settled": 10}, {"requested": 3})])
    assert not plain.rotated and noted.rotated
    assert noted.height > plain.height
    tallest = noted.groups[0].bars[0]
    assert tallest.unknown == 3 and noted.groups[0].bars[2].unknown == 0
    label = len("100") + bars.UNKNOWN_LABEL
    assert tallest.text_y - label * bars.CHAR_WIDTH >= 0  # «100 (3 ukjente)» stands inside the chart
