"""Sector partners: partners with agreements, forums with meetings, minutes and action points."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.exceptions import ApplicationError
from integrering.core.files.responses import file_response
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.regional.partners import selectors, services
from integrering.regional.partners.forms import ActionPointForm, AgreementForm, ForumForm, MeetingForm, PartnerForm
from integrering.regional.partners.models import ActionPoint, ActionStatus


def _posted(request, form, save, success):
    """A small POST form on a page: run ``save(cleaned_data)``; errors and success as messages."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, error.user_message)
        else:
            messages.success(request, success)
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))


@requires(Perm.VIEW_REGIONAL)
def partner_list(request):
    return render(
        request,
        "regional/partners/partner_list.html",
        {
            "partners": selectors.partners_for_user(request.user),
            "forums": selectors.forums_for_user(request.user),
            "can_manage": has_perm(request.user, Perm.MANAGE_REGIONAL),
        },
    )


@requires(Perm.MANAGE_REGIONAL)
def partner_create(request):
    form = PartnerForm(request.POST or None)
    return form_page(
        request,
        form,
        "regional/partners/partner_form.html",
        {},
        save=lambda data: services.partner_create(county=request.user.county, **data),
        success=_("The partner was registered."),
        done=lambda p: redirect("regional:partner", pk=p.pk),
    )


@requires(Perm.VIEW_REGIONAL)
def partner_detail(request, pk: int):
    partner = selectors.partner_for_user(request.user, pk)
    can_manage = has_perm(request.user, Perm.MANAGE_REGIONAL)
    return render(
        request,
        "regional/partners/partner_detail.html",
        {
            "partner": partner,
            "agreement_form": AgreementForm() if can_manage else None,
            "activities": partner.activities.order_by("-start_date")[:50],
        },
    )


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def agreement_add(request, pk: int):
    partner = selectors.partner_for_user(request.user, pk)
    _posted(
        request,
        AgreementForm(request.POST),
        lambda d: services.agreement_add(partner=partner, **d),
        _("The agreement was added."),
    )
    return redirect("regional:partner", pk=partner.pk)


@requires(Perm.MANAGE_REGIONAL)
def forum_create(request):
    form = ForumForm(request.POST or None, county=request.user.county)
    return form_page(
        request,
        form,
        "regional/partners/forum_form.html",
        {},
        save=lambda data: services.forum_create(county=request.user.county, **data),
        success=_("The forum was registered."),
        done=lambda f: redirect("regional:forum", pk=f.pk),
    )


@requires(Perm.VIEW_REGIONAL)
def forum_detail(request, pk: int):
    forum = selectors.forum_for_user(request.user, pk)
    can_manage = has_perm(request.user, Perm.MANAGE_REGIONAL)
    return render(
        request,
        "regional/partners/forum_detail.html",
        {
            "forum": forum,
            "can_manage": can_manage,
            "meeting_form": MeetingForm() if can_manage else None,
            # One action-point form per meeting, each with its own ids (the names stay, the POST is the same).
            "meetings": [
                (m, ActionPointForm(county=request.user.county, auto_id=f"id_mote{m.pk}_%s") if can_manage else None)
                for m in forum.meetings.all()
            ],
            "statuses": ActionStatus.choices,
        },
    )


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def meeting_add(request, pk: int):
    forum = selectors.forum_for_user(request.user, pk)
    _posted(
        request,
        MeetingForm(request.POST, request.FILES),
        lambda d: services.meeting_add(forum=forum, user=request.user, **d),
        _("The meeting was added."),
    )
    return redirect("regional:forum", pk=forum.pk)


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def action_point_add(request, pk: int):
    meeting = selectors.meeting_for_user(request.user, pk)
    _posted(
        request,
        ActionPointForm(request.POST, county=request.user.county),
        lambda d: services.action_point_add(meeting=meeting, **d),
        _("The action point was added."),
    )
    return redirect("regional:forum", pk=meeting.forum_id)


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def action_point_status(request, pk: int):
    point = ActionPoint.objects.filter(pk=pk, meeting__forum__county_id=request.user.county_id).first()
    if point is None:
        raise Http404(_("There is no such action point."))
    version = request.POST.get("version", "")
    try:
        services.action_point_status(
            point=point, status=request.POST.get("status", ""), version=int(version) if version.isdigit() else None
        )
    except ApplicationError as error:
        messages.error(request, error.user_message)
    else:
        messages.success(request, _("The action point was updated."))
    if request.POST.get("neste") == "start":
        return redirect("home")
    return redirect("regional:forum", pk=point.meeting.forum_id)


@requires(Perm.VIEW_REGIONAL)
def minutes_download(request, pk: int):
    meeting = selectors.meeting_for_user(request.user, pk)
    if meeting.minutes_file is None:
        raise Http404(_("The meeting has no minutes."))
    return file_response(meeting.minutes_file)
