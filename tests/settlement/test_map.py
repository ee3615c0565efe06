"""The county map: 38 Trøndelag shapes from GeoJSON, other counties decoded from TopoJSON, legend and table."""

import io
import re

import pytest

from integrering.municipalities.models import Municipality
from integrering.settlement import demo
from integrering.settlement import map as county_map
from integrering.settlement.models import SettlementYear


def test_topojson_arcs_are_delta_decoded_and_dequantized():
    topology = {"transform": {"scale": [0.5, 2.0], "translate": [10.0, 60.0]}, "arcs": [[[2, 1], [1, 0], [0, 3]]]}
    assert county_map.topojson_decode_arcs(topology) == [[(11.0, 62.0), (11.5, 62.0), (11.5, 68.0)]]


def test_a_negative_arc_index_is_the_arc_reversed():
    arcs = [[(0, 0), (1, 0)], [(1, 0), (1, 1), (0, 0)]]
    assert county_map._ring(arcs, [0, 1]) == [(0, 0), (1, 0), (1, 1), (0, 0)]
    assert county_map._ring(arcs, [~1, ~0]) == [(0, 0), (1, 1), (1, 0), (0, 0)]


@pytest.mark.django_db
@pytest.mark.parametrize("county_number,year", [("50", 2021), ("46", 2024), ("30", 2022), ("18", 2024)])
def test_every_municipality_of_a_county_gets_a_shape(county_number, year):
    numbers = [m.number for m in Municipality.objects.filter(county__number=county_number, valid_from__lte=year)
               if m.is_valid_in(year)]
    shapes = county_map.shapes_for(county_number, numbers, year)
    assert set(shapes.paths) == set(numbers)
    assert all(p.startswith("M") and p.endswith("Z") for p in shapes.paths.values())
    coordinates = [float(v) for p in shapes.paths.values() for v in re.findall(r"-?\d+(?:\.\d+)?", p)]
    assert min(coordinates) >= 0 and max(coordinates) <= max(shapes.width, shapes.height) + 0.1


def test_classes_cover_the_values_and_a_diverging_scale_is_symmetric():
    legend = county_map.classes([0, 5, 10, 20, 40, 140, None])
    assert legend[0].low == 0 and legend[-1].high == 140
    assert county_map.class_of(None, legend) is None
    diverging = county_map.classes([-10, 4], diverging=True)
    assert diverging[0].low == -10 and diverging[-1].high == 10


@pytest.fixture
def seeded(county):
    demo.load(county=county, stdout=io.StringIO())
    return SettlementYear.objects.get(county=county, year=2021)


@pytest.mark.parametrize("figure", ["anmodet", "vedtatt", "bosatt", "anmodet-per-1000", "vedtatt-minus-anmodet", "ugyldig"])
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
