"""The county's settlement years: the list (and creating a year), one year's page with its figures, editing its frame."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.permissions import Perm, has_perm, is_municipal_only, requires
from integrering.settlement.figures import selectors as figure_selectors
from integrering.settlement.years import selectors, services
from integrering.settlement.years import status as year_status
from integrering.settlement.years.forms import YearCreateForm, YearEditForm
from integrering.settlement.years.models import Stage

# The figures summed per year on the list of years.
LIST_SUMS = [
    (name, figure_selectors.FIGURE_LABELS[name]) for name in ("recommended", "requested", "decided", "settled")
]


def _year_list(request, form, status=200):
    """The county's years, newest first, each with its frame and the county's sums of the figures
    (a municipal user sees the years, not the county's sums)."""
    municipal = is_municipal_only(request.user)
    years = list(selectors.years_for_user(request.user))
    sums = {} if municipal else {h["year"]: h for h in figure_selectors.county_history(request.user.county_id)}
    phases = year_status.phases_of_years(years)
    return render(
        request,
        "settlement/years/list.html",
        {
            "years": [(y, sums.get(y.year), phases[y.pk]) for y in years],
            "form": form,
            "can_edit": form is not None,
            "municipal": municipal,
            "sum_columns": [] if municipal else LIST_SUMS,
            "can_register": has_perm(request.user, Perm.REGISTER_OWN_DECISION),
        },
        status=status,
    )


@requires(Perm.VIEW_SETTLEMENT)
def year_list(request):
    can_edit = has_perm(request.user, Perm.EDIT_SETTLEMENT)
    return _year_list(request, YearCreateForm(county=request.user.county) if can_edit else None)


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def year_create(request):
    form = YearCreateForm(request.POST, county=request.user.county)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "year"}
        settlement_year = services.settlement_year_create(
            county=request.user.county, year=form.cleaned_data["year"], **data
        )
        messages.success(request, _("The settlement year was created."))
        return redirect("settlement:year", settlement_year.year)
    return _year_list(request, form, status=400)


@requires(Perm.VIEW_SETTLEMENT)
def year_detail(request, year: int):
    settlement_year = selectors.year_for_user(request.user, year)
    rows = figure_selectors.year_rows(settlement_year, user=request.user)
    municipal = is_municipal_only(request.user)
    county_rows = figure_selectors.year_rows(settlement_year) if municipal else rows  # the stage is the county's
    return render(
        request,
        "settlement/years/detail.html",
        {
            "settlement_year": settlement_year,
            "rows": rows,
            "columns": figure_selectors.FIGURE_COLUMNS,
            "totals": None if municipal else figure_selectors.totals(rows),
            "stages": Stage.choices,
            "phase": year_status.year_phase(settlement_year, county_rows),
            "warnings": [] if municipal else year_status.year_warnings(settlement_year, timezone.localdate(), rows),
            "municipal": municipal,
            "can_edit": has_perm(request.user, Perm.EDIT_SETTLEMENT),
            "can_register": has_perm(request.user, Perm.REGISTER_OWN_DECISION),
            "scenarios_url": None if municipal else reverse("settlement:scenarios", args=[year]),
        },
    )


@requires(Perm.EDIT_SETTLEMENT)
def year_edit(request, year: int):
    settlement_year = selectors.year_for_user(request.user, year)
    form = YearEditForm(request.POST or None, instance=settlement_year, initial={"version": settlement_year.version})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                services.settlement_year_update(
                    settlement_year=settlement_year, version=form.cleaned_data["version"], data=data
                )
            except ConcurrentEdit as error:
                # Nothing was saved; the form keeps the user's values and shows what the other person saved.
                form_error_add(form, error)
                status = 409
            except ApplicationError as error:
                form_error_add(form, error)
                status = 400
            else:
                messages.success(request, _("The settlement year was saved."))
                return redirect("settlement:year", year)
        else:
            status = 400
    return render(
        request, "settlement/years/edit.html", {"settlement_year": settlement_year, "form": form}, status=status
    )
