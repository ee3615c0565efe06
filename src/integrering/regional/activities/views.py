"""Activities: the list with filters, the page of one activity, register/edit, status, follow-ups, attachments."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.exceptions import ApplicationError
from integrering.core.files.responses import file_response
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.core.registry import measure_tags
from integrering.regional.activities import selectors, services
from integrering.regional.activities.forms import (
    ActivityFilterForm,
    ActivityForm,
    AttachmentForm,
    FollowUpForm,
    StatusForm,
    activity_initial,
)
from integrering.regional.activities.models import ActivityAttachment, ActivityStatus, FollowUpAction
from integrering.regional.areas import TargetGroup, Topic
from integrering.regional.links import activity_grant

PAGE_SIZE = 50


def _to_activity(activity):
    return redirect("regional:activity", pk=activity.pk)


def _filter(request):
    form = ActivityFilterForm(request.GET or None, county=request.user.county)
    if not form.is_valid():
        return form, selectors.ActivityFilter()
    d = form.cleaned_data
    return form, selectors.ActivityFilter(
        area=d.get("area"),
        activity_type=d.get("type") or "",
        municipality=d.get("kommune"),
        start=d.get("fra"),
        end=d.get("til"),
        status=d.get("status") or "",
        adviser=d.get("radgiver"),
    )


@requires(Perm.VIEW_REGIONAL)
def activity_list(request):
    form, f = _filter(request)
    qs = selectors.with_lists(selectors.activities_for_user(request.user, f))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "regional/activities/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_manage": has_perm(request.user, Perm.MANAGE_REGIONAL),
        },
    )


@requires(Perm.VIEW_REGIONAL)
def activity_detail(request, pk: int):
    activity = selectors.activity_for_user(request.user, pk)
    tags, tags_edit = measure_tags(user=request.user, kind="regional.activity", object_id=activity.pk)
    can_manage = has_perm(request.user, Perm.MANAGE_REGIONAL)
    return render(
        request,
        "regional/activities/detail.html",
        {
            "activity": activity,
            "next_status": services.NEXT_STATUS.get(ActivityStatus(activity.status)),
            "can_manage": can_manage,
            "measure_tags": tags,
            "measure_tags_edit": tags_edit,
            "grant": activity_grant(activity),
            "grant_linkable": has_perm(request.user, Perm.VIEW_GRANTS),
            "follow_up_form": FollowUpForm(county=request.user.county) if can_manage else None,
            "attachment_form": AttachmentForm() if can_manage else None,
            "organisations": list(activity.organisations.all()),
            "partners": list(activity.partners.all()),
            "target_groups": [str(TargetGroup(t).label) for t in activity.target_groups if t in TargetGroup.values],
            "topics": [str(Topic(t).label) for t in activity.topics if t in Topic.values],
        },
    )


@requires(Perm.MANAGE_REGIONAL)
def activity_create(request):
    initial = {"advisers": [request.user]}
    form = ActivityForm(request.POST or None, initial=initial, county=request.user.county)

    def save(data):
        data.pop("version", None)
        return services.activity_create(county=request.user.county, user=request.user, **data)

    return form_page_activity(request, form, None, save, _("The activity was registered."))


@requires(Perm.MANAGE_REGIONAL)
def activity_edit(request, pk: int):
    activity = selectors.activity_for_user(request.user, pk)
    form = ActivityForm(request.POST or None, initial=activity_initial(activity), county=request.user.county)
    # An organisation marked «ikke lenger i Enhetsregisteret» stays linked: it must stay choosable here.
    field = form.fields["organisations"]
    field.queryset = (field.queryset | activity.organisations.all()).distinct()  # type: ignore[attr-defined]  # a ModelMultipleChoiceField
    grant = activity_grant(activity)
    if grant is not None:
        form.keep_grant(activity.grant_id, grant[0])

    def save(data):
        return services.activity_update(activity=activity, **data)

    return form_page_activity(request, form, activity, save, _("The activity was saved."))


def form_page_activity(request, form, activity, save, success):

    return form_page(
        request,
        form,
        "regional/activities/form.html",
        {"activity": activity},
        save=save,
        success=success,
        done=_to_activity,
    )


@requires(Perm.MANAGE_REGIONAL)
def activity_status(request, pk: int):

    activity = selectors.activity_for_user(request.user, pk)
    target = services.NEXT_STATUS.get(ActivityStatus(activity.status))
    if target is None:
        messages.info(request, _("The activity is followed up: there is no further status."))
        return _to_activity(activity)
    form = StatusForm(request.POST or None, initial={"version": activity.version, "evaluation": activity.evaluation})

    def save(data):
        return services.activity_status_change(
            activity=activity, status=target, evaluation=data["evaluation"], version=data.get("version")
        )

    return form_page(
        request,
        form,
        "regional/activities/status_form.html",
        {"activity": activity, "target": ActivityStatus(target)},
        save=save,
        success=_("The status was changed."),
        done=_to_activity,
    )


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def follow_up_add(request, pk: int):
    activity = selectors.activity_for_user(request.user, pk)
    form = FollowUpForm(request.POST, county=request.user.county)
    if form.is_valid():
        try:
            services.follow_up_add(activity=activity, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, error.user_message)
        else:
            messages.success(request, _("The follow-up action was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return _to_activity(activity)


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def follow_up_done(request, pk: int):
    action = FollowUpAction.objects.filter(pk=pk, activity__county_id=request.user.county_id).first()
    if action is None:
        raise Http404(_("There is no such follow-up action."))
    services.follow_up_done(action=action, done=request.POST.get("done", "1") == "1")
    messages.success(request, _("The follow-up action was updated."))
    if request.POST.get("neste") == "start":
        return redirect("home")
    return redirect("regional:activity", pk=action.activity_id)


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def attachment_add(request, pk: int):
    activity = selectors.activity_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                activity=activity, upload=form.cleaned_data["file"], name=form.cleaned_data["name"], user=request.user
            )
        except ApplicationError as error:
            messages.error(request, error.user_message)
        else:
            messages.success(request, _("The attachment was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return _to_activity(activity)


@requires(Perm.VIEW_REGIONAL)
def attachment_download(request, pk: int):
    attachment = (
        ActivityAttachment.objects.filter(pk=pk, activity__county_id=request.user.county_id)
        .select_related("stored")
        .first()
    )
    if attachment is None:
        raise Http404(_("There is no such attachment."))
    if attachment.stored is None:
        raise Http404(_("The file is missing."))
    return file_response(attachment.stored)
