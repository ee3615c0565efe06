"""Guidance requests: a municipal user asks and follows the status; the county lists, answers with activities
or declines."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.regional.activities.forms import ActivityForm
from integrering.regional.areas import Area
from integrering.regional.requests import selectors, services
from integrering.regional.requests.forms import DeclineForm, RequestFilterForm, RequestForm
from integrering.regional.requests.models import RequestStatus


@requires(Perm.REQUEST_GUIDANCE)
def request_create(request):
    form = RequestForm(request.POST or None)

    def save(data):
        return services.request_create(user=request.user, base_url=request.build_absolute_uri("/"), **data)

    return form_page(
        request,
        form,
        "regional/requests/request_form.html",
        {},
        save=save,
        success=_("Your request was sent to the county's contact person."),
        done=lambda r: redirect("regional:own_request", pk=r.pk),
    )


@requires(Perm.REQUEST_GUIDANCE)
def own_requests(request):
    rows = selectors.requests_for_user(request.user)
    return render(request, "regional/requests/own_list.html", {"requests": rows})


@requires(Perm.REQUEST_GUIDANCE)
def own_request(request, pk: int):
    item = selectors.request_for_user(request.user, pk)
    return render(request, "regional/requests/detail.html", {"item": item, "own": True})


@requires(Perm.VIEW_REGIONAL)
def request_list(request):
    form = RequestFilterForm(request.GET or None)
    rows = selectors.requests_for_user(request.user)
    if form.is_valid():
        if form.cleaned_data["status"]:
            rows = rows.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["mine"]:
            rows = rows.filter(pk__in=selectors.requests_for_contact(request.user).values("pk"))
    return render(
        request,
        "regional/requests/list.html",
        {
            "form": form,
            "requests": rows,
            "response": selectors.response_days(selectors.requests_for_user(request.user)),
        },
    )


@requires(Perm.VIEW_REGIONAL)
def request_detail(request, pk: int):
    item = selectors.request_for_user(request.user, pk)
    can_answer = has_perm(request.user, Perm.MANAGE_REGIONAL) and item.status != RequestStatus.DECLINED
    return render(
        request,
        "regional/requests/detail.html",
        {"item": item, "own": False, "can_answer": can_answer, "can_decline": can_answer and item.status == "received"},
    )


@requires(Perm.MANAGE_REGIONAL)
def request_answer(request, pk: int):
    """Register an activity that answers the request (the first one stamps the response time)."""
    item = selectors.request_for_user(request.user, pk)
    initial = {
        "title": _("Guidance: %(topic)s") % {"topic": item.get_topic_display()},
        "activity_type": "guidance_visit",
        "areas": [Area.GUIDANCE],
        "municipalities": [item.municipality],
        "advisers": [request.user],
    }
    form = ActivityForm(request.POST or None, initial=initial, county=request.user.county)

    def save(data):
        data.pop("version", None)
        return services.request_activity_create(request=item, user=request.user, **data)

    return form_page(
        request,
        form,
        "regional/activities/form.html",
        {"activity": None, "guidance_request": item},
        save=save,
        success=_("The activity was registered for the request."),
        done=lambda a: redirect("regional:activity", pk=a.pk),
    )


@requires(Perm.MANAGE_REGIONAL)
def request_decline(request, pk: int):
    item = selectors.request_for_user(request.user, pk)
    form = DeclineForm(request.POST or None, initial={"version": item.version})

    def save(data):
        return services.request_decline(request=item, reason=data["reason"], version=data.get("version"))

    return form_page(
        request,
        form,
        "regional/requests/decline_form.html",
        {"item": item},
        save=save,
        success=_("The request was declined; the municipality sees why."),
        done=lambda r: redirect("regional:request", pk=r.pk),
    )
