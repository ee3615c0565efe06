"""The start page's own panels (the roles whose work has no app yet, and the auditor's)."""

from __future__ import annotations

from integrering.core.permissions import Perm, has_perm
from integrering.core.roles import Role


def grant_caseworker_panel(request):
    """An honest empty state: grants are not in the system yet; say what will come."""
    if Role.GRANT_CASEWORKER not in request.user.role_set:
        return None
    return "accounts/start/_grants.html", {}


def auditor_panel(request):
    """The audit log, and what an auditor may read (and may not)."""
    if Role.AUDITOR not in request.user.role_set or not has_perm(request.user, Perm.VIEW_AUDIT):
        return None
    return "accounts/start/_auditor.html", {}
