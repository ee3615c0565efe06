"""The calendar page and the ICS feed at a per-user secret address."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.permissions import Perm, has_perm, public, requires
from integrering.regional.activities import selectors
from integrering.regional.activities.calendar import CalendarFeed, feed_for, ics_for, month_weeks


def _month(text: str | None) -> datetime.date:
    try:
        return datetime.date.fromisoformat(f"{text}-01") if text else timezone.localdate().replace(day=1)
    except ValueError:
        return timezone.localdate().replace(day=1)


@requires(Perm.VIEW_REGIONAL)
def calendar_page(request):
    first = _month(request.GET.get("maaned"))
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    activities = list(
        selectors.activities_for_user(request.user, selectors.ActivityFilter(end=last))
        .filter(start_date__gte=first - datetime.timedelta(days=62))
        .only("pk", "title", "start_date", "end_date", "status")
    )
    activities = [a for a in activities if (a.end_date or a.start_date) >= first]
    feed = feed_for(request.user)
    return render(
        request,
        "regional/activities/calendar.html",
        {
            "month": first,
            "weeks": month_weeks(first.year, first.month, activities),
            "previous": (first - datetime.timedelta(days=1)).strftime("%Y-%m"),
            "next": (last + datetime.timedelta(days=1)).strftime("%Y-%m"),
            "feed_url": request.build_absolute_uri(reverse("regional:calendar_feed", kwargs={"token": feed.token})),
        },
    )


@requires(Perm.VIEW_REGIONAL)
@require_POST
def calendar_feed_renew(request):
    feed_for(request.user, renew=True)
    messages.success(request, _("The calendar has a new address; the old one no longer works."))
    return redirect("regional:calendar")


@public
def calendar_feed(request, token: str):
    """The secret address is the credential: no login, the user's own planned activities only."""
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed is None or not feed.user.is_active or not has_perm(feed.user, Perm.VIEW_REGIONAL):
        raise Http404(_("There is no such calendar."))
    response = HttpResponse(
        ics_for(feed.user, base_url=request.build_absolute_uri("/")), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="aktiviteter.ics"'
    return response
