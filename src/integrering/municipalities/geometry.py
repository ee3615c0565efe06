"""Server-side geometry of a county's municipalities, for the SVG maps of every app (settlement's choropleth,
regional's activity map, the annual report's settlement map): one decoder, no duplicate.

Geometry: ``trondelag_kommuner.geojson`` for Trøndelag (50), otherwise the national TopoJSON
(``norge_kommuner_2024.topojson`` from 2024, ``norge_kommuner_2020.topojson`` before), whose
quantized, delta-encoded arcs are decoded here (Kartverket, CC BY 4.0). Coordinates are projected
equirectangularly with x scaled by cos(mean latitude) and turned into SVG path strings once per county and
period (cached). The apps draw the ``<path>`` elements with ``municipalities/_map.svg.html``.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from integrering.municipalities.reference_data import DATA_DIR

WIDTH = 600.0
PADDING = 8.0
Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class CountyShapes:
    width: float
    height: float
    paths: dict[str, str]  # kommunenummer → SVG path data


def _geojson_polygons(path) -> dict[str, list[Ring]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes: dict[str, list[Ring]] = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[(float(x), float(y)) for x, y, *_ in ring] for polygon in polygons for ring in polygon]
        shapes.setdefault(str(feature["properties"]["kommunenummer"]), []).extend(rings)
    return shapes


def topojson_decode_arcs(topology: dict) -> list[Ring]:
    """Absolute lon/lat coordinates of every arc (undoing the delta encoding and the quantization)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for position in arc:
            if transform:
                x += position[0]
                y += position[1]
                points.append(
                    (
                        x * transform["scale"][0] + transform["translate"][0],
                        y * transform["scale"][1] + transform["translate"][1],
                    )
                )
            else:
                points.append((float(position[0]), float(position[1])))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indices: list[int]) -> Ring:
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def _topojson_polygons(path, numbers: set[str]) -> dict[str, list[Ring]]:
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = topojson_decode_arcs(topology)
    shapes: dict[str, list[Ring]] = {}
    for obj in topology["objects"].values():
        for geometry in obj.get("geometries", []):
            number = str(geometry.get("properties", {}).get("kommunenummer", ""))
            if number not in numbers:
                continue
            polygons = (
                geometry["arcs"]
                if geometry["type"] == "MultiPolygon"
                else [geometry["arcs"]]
                if geometry["type"] == "Polygon"
                else []
            )
            shapes.setdefault(number, []).extend(_ring(arcs, ring) for polygon in polygons for ring in polygon)
    return shapes


def _project(shapes: dict[str, list[Ring]]) -> CountyShapes:
    points = [p for rings in shapes.values() for ring in rings for p in ring]
    if not points:
        return CountyShapes(WIDTH, WIDTH / 2, {})
    min_lon = min(p[0] for p in points)
    max_lon = max(p[0] for p in points)
    min_lat = min(p[1] for p in points)
    max_lat = max(p[1] for p in points)
    k = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * k, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    scale = (WIDTH - 2 * PADDING) / span_x
    height = span_y * scale + 2 * PADDING
    paths = {}
    for number, rings in shapes.items():
        parts = []
        for ring in rings:
            coords = []
            last = None
            for lon, lat in ring:
                xy = (round(PADDING + (lon - min_lon) * k * scale, 1), round(PADDING + (max_lat - lat) * scale, 1))
                if xy != last:
                    coords.append(f"{xy[0]:g},{xy[1]:g}")
                    last = xy
            if len(coords) >= 3:
                parts.append("M" + "L".join(coords) + "Z")
        paths[number] = "".join(parts)
    return CountyShapes(WIDTH, round(height, 1), paths)


@lru_cache(maxsize=64)
def county_shapes(county_number: str, numbers: frozenset[str], period: int) -> CountyShapes:
    """The projected paths of the given municipalities; ``period`` is 2020 (numbers of 2020–2023) or 2024."""
    if county_number == "50":
        return _project(
            {n: r for n, r in _geojson_polygons(DATA_DIR / "trondelag_kommuner.geojson").items() if n in numbers}
        )
    name = "norge_kommuner_2024.topojson" if period >= 2024 else "norge_kommuner_2020.topojson"
    return _project(_topojson_polygons(DATA_DIR / name, set(numbers)))


def shapes_for(county_number: str, numbers: list[str], year: int) -> CountyShapes:
    return county_shapes(county_number, frozenset(numbers), 2024 if year >= 2024 else 2020)
