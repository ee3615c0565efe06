"""What settlement offers the plan (issue 14), registered from ``apps.py`` through ``core.registry``:

- the annual report's section: the year's figures per municipality and the Sum row, taken from the very table
  ``export-settlement`` writes (``figures.exports.settlement_table``), so the two can never disagree;
- the metric «settled as a share of IMDi's request» (the same Sum row), for the plan's automatic indicators;
- settlement years as records a plan measure can serve (``settlement.year``).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from integrering.settlement.figures.exports import settlement_table
from integrering.settlement.years.models import SettlementYear


def _year(county: Any, year: int) -> SettlementYear | None:
    return SettlementYear.objects.for_county(county).select_related("county").filter(year=year).first()


def _rows(county: Any, year: int) -> tuple[list[str], list[list], list] | None:
    settlement_year = _year(county, year)
    if settlement_year is None:
        return None
    table = settlement_table(settlement_year)
    return table.header, table.rows[:-1], table.rows[-1]


def annual_section(*, county: Any, year: int) -> dict[str, Any] | None:
    """Per municipality and the export's Sum row; None when the county has no year or not one figure for it."""
    found = _rows(county, year)
    if found is None:
        return None
    header, rows, total = found
    columns = header[2:]
    if all(value is None for value in total[2:]):
        return None
    return {
        "sum": dict(zip(columns, total[2:], strict=True)),
        "per_municipality": [
            {"kommunenummer": row[0], "kommune": row[1], **dict(zip(columns, row[2:], strict=True))} for row in rows
        ],
    }


def settled_share(*, county: Any, year: int) -> float | None:
    """Settled as a percentage of IMDi's request for the year (the Sum row); None without both figures."""
    section = annual_section(county=county, year=year)
    if section is None:
        return None
    settled, requested = section["sum"].get("bosatt"), section["sum"].get("anmodet")
    if settled is None or not requested:
        return None
    return round(100 * settled / requested, 1)


def year_options(*, county: Any) -> list[tuple[int, str]]:
    return [
        (y.pk, _("Settlement %(year)s") % {"year": y.year})
        for y in SettlementYear.objects.for_county(county).order_by("-year")
    ]


def year_describe(*, county: Any, ids: list[int]) -> dict[int, tuple[str, str]]:
    years = SettlementYear.objects.for_county(county).filter(pk__in=ids)
    return {
        y.pk: (_("Settlement %(year)s") % {"year": y.year}, reverse("settlement:year", args=[y.year])) for y in years
    }


def annual_map(*, county: Any, year: int, data: dict[str, Any]) -> str | None:
    """The annual report's map of settled per municipality: the settlement map's drawing (the shared geometry and
    the choropleth's classes) of the section's own rows, so map and table show the same figures."""
    from django.template.loader import render_to_string

    from integrering.municipalities import geometry
    from integrering.settlement.maps import choropleth

    rows = data.get("per_municipality") or []
    values = {row["kommunenummer"]: row.get("bosatt") for row in rows}
    if not rows or all(v is None for v in values.values()):
        return None
    shapes = geometry.shapes_for(county.number, list(values), year)
    legend = choropleth.classes(list(values.values()))
    areas = []
    for row in rows:
        value = values[row["kommunenummer"]]
        entry = choropleth.class_of(value, legend)
        if entry:
            entry.count += 1
        path = shapes.paths.get(row["kommunenummer"])
        if path:
            areas.append(
                {"row": row, "value": value, "path": path, "fill": entry.colour if entry else "url(#ukjent-aar)"}
            )
    return render_to_string(
        "settlement/maps/_annual_map.html", {"shapes": shapes, "areas": areas, "legend": legend, "year": year}
    )
