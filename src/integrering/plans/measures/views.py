"""Pages of a measure: its page (history, the form to post a status update, links), the edit form, and the plan's
action programme per year (revisions kept)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.core.registry import linkable_kind, linkable_kinds
from integrering.plans.measures import selectors, services
from integrering.plans.measures.forms import (
    LinkForm,
    MeasureForm,
    ProgrammeItemForm,
    ProgrammeNoteForm,
    StatusUpdateForm,
)
from integrering.plans.measures.models import Measure
from integrering.plans.plans.selectors import goal_for_user, plan_for_user


def _link_options(measure: Measure) -> list[tuple[str, str]]:
    county = measure.goal.focus_area.plan.county
    return [
        (f"{kind.key}:{object_id}", f"{kind.label}: {label}")
        for kind in linkable_kinds()
        for object_id, label in kind.options(county=county)
    ]


def _measure_page(request, measure: Measure, *, update_form=None, link_form=None, status: int = 200):
    can_edit = has_perm(request.user, Perm.EDIT_PLANS)
    initial = {"status": measure.status, "light": measure.light, "light_comment": measure.light_comment}
    return render(
        request,
        "plans/measure_detail.html",
        {
            "measure": measure,
            "plan": measure.goal.focus_area.plan,
            "history": selectors.measure_history(measure),
            "links": selectors.measure_links(measure),
            "can_edit": can_edit,
            "update_form": update_form or StatusUpdateForm(initial=initial),
            "link_form": link_form or (LinkForm(options=_link_options(measure)) if can_edit else None),
        },
        status=status,
    )


@requires(Perm.VIEW_PLANS)
def measure_detail(request, pk: int):
    return _measure_page(request, selectors.measure_for_user(request.user, pk))


@requires(Perm.EDIT_PLANS)
@require_POST
def status_update_create(request, pk: int):
    measure = selectors.measure_for_user(request.user, pk)
    form = StatusUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.status_update_post(measure=measure, author=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form_error_add(form, error)
        else:
            messages.success(request, _("The status update was posted."))
            return redirect("plans:measure", pk=measure.pk)
    return _measure_page(request, measure, update_form=form, status=400)


@requires(Perm.EDIT_PLANS)
@require_POST
def link_add(request, pk: int):
    measure = selectors.measure_for_user(request.user, pk)
    form = LinkForm(request.POST, options=_link_options(measure))
    if form.is_valid():
        kind, _sep, object_id = form.cleaned_data["target"].rpartition(":")
        try:
            services.measure_link_add(measure=measure, kind=kind, object_id=int(object_id))
        except ApplicationError as error:
            form_error_add(form, error)
        else:
            messages.success(request, _("The link was added."))
            return redirect("plans:measure", pk=measure.pk)
    return _measure_page(request, measure, link_form=form, status=400)


@requires(Perm.EDIT_PLANS)
@require_POST
def link_remove(request, pk: int):
    measure = selectors.measure_for_user(request.user, pk)
    try:
        link_id = int(request.POST.get("link", ""))
    except ValueError:
        raise ApplicationError(_("Choose a link to remove.")) from None
    services.measure_link_remove(measure=measure, link_id=link_id)
    messages.success(request, _("The link was removed."))
    return redirect("plans:measure", pk=measure.pk)


@requires(Perm.EDIT_PLANS)
def measure_create(request, pk: int):
    goal = goal_for_user(request.user, pk)
    plan = goal.focus_area.plan
    form = MeasureForm(request.POST or None, county=plan.county_id)

    def save(data):
        data.pop("version", None)
        return services.measure_create(goal=goal, **data)

    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("New measure"), "plan": plan},
        save=save,
        success=_("The measure was created."),
        done=lambda m: redirect("plans:measure", pk=m.pk),
    )


@requires(Perm.EDIT_PLANS)
def measure_edit(request, pk: int):
    measure = selectors.measure_for_user(request.user, pk)
    plan = measure.goal.focus_area.plan
    form = MeasureForm(request.POST or None, instance=measure, county=plan.county_id)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("Edit the measure"), "plan": plan},
        save=lambda data: services.measure_update(measure=measure, **data),
        success=_("The measure was saved."),
        done=lambda m: redirect("plans:measure", pk=measure.pk),
    )


@requires(Perm.VIEW_PLANS)
def programme(request, pk: int, year: int):
    plan = plan_for_user(request.user, pk)
    revisions = selectors.programme_revisions(plan, year)
    return render(
        request,
        "plans/programme.html",
        {
            "plan": plan,
            "year": year,
            "revisions": revisions,
            "current": revisions[0] if revisions else None,
            "years": range(plan.first_year, plan.last_year + 1),
            "can_edit": has_perm(request.user, Perm.EDIT_PLANS),
        },
    )


@requires(Perm.EDIT_PLANS)
def programme_revise(request, pk: int, year: int):
    """A new revision of the year's programme: every measure of the plan with «in the programme», budget and
    responsible, prefilled from the revision in force."""
    plan = plan_for_user(request.user, pk)
    if not plan.first_year <= year <= plan.last_year + 1:
        raise Http404(_("The year is outside the plan's period."))
    revisions = selectors.programme_revisions(plan, year)
    current = {item.measure_id: item for item in revisions[0].items.all()} if revisions else {}
    measures = list(
        Measure.objects.filter(goal__focus_area__plan=plan).order_by(
            "goal__focus_area__identifier", "goal__identifier", "identifier"
        )
    )
    rows = []
    for measure in measures:
        item = current.get(measure.pk)
        initial = {
            "include": item is not None,
            "budget": item.budget if item else None,
            "responsible": item.responsible if item else measure.responsible_unit,
        }
        rows.append((measure, ProgrammeItemForm(request.POST or None, prefix=f"m{measure.pk}", initial=initial)))
    note = ProgrammeNoteForm(request.POST or None)
    if request.method == "POST" and note.is_valid() and all(form.is_valid() for _m, form in rows):
        items = [
            {"measure": m, "budget": f.cleaned_data["budget"], "responsible": f.cleaned_data["responsible"]}
            for m, f in rows
            if f.cleaned_data["include"]
        ]
        services.programme_revise(plan=plan, year=year, items=items, user=request.user, note=note.cleaned_data["note"])
        messages.success(request, _("A new revision of the action programme was saved."))
        return redirect("plans:programme", pk=plan.pk, year=year)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plans/programme_form.html", {"plan": plan, "year": year, "rows": rows, "note": note}, status=status
    )


@requires(Perm.EDIT_PLANS)
def record_tags(request):
    """``?type=<kind>&id=<record>``: which measures a record of another app (an activity, a call, a settlement
    year) serves; ticked measures are linked. Without a known record: back to the plans."""
    kind = linkable_kind(request.GET.get("type", ""))
    try:
        object_id = int(request.GET.get("id", ""))
    except ValueError:
        kind = None
    county = request.user.county
    labels = dict(kind.options(county=county)) if kind is not None else {}
    if kind is None or object_id not in labels:
        return redirect("plans:list")
    measures = list(
        Measure.objects.scoped_for(request.user)
        .select_related("goal__focus_area__plan")
        .exclude(goal__focus_area__plan__status="expired")
        .order_by("goal__focus_area__plan_id", "goal__focus_area__identifier", "goal__identifier", "identifier")
    )
    if request.method == "POST":
        chosen = {int(v) for v in request.POST.getlist("tiltak") if v.isdigit()}
        services.record_tags_set(measures=measures, kind=kind.key, object_id=object_id, chosen=chosen)
        messages.success(request, _("The measures were saved."))
        return redirect(request.get_full_path())
    linked = set(
        selectors.measures_serving(user=request.user, kind=kind.key, object_id=object_id).values_list("pk", flat=True)
    )
    return render(
        request,
        "plans/record_tags.html",
        {"kind": kind, "label": labels[object_id], "measures": measures, "linked": linked},
    )
