"""Charts of a year: requested, decided and settled per municipality, the county and one municipality
over the years (each with a table of the same numbers)."""

from django.shortcuts import render

from integrering.core.permissions import Perm, requires
from integrering.settlement.charts import bars
from integrering.settlement.figures import selectors
from integrering.settlement.years.selectors import whole_county_year_for_user


@requires(Perm.VIEW_SETTLEMENT)
def charts(request, year: int):
    settlement_year = whole_county_year_for_user(request.user, year)
    rows = selectors.year_rows(settlement_year)
    by_municipality = bars.horizontal_bars([(r.name, r.values) for r in rows])
    history = selectors.county_history(settlement_year.county_id)
    county_items = [
        (
            str(h["year"]),
            {s: h[f"{s}__sum"] for s, *_ in bars.SERIES},
            {s: h[f"{s}__unknown"] for s, *_ in bars.SERIES},
        )
        for h in history
    ]
    county_items, county_missing = bars.with_gaps(county_items)
    numbers = {r.municipality.number: r for r in rows}
    chosen = request.GET.get("kommune")
    chosen_row = numbers.get(chosen) or (rows[0] if rows else None)
    municipality_chart = municipality_items = None
    municipality_missing: list[str] = []
    if chosen_row:
        figures = selectors.municipality_history(chosen_row.municipality)
        municipality_items = [
            (str(f.settlement_year.year), {s: getattr(f, s) for s, *_ in bars.SERIES}) for f in reversed(figures)
        ]
        municipality_items, municipality_missing = bars.with_gaps(municipality_items)
        municipality_chart = bars.vertical_bars(municipality_items)
    return render(
        request,
        "settlement/charts/charts.html",
        {
            "settlement_year": settlement_year,
            "rows": rows,
            "by_municipality": by_municipality,
            "county_chart": bars.vertical_bars(county_items),
            "county_items": county_items,
            "county_missing": county_missing,
            "municipality_missing": municipality_missing,
            "municipality_chart": municipality_chart,
            "municipality_items": municipality_items,
            "chosen": chosen_row,
            "series": bars.SERIES,
        },
    )
