"""The county's criteria: definitions (name, unit, higher/lower is better) and values per year with import."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.permissions import Perm, has_perm, requires
from integrering.settlement.criteria import selectors, services
from integrering.settlement.criteria.forms import CriterionForm, CriterionImportForm, CriterionValuesForm
from integrering.settlement.criteria.models import CriterionValue
from integrering.settlement.years.selectors import (
    municipalities_in_year,
    names_in_year,
    population_values,
    settlement_year_get,
    years_of_county,
)


@requires(Perm.VIEW_SETTLEMENT)
def criteria_list(request):
    return render(
        request,
        "settlement/criteria/list.html",
        {
            "criteria": list(selectors.criteria_of_county(request.user)),
            "can_edit": has_perm(request.user, Perm.EDIT_SETTLEMENT),
            "years": years_of_county(request.user),
        },
    )


def _save_definition(request, form, definition=None):
    data = form.cleaned_data
    fields = {k: data[k] for k in ("name", "unit", "higher_is_better", "description")}
    if definition is None:
        return services.criterion_create(county=request.user.county, code=data["code"], **fields)
    return services.criterion_update(definition=definition, version=data.get("version"), **fields)


@requires(Perm.EDIT_SETTLEMENT)
def criterion_create(request):
    selectors.criteria_of_county(request.user)
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _save_definition(request, form)
        except ApplicationError as error:
            form_error_add(form, error)
        else:
            messages.success(request, _("The criterion was saved."))
            return redirect("settlement:criteria")
    return render(
        request,
        "settlement/criteria/form.html",
        {"form": form, "criterion": None},
        status=400 if request.method == "POST" else 200,
    )


@requires(Perm.EDIT_SETTLEMENT)
def criterion_edit(request, pk: int):
    definition = selectors.criterion_get(request.user, pk)
    form = CriterionForm(request.POST or None, instance=definition)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            _save_definition(request, form, definition)
        except ApplicationError as error:
            # A ConcurrentEdit: nothing was saved; the form shows what the other person saved.
            form_error_add(form, error)
            status = error.status
        else:
            messages.success(request, _("The criterion was saved."))
            return redirect("settlement:criteria")
    return render(
        request,
        "settlement/criteria/form.html",
        {
            "form": form,
            "criterion": definition,
            "in_use": services.criterion_in_use(definition=definition),
        },
        status=status,
    )


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def criterion_delete(request, pk: int):
    definition = selectors.criterion_get(request.user, pk)
    try:
        services.criterion_delete(definition=definition)
    except ApplicationError as error:
        messages.error(request, error.user_message)
    else:
        messages.success(request, _("The criterion was deleted."))
    return redirect("settlement:criteria")


def _values_context(request, settlement_year) -> dict:
    municipalities = municipalities_in_year(settlement_year)
    names = names_in_year(municipalities, settlement_year.year)
    population, population_years = population_values(municipalities, settlement_year.year)
    definitions = selectors.criteria_of_county_for_year(settlement_year)
    values = {
        (v.definition_id, v.municipality_id): v
        for v in CriterionValue.objects.filter(definition__in=definitions, year=settlement_year.year)
    }
    rows = [
        {
            "municipality": m,
            "name": names[m.pk],
            "population": population.get(m.pk),
            "population_year": population_years.get(m.pk),
            "values": [values.get((d.pk, m.pk)) for d in definitions],
        }
        for m in municipalities
    ]
    sources: dict[int, set[tuple[str, object]]] = {}
    for value in values.values():
        sources.setdefault(value.definition_id, set()).add((value.source, value.source_date))
    return {
        "settlement_year": settlement_year,
        "definitions": definitions,
        "rows": rows,
        "sources": [(d, sorted(sources.get(d.pk, ()), key=str)) for d in definitions],
        "can_edit": has_perm(request.user, Perm.EDIT_SETTLEMENT),
    }


@requires(Perm.VIEW_SETTLEMENT)
def criterion_values(request, year: int):
    settlement_year = settlement_year_get(request.user, year)
    context = _values_context(request, settlement_year)
    context["import_form"] = CriterionImportForm()
    return render(request, "settlement/criteria/values.html", context)


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def criterion_values_import(request, year: int):
    settlement_year = settlement_year_get(request.user, year)
    form = CriterionImportForm(request.POST, request.FILES)
    import_errors = []
    if form.is_valid():
        result = services.criterion_values_import(
            county=settlement_year.county,
            year=year,
            uploaded=form.cleaned_data["file"],
            source=form.cleaned_data["source"],
            source_date=form.cleaned_data["source_date"],
        )
        if not result.errors:
            values = ngettext("%(count)s value", "%(count)s values", len(result.values)) % {"count": len(result.values)}
            rows = ngettext("%(rows)s municipality", "%(rows)s municipalities", result.rows) % {"rows": result.rows}
            messages.success(
                request,
                _("%(values)s for %(municipalities)s were imported.") % {"values": values, "municipalities": rows},
            )
            return redirect("settlement:criterion_values", year=year)
        import_errors = result.errors
        if result.file_error:  # a limit, or not a table at all: an error of the upload field
            form.add_error("file", result.errors[0])
            import_errors = []
    context = _values_context(request, settlement_year)
    context.update({"import_form": form, "import_errors": import_errors})
    return render(request, "settlement/criteria/values.html", context, status=400)


@requires(Perm.EDIT_SETTLEMENT)
def criterion_values_edit(request, year: int, pk: int):
    settlement_year = settlement_year_get(request.user, year)
    definition = selectors.criterion_get(request.user, pk)
    municipalities = municipalities_in_year(settlement_year)
    names = names_in_year(municipalities, year)
    current = {v.municipality_id: v for v in CriterionValue.objects.filter(definition=definition, year=year)}
    rows = [
        (
            m.number,
            names[m.pk],
            current[m.pk].value if m.pk in current else None,
            current[m.pk].version if m.pk in current else 0,
        )
        for m in municipalities
    ]
    form = CriterionValuesForm(request.POST or None, municipalities=rows)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.criterion_values_save(
                definition=definition,
                year=year,
                source=form.cleaned_data["source"],
                source_date=form.cleaned_data["source_date"],
                values={m: form.cleaned_data[f"v_{m.number}"] for m in municipalities},
                versions=form.versions(),
            )
        except ConcurrentEdit as error:
            # Nothing was saved: show what the other person saved; the versions now make a new save deliberate.
            form_error_add(form, error)
            data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict; the stubs say Mapping
            for number, version in error.current.versions.items():
                data[f"ver_{number}"] = str(version)
            form.data = data
            status = 409
        else:
            messages.success(
                request,
                ngettext("%(count)s value was changed.", "%(count)s values were changed.", changed)
                % {"count": changed},
            )
            return redirect("settlement:criterion_values", year=year)
    return render(
        request,
        "settlement/criteria/values_form.html",
        {
            "settlement_year": settlement_year,
            "criterion": definition,
            "form": form,
        },
        status=status,
    )
