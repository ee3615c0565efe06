"""The county map: 38 Trøndelag shapes from GeoJSON, other counties decoded from TopoJSON, legend and table."""

import io
import re

import pytest

from integrering.municipalities import geometry
from integrering.municipalities.models import Municipality
from integrering.settlement import demo
from integrering.settlement.maps import choropleth
from integrering.settlement.models import SettlementYear


def test_topojson_arcs_are_delta_decoded_and_dequantized():
    topology = {"transform": {"scale": [0.5, 2.0], "translate": [10.0, 60.0]}, "arcs": [[[2, 1], [1, 0], [0, 3]]]}
    assert geometry.topojson_decode_arcs(topology) == [[(11.0, 62.0), (11.5, 62.0), (11.5, 68.0)]]


def test_a_negative_arc_index_is_the_arc_reversed():
    arcs = [[(0, 0), (1, 0)], [(1, 0), (1, 1), (0, 0)]]
    assert geometry._ring(arcs, [0, 1]) == [(0, 0), (1, 0), (1, 1), (0, 0)]
    assert geometry._ring(arcs, [~1, ~0]) == [(0, 0), (1, 1), (1, 0), (0, 0)]


@pytest.mark.django_db
@pytest.mark.parametrize("county_number,year", [("50", 2021), ("46", 2024), ("30", 2022), ("18", 2024)])
def test_every_municipality_of_a_county_gets_a_shape(county_number, year):
    numbers = [
        m.number
        for m in Municipality.objects.filter(county__number=county_number, valid_from__lte=year)
        if m.is_valid_in(year)
    ]
    shapes = geometry.shapes_for(county_number, numbers, year)
    assert set(shapes.paths) == set(numbers)
    assert all(p.startswith("M") and p.endswith("Z") for p in shapes.paths.values())
    coordinates = [float(v) for p in shapes.paths.values() for v in re.findall(r"-?\d+(?:\.\d+)?", p)]
    assert min(coordinates) >= 0 and max(coordinates) <= max(shapes.width, shapes.height) + 0.1


def test_classes_cover_the_values_and_a_diverging_scale_is_symmetric():
    legend = choropleth.classes([0, 5, 10, 20, 40, 140, None])
    assert legend[0].low == 0 and legend[-1].high == 140
    assert choropleth.class_of(None, legend) is None
    diverging = choropleth.classes([-10, 4], diverging=True)
    assert diverging[0].low == -10 and diverging[-1].high == 10


@pytest.fixture
def seeded(county):
    demo.load(county=county, stdout=io.StringIO())
    return SettlementYear.objects.get(county=county, year=2021)


@pytest.mark.parametrize(
    "figure", ["anmodet", "vedtatt", "bosatt", "anmodet-per-1000", "vedtatt-minus-anmodet", "ugyldig"]
)
def test_the_map_page_has_38_focusable_areas_a_legend_and_a_table(seeded, adviser, client_for, figure):
    html = client_for(adviser).get(f"/bosetting/2021/kart/?tall={figure}").content.decode()
    assert html.count('<a href="/kommuner/50') == 38
    assert html.count("<path ") == 38
    assert html.count("<title>50") == 38
    assert "Tegnforklaring" in html or "Legend" in html
    assert html.count("<tr><td>50") == 38


def test_the_map_shows_the_value_in_the_label_and_hatches_unknown(seeded, adviser, client_for):
    html = client_for(adviser).get("/bosetting/2021/kart/?tall=bosatt").content.decode()
    assert 'aria-label="5001 Trondheim: –"' in html
    assert html.count('fill="url(#ukjent)"') == 38 + 1  # and the legend's swatch
    html = client_for(adviser).get("/bosetting/2021/kart/").content.decode()
    assert 'aria-label="5001 Trondheim: 140"' in html


def test_the_legend_has_no_class_that_can_hold_no_value():
    values = [0, 0] + [3] * 9 + [5] + [None] * 26  # the quantile breaks are 0, 3, 3, 3, 3, 5
    legend = choropleth.classes(values)
    assert [(c.low, c.high) for c in legend] == [(0, 3), (3, 5)]
    assert all(c.low < c.high for c in legend[1:])
    assert [choropleth.class_of(v, legend).high for v in (0, 3, 5)] == [3, 3, 5]
    assert [(c.low, c.high) for c in choropleth.classes([0, 0, 0])] == [(0, 0)]  # the first may be one value


@pytest.mark.django_db
def test_the_map_legend_on_the_page_has_no_empty_impossible_class(county, adviser, client_for):
    from integrering.settlement.figures import services

    year = SettlementYear.objects.create(county=county, year=2024)
    for number, settled in (
        ("5001", 5),
        ("5006", 0),
        ("5007", 0),
        ("5014", 3),
        ("5020", 3),
        ("5021", 3),
        ("5022", 3),
        ("5025", 3),
        ("5026", 3),
        ("5027", 3),
        ("5028", 3),
        ("5029", 3),
    ):
        services.figure_update(
            settlement_year=year,
            municipality=Municipality.objects.get(number=number),
            values={"settled": settled},
            version=None,
        )
    page = client_for(adviser).get("/bosetting/2024/kart/?tall=bosatt").content.decode()
    legend = re.sub(r"\s+", " ", page.split('id="tegnforklaring"', 1)[1].split("</section>", 1)[0])
    assert "over 3 til 3" not in legend
    assert "0 til 3 (11 kommuner)" in legend and "over 3 til 5 (1 kommune)" in legend
