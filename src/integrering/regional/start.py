"""The regional panels of the start page (registered in ``apps.py``; ``accounts`` composes them).

- a municipal user: «Be om veiledning» and the municipality's open requests with their status;
- an adviser or administrator: new requests from the municipalities they are the contact person for, and the
  follow-up actions and partners' action points they own;
- a leader: this year's activities per area of responsibility.
"""

from __future__ import annotations

from django.utils import timezone

from integrering.core.permissions import Perm, has_perm, is_municipal_only
from integrering.core.roles import Role
from integrering.regional.activities.models import FollowUpAction
from integrering.regional.partners.selectors import open_action_points_of
from integrering.regional.report import activities_report
from integrering.regional.requests.selectors import OPEN, requests_for_contact, requests_for_user

LIMIT = 10


def municipal_panel(request):
    user = request.user
    if not is_municipal_only(user) or not has_perm(user, Perm.REQUEST_GUIDANCE):
        return None
    rows = list(requests_for_user(user).filter(status__in=OPEN)[:LIMIT])
    return "regional/start/_municipal.html", {"requests": rows}


def contact_panel(request):
    user = request.user
    if not has_perm(user, Perm.MANAGE_REGIONAL):
        return None
    requests = list(requests_for_contact(user)[:LIMIT])
    actions = list(
        FollowUpAction.objects.filter(owner=user, done=False, activity__county_id=user.county_id)
        .select_related("activity")
        .order_by("due_date")[:LIMIT]
    )
    points = _action_points(user)
    if not (requests or actions or points):
        return None
    return "regional/start/_contact.html", {
        "requests": requests,
        "actions": actions,
        "points": points,
        "today": timezone.localdate(),
    }


def _action_points(user):
    return list(open_action_points_of(user)[:LIMIT])


def leader_panel(request):
    user = request.user
    if Role.LEADER not in user.role_set or not has_perm(user, Perm.VIEW_REGIONAL):
        return None
    year = timezone.localdate().year
    report = activities_report(county=user.county, year=year)
    return "regional/start/_leader.html", {"report": report, "year": year}
