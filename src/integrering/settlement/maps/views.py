"""The county map of a year: one figure per municipality (or per 1,000 inhabitants) as a choropleth."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from integrering.core.permissions import Perm, requires
from integrering.municipalities import geometry
from integrering.settlement.figures import selectors
from integrering.settlement.maps import choropleth
from integrering.settlement.years.selectors import whole_county_year_for_user

MAP_FIGURES = {
    "anmodet": (_("Requested"), lambda r: r.value("requested")),
    "vedtatt": (_("Decided"), lambda r: r.value("decided")),
    "bosatt": (_("Settled"), lambda r: r.value("settled")),
    "anmodet-per-1000": (_("Requested per 1,000 inhabitants"), lambda r: _per_1000(r.value("requested"), r.population)),
    "vedtatt-per-1000": (_("Decided per 1,000 inhabitants"), lambda r: _per_1000(r.value("decided"), r.population)),
    "bosatt-per-1000": (_("Settled per 1,000 inhabitants"), lambda r: _per_1000(r.value("settled"), r.population)),
    "vedtatt-minus-anmodet": (
        _("Decided minus requested"),
        lambda r: _difference(r.value("decided"), r.value("requested")),
    ),
}


def _per_1000(value, population):
    return round(value * 1000 / population, 2) if value is not None and population else None


def _difference(a, b):
    return a - b if a is not None and b is not None else None


@requires(Perm.VIEW_SETTLEMENT)
def map_view(request, year: int):
    settlement_year = whole_county_year_for_user(request.user, year)
    figure = request.GET.get("tall", "anmodet")
    if figure not in MAP_FIGURES:
        figure = "anmodet"
    label, get_value = MAP_FIGURES[figure]
    rows = selectors.year_rows(settlement_year)
    shapes = geometry.shapes_for(settlement_year.county.number, [r.municipality.number for r in rows], year)
    values = {r.municipality.number: get_value(r) for r in rows}
    legend = choropleth.classes(list(values.values()), diverging=figure == "vedtatt-minus-anmodet")
    areas = []
    for row in rows:
        value = values[row.municipality.number]
        entry = choropleth.class_of(value, legend)
        if entry:
            entry.count += 1
        areas.append(
            {
                "row": row,
                "value": value,
                "path": shapes.paths.get(row.municipality.number, ""),
                "fill": entry.colour if entry else "url(#ukjent)",
            }
        )
    return render(
        request,
        "settlement/maps/map.html",
        {
            "settlement_year": settlement_year,
            "shapes": shapes,
            "areas": areas,
            "legend": legend,
            "figure": figure,
            "figure_label": label,
            "figures": [(k, v[0]) for k, v in MAP_FIGURES.items()],
            "unknown": sum(1 for a in areas if a["value"] is None),
            "decimals": "per-1000" in figure,
        },
    )
