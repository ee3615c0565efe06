"""Scenario pages: list, create/edit, run, runs, compare, «start from last year», sensitivity.

Municipal users never see scenarios: the selectors answer 404. Engine errors (bad input, an
infeasible scenario) are shown as the engine's Norwegian message with status 400.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering import allocation
from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.permissions import Perm, has_perm, requires
from integrering.settlement.criteria.selectors import criteria_of_county_for_year
from integrering.settlement.errors import ScenarioInvalid
from integrering.settlement.recommendation.forms import RecommendationForm
from integrering.settlement.recommendation.selectors import recommendations_of_year
from integrering.settlement.scenarios import selectors, services
from integrering.settlement.scenarios.forms import CompareForm, ScenarioForm, SensitivityForm, criteria_choices
from integrering.settlement.scenarios.inputs import base_warning
from integrering.settlement.scenarios.run_inputs import ConstraintUsed, run_inputs
from integrering.settlement.years.selectors import municipalities_in_year, names_in_year, settlement_year_get


def _errors(error: Exception) -> list[str]:
    if isinstance(error, ScenarioInvalid):
        return list(error.messages)
    if isinstance(error, ApplicationError):
        return [error.user_message]
    return [str(error)]


def _form(settlement_year, data=None, initial=None) -> ScenarioForm:
    municipalities = municipalities_in_year(settlement_year)
    names = names_in_year(municipalities, settlement_year.year)
    definitions = criteria_of_county_for_year(settlement_year)
    return ScenarioForm(
        data,
        initial=initial,
        criteria=criteria_choices(definitions),
        municipalities=[(m.number, names[m.pk]) for m in municipalities],
    )


@requires(Perm.VIEW_SETTLEMENT)
def scenario_list(request, year: int):
    settlement_year = settlement_year_get(request.user, year)
    scenarios = list(selectors.scenarios_of_year(settlement_year))
    return render(
        request,
        "settlement/scenarios/list.html",
        {
            "settlement_year": settlement_year,
            "scenarios": scenarios,
            "compare_form": CompareForm(scenarios=[s for s in scenarios if s.latest_run_id]),
            "can_edit": has_perm(request.user, Perm.EDIT_SETTLEMENT),
            "recommendations": list(recommendations_of_year(settlement_year)[:1]),
        },
    )


@requires(Perm.EDIT_SETTLEMENT)
def scenario_create(request, year: int):
    settlement_year = settlement_year_get(request.user, year)
    initial = {"min_lot": 10, "total": settlement_year.total, "crit_folketall_use": True, "method": "optimal"}
    form = _form(settlement_year, request.POST or None, initial=initial)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            scenario = services.scenario_create(
                settlement_year=settlement_year, user=request.user, **form.scenario_values()
            )
        except ApplicationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("The scenario was saved."))
            return redirect("settlement:scenario", year=year, pk=scenario.pk)
    return render(
        request,
        "settlement/scenarios/form.html",
        {
            "settlement_year": settlement_year,
            "form": form,
            "errors": errors,
            "scenario": None,
        },
        status=400 if request.method == "POST" else 200,
    )


@requires(Perm.EDIT_SETTLEMENT)
def scenario_edit(request, year: int, pk: int):
    scenario = selectors.scenario_get(request.user, year, pk)
    settlement_year = scenario.settlement_year
    if services.scenario_is_frozen(scenario=scenario):
        messages.warning(
            request, _("This scenario is the recommendation and cannot be changed. Make a copy to change it.")
        )
        return redirect("settlement:scenario", year=year, pk=pk)
    form = _form(settlement_year, request.POST or None, initial=ScenarioForm.initial_from(scenario))
    form.fields["version"].required = True  # without it a save could silently overwrite someone else's change
    errors = []
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        values = form.scenario_values()
        try:
            services.scenario_update(scenario=scenario, version=form.cleaned_data.get("version"), **values)
        except ConcurrentEdit as error:
            # Nothing was saved: the form shows what the other person saved, and saving again replaces it.
            form_error_add(form, error)
            status = 409
        except ApplicationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("The scenario was saved."))
            return redirect("settlement:scenario", year=year, pk=pk)
    return render(
        request,
        "settlement/scenarios/form.html",
        {
            "settlement_year": settlement_year,
            "form": form,
            "errors": errors,
            "scenario": scenario,
        },
        status=status,
    )


def detail_context(request, scenario, run=None) -> dict:
    runs = list(selectors.runs_of_scenario(scenario)[:50])
    run = run if run is not None else selectors.latest_run(scenario)
    municipalities = municipalities_in_year(scenario.settlement_year)
    names = {
        m.number: name
        for m, name in zip(municipalities, names_in_year(municipalities, scenario.settlement_year.year).values())
    }
    return {
        "settlement_year": scenario.settlement_year,
        "scenario": scenario,
        "runs": runs,
        "run": run,
        "base_warning": base_warning(run.inputs) if run else "",
        "used": run_inputs(run.inputs) if run else None,  # the run's own settings (the scenario may differ now)
        "scenario_changed": run is not None and scenario.updated_at > run.run_at,
        "frozen": services.scenario_is_frozen(scenario=scenario),
        "can_edit": has_perm(request.user, Perm.EDIT_SETTLEMENT),
        "constraint_rows": [
            ConstraintUsed.of(number, names.get(number, ""), c)
            for number, c in sorted((scenario.constraints or {}).items())
        ],
        "criteria_names": dict(criteria_choices(criteria_of_county_for_year(scenario.settlement_year))),
    }


@requires(Perm.VIEW_SETTLEMENT)
def scenario_detail(request, year: int, pk: int):
    scenario = selectors.scenario_get(request.user, year, pk)
    return render(request, "settlement/scenarios/detail.html", detail_context(request, scenario))


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def scenario_run(request, year: int, pk: int):
    scenario = selectors.scenario_get(request.user, year, pk)
    try:
        run = services.scenario_run(scenario=scenario, user=request.user)
    except (allocation.AllocationError, ApplicationError) as error:
        context = detail_context(request, scenario)
        context["run_error"] = " ".join(_errors(error))
        return render(request, "settlement/scenarios/detail.html", context, status=400)
    messages.success(request, _("The scenario was run."))
    return redirect("settlement:run", year=year, pk=run.pk)


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def scenario_copy(request, year: int, pk: int):
    scenario = selectors.scenario_get(request.user, year, pk)
    copy = services.scenario_copy(scenario=scenario, user=request.user)
    messages.success(request, _("A copy was made. You can now change it."))
    return redirect("settlement:scenario_edit", year=year, pk=copy.pk)


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def scenario_from_last_year(request, year: int):
    settlement_year = settlement_year_get(request.user, year)
    try:
        scenario, calibration, used = services.scenario_from_last_year(
            settlement_year=settlement_year, user=request.user
        )
    except (ApplicationError, allocation.AllocationError) as error:
        for text in _errors(error):
            messages.error(request, text)
        return redirect("settlement:scenarios", year=year)
    rmse = f"{calibration.rmse:.2f}".replace(".", ",")
    if used == year - 1:
        text = _("A scenario calibrated on last year's requests was made (root-mean-square error %(rmse)s persons).")
    else:
        text = _(
            "There are no requests for %(missing)s, so the latest earlier year, %(used)s, was used: a scenario "
            "calibrated on the requests of %(used)s was made (root-mean-square error %(rmse)s persons)."
        )
    messages.success(request, text % {"rmse": rmse, "missing": year - 1, "used": used})
    return redirect("settlement:scenario", year=year, pk=scenario.pk)


@requires(Perm.VIEW_SETTLEMENT)
def run_detail(request, year: int, pk: int):
    run = selectors.run_get(request.user, year, pk)
    context = detail_context(request, run.scenario, run=run)
    latest = recommendations_of_year(run.scenario.settlement_year).first()
    context["recommendation_form"] = RecommendationForm(
        reason_required=latest is not None,
        latest=latest.version if latest else 0,
        county=run.scenario.settlement_year.county,
        previous=latest,
    )
    context["latest_recommendation"] = latest
    context["reproduced"] = request.GET.get("kontroll") == "1" and services.scenario_run_is_reproducible(run=run)
    context["checked"] = request.GET.get("kontroll") == "1"
    return render(request, "settlement/scenarios/run.html", context)


@requires(Perm.VIEW_SETTLEMENT)
def scenario_compare(request, year: int):
    settlement_year = settlement_year_get(request.user, year)
    scenarios = [s for s in selectors.scenarios_of_year(settlement_year) if s.latest_run_id]
    form = CompareForm(request.GET or None, scenarios=scenarios)
    context = {"settlement_year": settlement_year, "form": form, "rows": None}
    if form.is_valid():
        by_pk = {s.pk: s for s in scenarios}
        a, b = by_pk[form.cleaned_data["a"]], by_pk[form.cleaned_data["b"]]
        run_a, run_b = selectors.latest_run(a), selectors.latest_run(b)
        if run_a is None or run_b is None:  # both have a run (the list above); deleted meanwhile
            raise Http404
        rows = selectors.comparison_rows(run_a, run_b)
        context.update(
            {
                "a": a,
                "b": b,
                "run_a": run_a,
                "run_b": run_b,
                "rows": rows,
                "changed": sum(1 for r in rows if r["diff"]),
                "total_a": sum(r["a"] or 0 for r in rows),
                "total_b": sum(r["b"] or 0 for r in rows),
            }
        )
    return render(
        request,
        "settlement/scenarios/compare.html",
        context,
        status=400 if request.GET and not form.is_valid() else 200,
    )


@requires(Perm.VIEW_SETTLEMENT)
def scenario_sensitivity(request, year: int, pk: int):
    scenario = selectors.scenario_get(request.user, year, pk)
    form = SensitivityForm(request.GET or None)
    context = {"settlement_year": scenario.settlement_year, "scenario": scenario, "form": form, "result": None}
    status = 200
    if form.is_valid():
        try:
            context["result"] = services.scenario_sensitivity(
                scenario=scenario,
                draws=form.cleaned_data["draws"],
                spread=form.cleaned_data["spread"] / 100,
                seed=form.cleaned_data["seed"],
            )
        except allocation.AllocationError as error:
            context["run_error"], status = str(error), 400
    elif request.GET:
        status = 400
    return render(request, "settlement/scenarios/sensitivity.html", context, status=status)
