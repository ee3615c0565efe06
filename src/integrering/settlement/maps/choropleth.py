"""A server-rendered SVG choropleth of a county's municipalities: the classes and palettes of the legend.

The shapes come from ``integrering.municipalities.geometry`` (any county: Trøndelag's GeoJSON, the others from
the national TopoJSON)."""

from dataclasses import dataclass

# Sequential (light → dark blue) and diverging (red: below, blue: above) palettes, 5 classes.
SEQUENTIAL = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
DIVERGING = ["#b2182b", "#ef8a62", "#f7f7f7", "#67a9cf", "#2166ac"]
DARK = {"#3182bd", "#08519c", "#b2182b", "#2166ac"}


@dataclass
class LegendClass:
    low: float
    high: float
    colour: str
    count: int = 0
    first: bool = False  # the first class includes its lower bound; the others start above it


def classes(values: list[float], diverging: bool = False) -> list[LegendClass]:
    """Five classes with breaks at the quantiles of the known values (equal intervals for a diverging scale)."""
    known = sorted(v for v in values if v is not None)
    if not known:
        return []
    palette = DIVERGING if diverging else SEQUENTIAL
    if diverging:
        bound = max(abs(known[0]), abs(known[-1])) or 1
        edges = [-bound + i * 2 * bound / 5 for i in range(6)]
    else:
        edges = [known[min(len(known) - 1, round(i * (len(known) - 1) / 5))] for i in range(6)]
    result: list[LegendClass] = []
    for i in range(5):
        low, high = edges[i], edges[i + 1]
        if result and (low == high or (low == result[-1].low and high == result[-1].high)):
            # «over 3 til 3» can hold no value: every 3 is in the class before. Only the first class,
            # which includes its lower bound, may be a single value («0 til 0»).
            continue
        result.append(LegendClass(low, high, palette[i], first=not result))
    return result


def class_of(value: float | None, legend: list[LegendClass]) -> LegendClass | None:
    if value is None or not legend:
        return None
    for entry in legend:
        if value <= entry.high:
            return entry
    return legend[-1]
