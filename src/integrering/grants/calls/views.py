"""The caseworker's pages for calls: create under a scheme, the call's page, edit."""

import datetime

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.grants.calls import selectors, services
from integrering.grants.calls.forms import CallForm
from integrering.grants.schemes.selectors import scheme_for_user

RANKING_PAGE_SIZE = 50
LATE_DRAFTS_SHOWN = 100


def late_drafts(call, *, today):
    """The drafts of a call whose deadline has passed (the caseworker may reopen one for a late submission)."""
    from integrering.grants.applications.models import Application
    from integrering.grants.applications.status import Status

    if call.closes_on is None or today <= call.closes_on:
        return []
    drafts = Application.objects.filter(call=call, status=Status.DRAFT).select_related("organisation").order_by("pk")
    return list(drafts[:LATE_DRAFTS_SHOWN])


def _to_call(call):
    return redirect("grants:call", pk=call.pk)


@requires(Perm.MANAGE_GRANTS)
def call_create(request, pk: int):
    scheme = scheme_for_user(request.user, pk)
    today = timezone.localdate()
    form = CallForm(
        request.POST or None,
        initial={"year": today.year, "title": f"{scheme.name} {today.year}", "opens_on": today},
    )

    def save(data):
        data.pop("version", None)
        return services.call_create(scheme=scheme, **data)

    return form_page(
        request,
        form,
        "grants/calls/call_form.html",
        {"scheme": scheme, "call": None},
        save=save,
        success=_("The call was saved."),
        done=_to_call,
    )


@requires(Perm.MANAGE_GRANTS)
def call_edit(request, pk: int):
    call = selectors.call_for_user(request.user, pk)
    form = CallForm(request.POST or None, instance=call)

    def save(data):
        version = data.pop("version", None)
        return services.call_update(call=call, version=version, **data)

    return form_page(
        request,
        form,
        "grants/calls/call_form.html",
        {"scheme": call.scheme, "call": call},
        save=save,
        success=_("The call was saved."),
        done=_to_call,
    )


@requires(Perm.VIEW_GRANTS)
def call_detail(request, pk: int):
    from integrering.grants.assessment.selectors import call_ranking, call_sums

    call = selectors.call_for_user(request.user, pk)
    # A page of the ranked list and the sums of the whole call: the same number of queries for 10 or 5 000.
    page = Paginator(call_ranking(call), RANKING_PAGE_SIZE).get_page(request.GET.get("side"))
    can_manage = has_perm(request.user, Perm.MANAGE_GRANTS)
    return render(
        request,
        "grants/calls/call_detail.html",
        {
            "call": call,
            "review_dates": [datetime.date.fromisoformat(d) for d in call.review_dates],
            "can_manage": can_manage,
            "ranking": page,
            "rank_offset": page.start_index() - 1 if page.object_list else 0,
            "sums": call_sums(call),
            "late_drafts": late_drafts(call, today=timezone.localdate()) if can_manage else [],
        },
    )
