"""The public pages (no login): the published calls, with everything an applicant needs to know."""

import datetime

from django.shortcuts import render
from django.utils import timezone

from integrering.core.permissions import public
from integrering.grants.calls.selectors import call_published, calls_published


@public
def call_list(request):
    today = timezone.localdate()
    calls = list(calls_published())
    return render(
        request,
        "grants/public/call_list.html",
        {
            "open_calls": [c for c in calls if c.is_open_on(today)],
            "coming_calls": [c for c in calls if c.opens_on > today],
        },
    )


@public
def call_detail(request, pk: int):
    call = call_published(pk)
    return render(
        request,
        "grants/public/call_detail.html",
        {
            "call": call,
            "scheme": call.scheme,
            "is_open": call.is_open_on(timezone.localdate()),
            "review_dates": [datetime.date.fromisoformat(d) for d in call.review_dates],
        },
    )


@public
def grants_list(request, year: int):
    """Awarded grants of a year: scheme, recipient organisation, municipality, project, amount — no person's data."""
    from integrering.grants.public.selectors import awarded_in

    grants = awarded_in(year)
    return render(
        request,
        "grants/public/grants_list.html",
        {"year": year, "grants": grants, "total": sum(g.granted_amount or 0 for g in grants)},
    )
