"""The classes of the server-side SVG map of activities per municipality (no tiles, no script; prints and works
offline). The shapes of any county's municipalities come from ``integrering.municipalities.geometry`` (the same
decoder as the settlement map: Trøndelag's GeoJSON, the national TopoJSON for the others)."""

from __future__ import annotations

import math

# Upper bounds of the classes (activities in the period) and their colours (light to dark); 0 is grey.
CLASSES = ((0, "#eeeeee"), (2, "#c6dbef"), (5, "#6baed6"), (10, "#2171b5"), (math.inf, "#08306b"))


def colour(count: int) -> str:
    return next(c for bound, c in CLASSES if count <= bound)


def legend() -> list[tuple[str, str]]:
    labels, low = [], 0
    for bound, c in CLASSES:
        labels.append((c, "0" if bound == 0 else (f"{low}–{int(bound)}" if bound != math.inf else f"{low}+")))
        low = int(bound) + 1 if bound != math.inf else low
    return labels
