"""The county's settlement years: the list (and creating a year), one year's page, editing its frame."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.permissions import Perm, has_perm, is_municipal_only, requires
from integrering.settlement import selectors, services
from integrering.settlement.forms import YearCreateForm, YearEditForm
from integrering.settlement.models import Stage


def _scenarios_url(year: int) -> str | None:
    try:
        return reverse("settlement:scenarios", args=[year])
    except NoReverseMatch:
        return None


@requires(Perm.VIEW_SETTLEMENT)
def year_list(request):
    years = list(selectors.years_for_user(request.user))
    can_edit = has_perm(request.user, Perm.EDIT_SETTLEMENT)
    form = YearCreateForm(county=request.user.county) if can_edit else None
    return render(request, "settlement/year_list.html", {
        "years": years, "form": form, "can_edit": can_edit,
        "municipal": is_municipal_only(request.user),
        "can_register": has_perm(request.user, Perm.REGISTER_OWN_DECISION),
    })


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def year_create(request):
    form = YearCreateForm(request.POST, county=request.user.county)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "year"}
        settlement_year = services.settlement_year_create(county=request.user.county, year=form.cleaned_data["year"], **data)
        messages.success(request, _("The settlement year was created."))
        return redirect("settlement:year", settlement_year.year)
    years = list(selectors.years_for_user(request.user))
    return render(request, "settlement/year_list.html", {"years": years, "form": form, "can_edit": True}, status=400)


@requires(Perm.VIEW_SETTLEMENT)
def year_detail(request, year: int):
    settlement_year = selectors.year_for_user(request.user, year)
    rows = selectors.year_rows(settlement_year, user=request.user)
    municipal = is_municipal_only(request.user)
    return render(request, "settlement/year_detail.html", {
        "settlement_year": settlement_year, "rows": rows, "columns": selectors.FIGURE_COLUMNS,
        "totals": None if municipal else selectors.totals(rows),
        "stages": Stage.choices, "municipal": municipal,
        "can_edit": has_perm(request.user, Perm.EDIT_SETTLEMENT),
        "can_register": has_perm(request.user, Perm.REGISTER_OWN_DECISION),
        "scenarios_url": None if municipal else _scenarios_url(year),
    })


@requires(Perm.EDIT_SETTLEMENT)
def year_edit(request, year: int):
    settlement_year = selectors.year_for_user(request.user, year)
    form = YearEditForm(request.POST or None, instance=settlement_year, initial={"version": settlement_year.version})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                services.settlement_year_update(settlement_year=settlement_year, version=form.cleaned_data["version"], data=data)
            except services.StaleVersion:
                messages.error(request, _("Someone else changed the year while you were editing. Your changes were not saved; here is the current version."))
                return redirect("settlement:year_edit", year)
            messages.success(request, _("The settlement year was saved."))
            return redirect("settlement:year", year)
        status = 400
    return render(request, "settlement/year_edit.html", {"settlement_year": settlement_year, "form": form}, status=status)

