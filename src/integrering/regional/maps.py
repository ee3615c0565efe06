"""A server-side SVG map of activities per municipality in a period (no tiles, no script; prints and works offline).

Geometry: the shipped ``trondelag_kommuner.geojson`` of the municipalities app (Kartverket, CC BY 4.0), projected
on the server (longitude scaled by the cosine of the mean latitude). A county without shipped GeoJSON gets no map;
the page's table shows the same figures.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

import integrering.municipalities

DATA = Path(integrering.municipalities.__file__).resolve().parent / "data"
GEOJSON = {"50": DATA / "trondelag_kommuner.geojson"}
WIDTH = 600
# Upper bounds of the classes (activities in the period) and their colours (light to dark); 0 is grey.
CLASSES = ((0, "#eeeeee"), (2, "#c6dbef"), (5, "#6baed6"), (10, "#2171b5"), (math.inf, "#08306b"))

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Shape:
    number: str
    name: str
    path: str


@dataclass(frozen=True)
class CountyMap:
    width: int
    height: int
    shapes: tuple[Shape, ...]


@functools.lru_cache(maxsize=4)
def county_map(county_number: str) -> CountyMap | None:
    path = GEOJSON.get(county_number)
    if path is None or not path.exists():
        return None
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    polygons = {
        f["properties"]["kommunenummer"]: (
            f["properties"].get("navn", ""),
            [ring for polygon in _polygons(f["geometry"]) for ring in polygon],
        )
        for f in features
    }
    points = [p for _name, rings in polygons.values() for ring in rings for p in ring]
    mean_lat = sum(lat for _lon, lat in points) / len(points)
    k = math.cos(math.radians(mean_lat))
    xs, ys = [lon * k for lon, _lat in points], [lat for _lon, lat in points]
    scale = WIDTH / (max(xs) - min(xs))
    height = round((max(ys) - min(ys)) * scale)

    def project(lon: float, lat: float) -> str:
        return f"{(lon * k - min(xs)) * scale:.1f},{(max(ys) - lat) * scale:.1f}"

    shapes = tuple(
        Shape(number, name, " ".join("M" + "L".join(project(lon, lat) for lon, lat in ring) + "Z" for ring in rings))
        for number, (name, rings) in sorted(polygons.items())
    )
    return CountyMap(WIDTH, height, shapes)


def _polygons(geometry: dict) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def colour(count: int) -> str:
    return next(c for bound, c in CLASSES if count <= bound)


def legend() -> list[tuple[str, str]]:
    labels, low = [], 0
    for bound, c in CLASSES:
        labels.append((c, "0" if bound == 0 else (f"{low}–{int(bound)}" if bound != math.inf else f"{low}+")))
        low = int(bound) + 1 if bound != math.inf else low
    return labels
