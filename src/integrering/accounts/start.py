"""The start page's own panels (the auditor's; the grant caseworker's worklist is the grants app's)."""

from __future__ import annotations

from integrering.core.permissions import Perm, has_perm
from integrering.core.roles import Role


def auditor_panel(request):
    """The audit log, and what an auditor may read (and may not)."""
    if Role.AUDITOR not in request.user.role_set or not has_perm(request.user, Perm.VIEW_AUDIT):
        return None
    return "accounts/start/_auditor.html", {}
