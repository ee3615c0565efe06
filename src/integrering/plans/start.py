"""The plans panels of the start page (registered in ``apps.py``):

- the owner of measures (their primary person): their measures not followed up for the plan's number of days;
- a leader: the measures off track (red), newest first, and the annual report to download.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from integrering.core.permissions import Perm, has_perm, is_municipal_only
from integrering.core.roles import Role
from integrering.plans.measures.models import Light, Measure
from integrering.plans.plans.selectors import plans_for_user, stale_measures

LIMIT = 15


def owner_panel(request: Any) -> tuple[str, dict[str, Any]] | None:
    user = request.user
    if not has_perm(user, Perm.EDIT_PLANS) or is_municipal_only(user):
        return None
    plans = list(plans_for_user(user).exclude(status="expired"))
    stale = list(stale_measures(plans).filter(primary_person=user)[:LIMIT])
    if not stale:
        return None
    return "plans/start/_owner.html", {"stale": stale}


def leader_panel(request: Any) -> tuple[str, dict[str, Any]] | None:
    user = request.user
    if Role.LEADER not in user.role_set or not has_perm(user, Perm.VIEW_PLANS):
        return None
    red = (
        Measure.objects.scoped_for(user)
        .filter(light=Light.RED)
        .exclude(goal__focus_area__plan__status="expired")
        .select_related("goal__focus_area__plan")
        .order_by("-last_update_at", "identifier")[:LIMIT]
    )
    return "plans/start/_leader.html", {"red": list(red), "year": timezone.localdate().year - 1}
