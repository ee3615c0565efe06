"""Pages of the plan: the list, the plan's tree (status and light per measure), and the edit forms of the plan,
its focus areas and goals; the public page of a published plan."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, public, requires
from integrering.plans.measures.models import Light, Measure, MeasureStatus
from integrering.plans.plans import selectors, services
from integrering.plans.plans.forms import FocusAreaForm, GoalForm, PlanForm
from integrering.plans.reports.snapshot import latest_updates


@requires(Perm.VIEW_PLANS)
def plan_list(request):
    plans = selectors.plans_for_user(request.user)
    return render(
        request, "plans/plan_list.html", {"plans": plans, "can_edit": has_perm(request.user, Perm.EDIT_PLANS)}
    )


@requires(Perm.VIEW_PLANS)
def plan_detail(request, pk: int):
    plan = selectors.plan_for_user(request.user, pk)
    tree = selectors.plan_tree(plan)
    measures = [m for area in tree for goal in area.goals.all() for m in goal.measures.all()]
    counts = {
        "status": [(label, sum(1 for m in measures if m.status == value)) for value, label in MeasureStatus.choices],
        "light": [(value, label, sum(1 for m in measures if m.light == value)) for value, label in Light.choices],
    }
    stale = set(selectors.stale_measures([plan]).values_list("pk", flat=True))
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "tree": tree,
            "counts": counts,
            "stale": stale,
            "total": len(measures),
            "can_edit": has_perm(request.user, Perm.EDIT_PLANS),
        },
    )


@requires(Perm.EDIT_PLANS)
def plan_create(request):
    form = PlanForm(request.POST or None)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("New plan"), "cancel": "plans:list"},
        save=lambda data: services.plan_create(county=request.user.county, **_without_version(data)),
        success=_("The plan was created."),
        done=lambda plan: redirect("plans:plan", pk=plan.pk),
    )


@requires(Perm.EDIT_PLANS)
def plan_edit(request, pk: int):
    plan = selectors.plan_for_user(request.user, pk)
    form = PlanForm(request.POST or None, instance=plan)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("Edit the plan"), "plan": plan},
        save=lambda data: services.plan_update(plan=plan, **data),
        success=_("The plan was saved."),
        done=lambda result: redirect("plans:plan", pk=plan.pk),
    )


@requires(Perm.EDIT_PLANS)
def focus_area_create(request, pk: int):
    plan = selectors.plan_for_user(request.user, pk)
    form = FocusAreaForm(request.POST or None)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("New focus area"), "plan": plan},
        save=lambda data: services.focus_area_create(plan=plan, **_without_version(data)),
        success=_("The focus area was created."),
        done=lambda result: redirect("plans:plan", pk=plan.pk),
    )


@requires(Perm.EDIT_PLANS)
def focus_area_edit(request, pk: int):
    focus_area = selectors.focus_area_for_user(request.user, pk)
    form = FocusAreaForm(request.POST or None, instance=focus_area)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("Edit the focus area"), "plan": focus_area.plan},
        save=lambda data: services.focus_area_update(focus_area=focus_area, **data),
        success=_("The focus area was saved."),
        done=lambda result: redirect("plans:plan", pk=focus_area.plan_id),
    )


@requires(Perm.EDIT_PLANS)
def goal_create(request, pk: int):
    focus_area = selectors.focus_area_for_user(request.user, pk)
    form = GoalForm(request.POST or None)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("New goal"), "plan": focus_area.plan},
        save=lambda data: services.goal_create(focus_area=focus_area, **_without_version(data)),
        success=_("The goal was created."),
        done=lambda result: redirect("plans:plan", pk=focus_area.plan_id),
    )


@requires(Perm.EDIT_PLANS)
def goal_edit(request, pk: int):
    goal = selectors.goal_for_user(request.user, pk)
    form = GoalForm(request.POST or None, instance=goal)
    return form_page(
        request,
        form,
        "plans/form.html",
        {"heading": _("Edit the goal"), "plan": goal.focus_area.plan},
        save=lambda data: services.goal_update(goal=goal, **data),
        success=_("The goal was saved."),
        done=lambda result: redirect("plans:plan", pk=goal.focus_area.plan_id),
    )


@public
def plan_public(request, slug: str):
    """A published plan, read-only and anonymous: goals, measures, status and the latest *public* status text.
    No internal comments (the light's comment, unpublished updates) and no persons."""
    plan = selectors.public_plan(slug)
    measures = Measure.objects.only("pk", "goal_id", "identifier", "title", "description", "status", "light")
    tree = selectors.plan_tree(plan, measures=measures)
    measures_shown = [m for area in tree for goal in area.goals.all() for m in goal.measures.all()]
    latest = latest_updates(Measure.objects.filter(goal__focus_area__plan=plan), public_only=True)
    for measure in measures_shown:
        measure.public_news = latest.get(measure.pk)
    return render(request, "plans/public.html", {"plan": plan, "tree": tree})


def _without_version(data: dict) -> dict:
    data.pop("version", None)
    return data
