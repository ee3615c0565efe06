"""The career-guidance panels of the start page (registered in ``apps.py``); ``accounts`` composes them.

- a leader: compliance per municipality (the share guided before the programme decision);
- a counsellor: the worklist by deadline (overdue first), the first cases, the read logged;
- a municipal user: their participants' status counts and the referrals waiting at the county.
- an upper-secondary coordinator: the § 30 training in numbers.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.audit import personal_data_list_log
from integrering.core.permissions import Perm, has_perm, is_municipal_only
from integrering.core.roles import Role
from integrering.guidance.cases.models import CaseStatus
from integrering.guidance.cases.selectors import queue_for_counsellor
from integrering.guidance.compliance.selectors import compliance_for_user
from integrering.guidance.participants.selectors import participants_for_user
from integrering.guidance.training.selectors import enrolments_for_user, participants_waiting_for_training

WORKLIST_LIMIT = 10


def leader_panel(request):
    user = request.user
    if Role.LEADER not in user.role_set or not has_perm(user, Perm.VIEW_COMPLIANCE) or is_municipal_only(user):
        return None
    return "guidance/start/_leader.html", {"compliance": compliance_for_user(user)}


def counsellor_panel(request):
    user = request.user
    if Role.CAREER_COUNSELLOR not in user.role_set or not has_perm(user, Perm.MANAGE_GUIDANCE):
        return None
    queue = queue_for_counsellor(user)
    cases = list(queue.referred[:WORKLIST_LIMIT]) + list(queue.booked[:WORKLIST_LIMIT])
    cases.sort(key=lambda c: (not c.overdue, c.participant.decision_deadline is None, c.participant.decision_deadline))
    cases = cases[:WORKLIST_LIMIT]
    if cases:
        personal_data_list_log(
            user=user, record_ids=[c.participant_id for c in cases], description=_("Start page: work list")
        )
    return "guidance/start/_counsellor.html", {"cases": cases, "today": timezone.localdate()}


def municipal_panel(request):
    user = request.user
    if not is_municipal_only(user) or not has_perm(user, Perm.VIEW_PARTICIPANTS):
        return None
    counts = participants_for_user(user).aggregate(
        total=Count("pk"),
        not_referred=Count("pk", filter=Q(guidance_case__isnull=True) | Q(guidance_case__status=CaseStatus.WITHDRAWN)),
        referred=Count("pk", filter=Q(guidance_case__status=CaseStatus.REFERRED)),
        booked=Count("pk", filter=Q(guidance_case__status=CaseStatus.BOOKED)),
        completed=Count("pk", filter=Q(guidance_case__status=CaseStatus.COMPLETED)),
        target_group=Count("pk", filter=Q(in_target_group=True)),
        no_decision=Count("pk", filter=Q(in_target_group=True, decision_date__isnull=True)),
    )
    return "guidance/start/_municipal.html", {"counts": counts}


def coordinator_panel(request):
    """An upper-secondary coordinator: how many wait for § 30 training and how many are enrolled (counts only)."""
    user = request.user
    if Role.SCHOOL_COORDINATOR not in user.role_set or not has_perm(user, Perm.MANAGE_TRAINING):
        return None
    counts = enrolments_for_user(user).aggregate(
        ongoing=Count("pk", filter=Q(completed=False)), finished=Count("pk", filter=Q(completed=True))
    )
    counts["waiting"] = participants_waiting_for_training(user).count()
    return "guidance/start/_coordinator.html", {"counts": counts}
