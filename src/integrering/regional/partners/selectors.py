"""Reads of partners and forums, scoped to the user's county."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.regional.partners.models import ActionPoint, ActionStatus, Forum, Meeting, Partner


def partners_for_user(user: Any) -> QuerySet[Partner]:
    return Partner.objects.scoped_for(user).prefetch_related("agreements")


def partner_for_user(user: Any, pk: int) -> Partner:
    partner = partners_for_user(user).prefetch_related("forums").filter(pk=pk).first()
    if partner is None:
        raise Http404(_("There is no such partner."))
    return partner


def forums_for_user(user: Any) -> QuerySet[Forum]:
    return Forum.objects.scoped_for(user).prefetch_related("partners")


def forum_for_user(user: Any, pk: int) -> Forum:
    meetings = Meeting.objects.prefetch_related(
        Prefetch("action_points", queryset=ActionPoint.objects.select_related("owner"))
    )
    forum = forums_for_user(user).prefetch_related(Prefetch("meetings", queryset=meetings)).filter(pk=pk).first()
    if forum is None:
        raise Http404(_("There is no such forum."))
    return forum


def meeting_for_user(user: Any, pk: int) -> Meeting:
    meeting = Meeting.objects.filter(pk=pk, forum__county_id=user.county_id).select_related("forum").first()
    if meeting is None:
        raise Http404(_("There is no such meeting."))
    return meeting


def open_action_points_of(user: Any) -> QuerySet[ActionPoint]:
    """The open action points ``user`` owns (their start page)."""
    return (
        ActionPoint.objects.filter(owner=user, status=ActionStatus.OPEN, meeting__forum__county_id=user.county_id)
        .select_related("meeting__forum")
        .order_by("due_date")
    )
