"""Overview of a year: the map, the charts, and the settlement section of the municipality page."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from integrering.core.permissions import Perm, is_municipal_only, requires
from integrering.settlement import charts as chart_builder
from integrering.settlement import map as county_map
from integrering.settlement.figures import selectors
from integrering.settlement.years.selectors import year_for_user

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


def _county_only(user) -> None:
    if is_municipal_only(user):
        raise Http404("Siden viser hele fylket.")


@requires(Perm.VIEW_SETTLEMENT)
def map_view(request, year: int):
    _county_only(request.user)
    settlement_year = year_for_user(request.user, year)
    figure = request.GET.get("tall", "anmodet")
    if figure not in MAP_FIGURES:
        figure = "anmodet"
    label, get_value = MAP_FIGURES[figure]
    rows = selectors.year_rows(settlement_year)
    shapes = county_map.shapes_for(settlement_year.county.number, [r.municipality.number for r in rows], year)
    values = {r.municipality.number: get_value(r) for r in rows}
    legend = county_map.classes(list(values.values()), diverging=figure == "vedtatt-minus-anmodet")
    areas = []
    for row in rows:
        value = values[row.municipality.number]
        entry = county_map.class_of(value, legend)
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


@requires(Perm.VIEW_SETTLEMENT)
def charts(request, year: int):
    _county_only(request.user)
    settlement_year = year_for_user(request.user, year)
    rows = selectors.year_rows(settlement_year)
    by_municipality = chart_builder.horizontal_bars([(f"{r.municipality.number} {r.name}", r.values) for r in rows])
    history = selectors.county_history(settlement_year.county_id)
    county_items = [
        (
            str(h["year"]),
            {s: h[f"{s}__sum"] for s, *_ in chart_builder.SERIES},
            {s: h[f"{s}__unknown"] for s, *_ in chart_builder.SERIES},
        )
        for h in history
    ]
    numbers = {r.municipality.number: r for r in rows}
    chosen = request.GET.get("kommune")
    chosen_row = numbers.get(chosen) or (rows[0] if rows else None)
    municipality_chart = municipality_items = None
    if chosen_row:
        figures = selectors.municipality_history(chosen_row.municipality)
        municipality_items = [
            (str(f.settlement_year.year), {s: getattr(f, s) for s, *_ in chart_builder.SERIES})
            for f in reversed(figures)
        ]
        municipality_chart = chart_builder.vertical_bars(municipality_items)
    return render(
        request,
        "settlement/charts/charts.html",
        {
            "settlement_year": settlement_year,
            "rows": rows,
            "by_municipality": by_municipality,
            "county_chart": chart_builder.vertical_bars(county_items),
            "county_items": county_items,
            "municipality_chart": municipality_chart,
            "municipality_items": municipality_items,
            "chosen": chosen_row,
            "series": chart_builder.SERIES,
        },
    )
