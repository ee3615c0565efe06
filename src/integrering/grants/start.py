"""The grants panels of the start page (registered in ``apps.py``; ``accounts`` composes them).

- a grant caseworker: the applications waiting for them (screening, missing information back, assessment,
  recommendation), oldest first, and the counts per status;
- a leader: the budget of this year's calls (frame, granted, left);
- an applicant: their organisations' applications;
- a municipal user: the applications and grants that concern their municipality.
"""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.utils import timezone

from integrering.core.permissions import Perm, has_perm
from integrering.core.roles import Role
from integrering.grants.applications.models import Application
from integrering.grants.applications.selectors import applications_for_applicant, applications_for_user
from integrering.grants.applications.status import COMMITTED, Status
from integrering.grants.calls.models import Call

WORKLIST_LIMIT = 10
WAITING = (Status.SUBMITTED, Status.SCREENING, Status.ASSESSMENT, Status.RECOMMENDED)


def caseworker_panel(request):
    user = request.user
    if Role.GRANT_CASEWORKER not in user.role_set or not has_perm(user, Perm.MANAGE_GRANTS):
        return None
    waiting = applications_for_user(user).filter(status__in=WAITING).order_by("submitted_at", "pk")
    counts = dict(applications_for_user(user).values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    rows = [(status.label, counts.get(status.value, 0)) for status in Status if status != Status.DRAFT]
    return "grants/start/_caseworker.html", {"waiting": list(waiting[:WORKLIST_LIMIT]), "counts": rows}


def leader_panel(request):
    user = request.user
    if Role.LEADER not in user.role_set or not has_perm(user, Perm.VIEW_GRANTS):
        return None
    calls = (
        Call.objects.scoped_for(user)
        .filter(year=timezone.localdate().year)
        .select_related("scheme")
        .annotate(
            granted=Sum("applications__granted_amount", filter=Q(applications__status__in=COMMITTED)),
            received=Count("applications", filter=~Q(applications__status=Status.DRAFT)),
        )
        .order_by("scheme__name")
    )
    rows = [(c, c.granted or 0, c.budget_frame - (c.granted or 0)) for c in calls]
    return "grants/start/_leader.html", {"rows": rows, "year": timezone.localdate().year}


def applicant_panel(request):
    user = request.user
    if Role.APPLICANT not in user.role_set or not has_perm(user, Perm.APPLY_GRANTS):
        return None
    applications: list[Application] = list(applications_for_applicant(user).order_by("-pk")[:WORKLIST_LIMIT])
    return "grants/start/_applicant.html", {"applications": applications}


def followup_panel(request):
    """A grant caseworker's follow-up after the decisions: reports waiting to be handled, and open reclaims."""
    from integrering.grants.reclaims.selectors import reclaims_open
    from integrering.grants.reports.selectors import reports_waiting

    user = request.user
    if Role.GRANT_CASEWORKER not in user.role_set or not has_perm(user, Perm.MANAGE_GRANTS):
        return None
    return "grants/start/_followup.html", {
        "reports": list(reports_waiting(user)[:WORKLIST_LIMIT]),
        "reclaims": list(reclaims_open(user)[:WORKLIST_LIMIT]),
        "today": timezone.localdate(),
    }


def municipal_panel(request):
    """A municipal user: the latest applications and grants that concern their municipality, and the sums."""
    from integrering.grants.municipal.selectors import applications_for_municipality, municipality_sums

    user = request.user
    if Role.MUNICIPAL_USER not in user.role_set or not has_perm(user, Perm.VIEW_MUNICIPAL_GRANTS):
        return None
    latest = list(applications_for_municipality(user).order_by("-submitted_at", "-pk")[:WORKLIST_LIMIT])
    return "grants/start/_municipal.html", {"applications": latest, "sums": municipality_sums(user)}
