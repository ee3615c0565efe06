"""Pages of an indicator: its series (target and value per year, the source named) and the forms."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.plans.indicators import selectors, services
from integrering.plans.indicators.forms import IndicatorForm, IndicatorTargetForm, IndicatorValueForm
from integrering.plans.plans.selectors import goal_for_user


@requires(Perm.VIEW_PLANS)
def indicator_detail(request, pk: int):
    indicator = selectors.indicator_for_user(request.user, pk)
    can_edit = has_perm(request.user, Perm.EDIT_PLANS)
    value_form = IndicatorValueForm(request.POST if "verdi-year" in request.POST else None, prefix="verdi")
    target_form = IndicatorTargetForm(request.POST if "mal-year" in request.POST else None, prefix="mal")
    status = 200
    if request.method == "POST" and can_edit:
        try:
            if value_form.is_bound and value_form.is_valid():
                data = value_form.cleaned_data
                services.indicator_value_add(indicator=indicator, user=request.user, **data)
                messages.success(request, _("The value was saved."))
                return redirect("plans:indicator", pk=indicator.pk)
            if target_form.is_bound and target_form.is_valid():
                data = target_form.cleaned_data
                services.indicator_target_set(indicator=indicator, year=data["year"], value=data["target"])
                messages.success(request, _("The target was saved."))
                return redirect("plans:indicator", pk=indicator.pk)
        except ApplicationError as error:
            form_error_add(value_form, error)
        status = 400
    return render(
        request,
        "plans/indicator_detail.html",
        {
            "indicator": indicator,
            "plan": indicator.goal.focus_area.plan,
            "series": selectors.indicator_series(indicator),
            "source": selectors.indicator_source(indicator),
            "can_edit": can_edit,
            "value_form": value_form,
            "target_form": target_form,
        },
        status=status,
    )


@requires(Perm.EDIT_PLANS)
def indicator_create(request, pk: int):
    goal = goal_for_user(request.user, pk)
    form = IndicatorForm(request.POST or None)

    def save(data):
        data.pop("version", None)
        return services.indicator_create(goal=goal, **data)

    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("New indicator"), "plan": goal.focus_area.plan},
        save=save,
        success=_("The indicator was created."),
        done=lambda i: redirect("plans:indicator", pk=i.pk),
    )


@requires(Perm.EDIT_PLANS)
def indicator_edit(request, pk: int):
    indicator = selectors.indicator_for_user(request.user, pk)
    form = IndicatorForm(request.POST or None, instance=indicator)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("Edit the indicator"), "plan": indicator.goal.focus_area.plan},
        save=lambda data: services.indicator_update(indicator=indicator, **data),
        success=_("The indicator was saved."),
        done=lambda i: redirect("plans:indicator", pk=indicator.pk),
    )
