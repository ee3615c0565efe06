"""The map of activities per municipality in a period, with the share of municipalities reached per area."""

from __future__ import annotations

import datetime

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.permissions import Perm, requires
from integrering.core.widgets import DateInput
from integrering.municipalities import geometry
from integrering.municipalities.models import Municipality
from integrering.regional import maps
from integrering.regional.areas import Area
from integrering.regional.report import activities_per_municipality


class MapForm(forms.Form):
    fra = forms.DateField(label=_("From"), required=False, widget=DateInput())
    til = forms.DateField(label=_("To"), required=False, widget=DateInput())
    area = forms.TypedChoiceField(
        label=_("Area"), choices=[("", _("All"))] + list(Area.choices), coerce=int, required=False, empty_value=None
    )


@requires(Perm.VIEW_REGIONAL)
def activity_map(request):
    today = timezone.localdate()
    form = MapForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    start = data.get("fra") or datetime.date(today.year, 1, 1)
    end = data.get("til") or datetime.date(today.year, 12, 31)
    county = request.user.county
    counts, shares, total = activities_per_municipality(county=county, start=start, end=end, area=data.get("area"))
    names = dict(Municipality.objects.for_county(county).valid_in(end.year).values_list("number", "norwegian_name"))
    rows = [{"number": n, "name": name, "count": counts.get(n, 0)} for n, name in sorted(names.items())]
    # Any county: the shared geometry draws the municipalities valid at the end of the period.
    shape_map = geometry.shapes_for(county.number, list(names), end.year) if names else None
    shapes = [
        {
            "path": shape_map.paths[r["number"]],
            "name": r["name"],
            "count": r["count"],
            "colour": maps.colour(r["count"]),
        }
        for r in rows
        if shape_map and shape_map.paths.get(r["number"])
    ]
    return render(
        request,
        "regional/activities/map.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "map": shape_map if shapes else None,
            "shapes": shapes,
            "legend": maps.legend(),
            "rows": rows,
            "reached": sum(1 for r in rows if r["count"]),
            "total": total,
            "shares": shares,
        },
    )
